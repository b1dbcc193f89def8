import Workload

/// The one place the CLI turns a MODEL argument into a spec; importer warnings go to stderr.
enum ModelLoading {
    static func load(_ reference: String) throws -> ModelSpec {
        InputFiles.record(reference)
        let loaded = try ModelLoader.load(reference)
        for warning in loaded.warnings { StandardStreams.warn("\(reference): \(warning)") }
        return loaded.spec
    }
}
