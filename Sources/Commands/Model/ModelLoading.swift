import Workload

/// The one place the CLI turns a MODEL argument into a spec; importer warnings go to stderr.
enum ModelLoading {
    static func load(_ reference: String, revision: String? = nil) throws -> ModelSpec {
        try loadModel(reference, revision: revision).spec
    }

    /// The loaded model with the directory it came from (a model directory or a hub snapshot).
    static func loadModel(_ reference: String, revision: String? = nil) throws -> LoadedModel {
        InputFiles.record(reference)
        let loaded = try ModelLoader.load(reference, revision: revision)
        if let directory = loaded.directory { InputFiles.record(directory) }
        for warning in loaded.warnings { StandardStreams.warn("\(reference): \(warning)") }
        return loaded
    }
}
