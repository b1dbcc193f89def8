import Foundation

/// Loads any MODEL argument — catalog name, spec file, `config.json`, model directory — into a
/// validated spec. This is the one door through which user input becomes a `ModelSpec`.
public enum ModelLoader {
    /// Resolves and loads `reference`, looking names up in the default catalog.
    public static func load(_ reference: String) throws(SpecError) -> LoadedModel {
        try load(reference, catalog: nil)
    }

    /// Resolves and loads `reference`, looking names up in `catalog` (located when `nil`).
    public static func load(_ reference: String, catalog: ModelCatalog?) throws(SpecError) -> LoadedModel {
        try load(ModelReference.resolve(reference, catalog: catalog))
    }

    /// Resolves and loads `reference` at `revision` (hub ids only; nil: `main`), looking hub ids
    /// up in `hub` (located from the environment when `nil`).
    public static func load(_ reference: String, revision: String?, catalog: ModelCatalog? = nil, hub: HubCache? = nil) throws -> LoadedModel {
        try load(ModelReference.resolve(reference, catalog: catalog, hub: hub, revision: revision))
    }

    /// Loads what `reference` resolved to; a model directory (given or a hub snapshot) is kept
    /// in `LoadedModel.directory` for the checkpoint beside its config.
    public static func load(_ reference: ModelReference) throws(SpecError) -> LoadedModel {
        switch reference {
        case .catalog(let entry):
            return try load(entry: entry)
        case .file(let path, let directory):
            var loaded = try loadFile(at: path)
            loaded.directory = directory
            return loaded
        case .hub(let snapshot):
            var loaded = try loadFile(at: snapshot.configPath)
            loaded.spec.name = snapshot.modelName
            loaded.spec.source = "\(snapshot.id) at \(snapshot.revision) (commit \(snapshot.commit)), Hugging Face cache: \(snapshot.configPath)"
            loaded.directory = snapshot.directory
            return loaded
        }
    }

    /// Loads one catalog entry; a broken one is reported by its file, which is where it must be fixed.
    public static func load(entry: ModelCatalog.Entry) throws(SpecError) -> LoadedModel {
        guard let text = entry.text else { return try loadFile(at: entry.path) }
        return try load(data: Data(text.utf8), path: entry.path)
    }

    /// Loads one file, a spec of ours or a Hugging Face config, told apart by content.
    public static func loadFile(at path: String) throws(SpecError) -> LoadedModel {
        // A GGUF file (llama.cpp, Ollama) is known by its magic or its extension; only its
        // header is read, never the gigabytes of tensor data after it.
        if path.lowercased().hasSuffix(".gguf") || GGUFHeader.hasMagic(path: path) {
            return try GGUFImport.load(path: path)
        }
        return try load(InputFile(path: path))
    }

    /// Loads in-memory file contents as if read from `path` (tests, stdin).
    public static func load(data: Data, path: String) throws(SpecError) -> LoadedModel {
        if data.starts(with: Array("GGUF".utf8)) {
            let bytes = [UInt8](data.prefix(GGUFLimits.headerBytes))
            return try GGUFImport.load(GGUFHeader.parse(bytes, fileSize: data.count, path: path), path: path)
        }
        return try load(InputFile(path: path, data: data))
    }

    static func load(_ input: InputFile) throws(SpecError) -> LoadedModel {
        if input.looksLikeJSON, case .object(let values) = try JSONValue.parse(input.data, file: input.path),
           isHuggingFaceConfig(values) {
            let config = HuggingFaceConfig(values: values, file: input.path, prefix: "")
            return try config.modelSpec(name: modelName(forConfigAt: input.path))
        }
        var (spec, hasName) = try SpecFileDecoder.decode(input)
        if !hasName { spec.name = ((input.path as NSString).lastPathComponent as NSString).deletingPathExtension }
        if spec.source == nil { spec.source = input.path }
        return LoadedModel(spec: try spec.validated(file: input.path))
    }

    /// A Hugging Face config has `model_type` or the snake_case keys of one, and none of ours.
    static func isHuggingFaceConfig(_ values: [String: JSONValue]) -> Bool {
        if values["vocabularySize"] != nil || values["hiddenSize"] != nil { return false }
        if values["model_type"] != nil || values["architectures"] != nil { return true }
        let hfKeys = ["vocab_size", "hidden_size", "n_embd", "d_model", "num_hidden_layers", "n_layer", "num_layers"]
        return hfKeys.contains { values[$0] != nil }
    }

    /// `…/llama-2-7b/config.json` → `llama-2-7b`; `mixtral.json` → `mixtral`.
    static func modelName(forConfigAt path: String) -> String {
        let url = URL(fileURLWithPath: path)
        if url.lastPathComponent == "config.json" {
            let parent = url.deletingLastPathComponent().lastPathComponent
            if !parent.isEmpty, parent != "/", parent != "." { return parent }
        }
        return url.deletingPathExtension().lastPathComponent
    }
}
