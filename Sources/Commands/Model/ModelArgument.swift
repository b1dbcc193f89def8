import ArgumentParser

/// The MODEL every analysis command takes.
struct ModelArgument: ParsableArguments {
    @Argument(help: ArgumentHelp(ModelArgument.help, valueName: "model"))
    var model: String
    @Option(help: ArgumentHelp(ModelArgument.revisionHelp, valueName: "revision"))
    var revision: String?

    static let help = "A catalog name (see `llmcost models`), a path to one of our spec files, a path to a Hugging Face config.json, a directory that contains one (and maybe *.safetensors), a GGUF file (llama.cpp, Ollama), or a hub id (org/name) in the local Hugging Face cache."
    static let revisionHelp = "Hub ids only: a branch or tag (read from the cache's refs/<name>) or a commit hash naming a cached snapshot (default: main)."
}
