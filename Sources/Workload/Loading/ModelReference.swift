import Foundation

/// What a MODEL argument refers to, decided before anything is parsed.
public enum ModelReference: Sendable, Equatable {
    /// A catalog entry, by name.
    case catalog(ModelCatalog.Entry)
    /// A file: one of our spec files, a Hugging Face `config.json` (told apart by content) or a GGUF file.
    case file(path: String)

    /// Resolves `text`: a bare word names a catalog entry if there is one (`gpt2`, `Llama-2-7B`);
    /// otherwise an existing file, or a directory holding `config.json` (a downloaded Hugging
    /// Face repository); otherwise, if it looks like a path, a missing-file error, else a
    /// catalog error suggesting the nearest names.
    /// - Parameter catalog: the catalog to look names up in; `ModelCatalog.located()` when `nil`.
    public static func resolve(_ text: String, catalog: ModelCatalog? = nil) throws(SpecError) -> ModelReference {
        guard !text.isEmpty else { throw SpecError(file: "model", "empty model name") }
        let looksLikePath = text.contains("/") || text.hasPrefix(".") || text.hasPrefix("~")
            || [".yaml", ".yml", ".json", ".gguf"].contains { text.lowercased().hasSuffix($0) }
        let knownCatalog = catalog ?? ModelCatalog.located()
        if !looksLikePath, let entry = try? knownCatalog.entry(named: text) {
            return .catalog(entry)
        }
        let path = (text as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { return .file(path: path) }
            let config = (path as NSString).appendingPathComponent("config.json")
            guard FileManager.default.fileExists(atPath: config) else {
                throw SpecError(file: path, "a directory without config.json; give a spec file, a config.json, or a directory holding one")
            }
            return .file(path: config)
        }
        if looksLikePath { throw SpecError(file: text, "no such file or directory") }
        return .catalog(try knownCatalog.entry(named: text))
    }
}
