import ArgumentParser

/// The MODEL every analysis command takes.
struct ModelArgument: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "A catalog name (see `llmcost models`), a path to one of our spec files, a path to a Hugging Face config.json, a directory that contains one, or a GGUF file (llama.cpp, Ollama).",
        valueName: "model"))
    var model: String
}
