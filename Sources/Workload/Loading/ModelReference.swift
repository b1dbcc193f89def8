import Foundation

/// What a MODEL argument refers to, decided before anything is parsed.
public enum ModelReference: Sendable, Equatable {
    /// A catalog entry, by name.
    case catalog(ModelCatalog.Entry)
    /// A file: one of our spec files, a Hugging Face `config.json` (told apart by content) or a GGUF file.
    /// `directory` is the model directory it was found in, when the argument named one (where a
    /// checkpoint's safetensors files may lie beside it).
    case file(path: String, directory: String? = nil)
    /// A Hugging Face hub id found in the local hub cache.
    case hub(HubSnapshot)

    /// Resolves `text` (see `resolve(_:catalog:hub:revision:)`) with no revision: every failure is
    /// a `SpecError`.
    /// - Parameters:
    ///   - text: the MODEL argument as the user wrote it.
    ///   - catalog: the catalog to look names up in; `ModelCatalog.located()` when `nil`.
    public static func resolve(_ text: String, catalog: ModelCatalog? = nil) throws(SpecError) -> ModelReference {
        do {
            return try resolve(text, catalog: catalog, hub: nil, revision: nil)
        } catch let error as SpecError {
            throw error
        } catch {
            throw SpecError(file: text, "\(error)")
        }
    }

    /// Resolves `text`: a bare word names a catalog entry if there is one (`gpt2`, `Llama-2-7B`);
    /// otherwise an existing file, or a directory holding `config.json` (a downloaded Hugging
    /// Face repository); otherwise a hub id (`org/name`, or a bare name the cache holds) in the
    /// local hub cache; otherwise, if it looks like a path, a missing-file error, else a catalog
    /// error suggesting the nearest names. A `revision` applies to hub ids only.
    /// - Parameters:
    ///   - text: the MODEL argument as the user wrote it.
    ///   - catalog: the catalog to look names up in; `ModelCatalog.located()` when `nil`.
    ///   - hub: the hub cache; located from the environment when `nil`.
    ///   - revision: a branch, tag or commit of a hub id; `nil` reads `main`.
    public static func resolve(_ text: String, catalog: ModelCatalog?, hub: HubCache?, revision: String?) throws -> ModelReference {
        guard !text.isEmpty else { throw SpecError(file: "model", "empty model name") }
        let looksLikePath = text.contains("/") || text.hasPrefix(".") || text.hasPrefix("~")
            || [".yaml", ".yml", ".json", ".gguf"].contains { text.lowercased().hasSuffix($0) }
        let knownCatalog = catalog ?? ModelCatalog.located()
        if !looksLikePath, let entry = try? knownCatalog.entry(named: text) {
            return try withoutRevision(.catalog(entry), text, revision)
        }
        if let local = try localFile(text) { return try withoutRevision(local, text, revision) }
        let cache = hub ?? HubCache.located()
        let fileLike = [".yaml", ".yml", ".json", ".gguf"].contains { text.lowercased().hasSuffix($0) }
        let bareButCached = !text.contains("/") && HubCache.isHubID(text) && cache.holds(text)
        if !fileLike, (text.contains("/") && HubCache.isHubID(text)) || bareButCached {
            return .hub(try cache.snapshot(of: text, revision: revision))
        }
        if looksLikePath { throw SpecError(file: text, "no such file or directory") }
        return try withoutRevision(.catalog(try knownCatalog.entry(named: text)), text, revision)
    }

    /// An existing file, or a directory holding `config.json`; nil when nothing is at `text`.
    private static func localFile(_ text: String) throws(SpecError) -> ModelReference? {
        let path = (text as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return .file(path: path) }
        let config = (path as NSString).appendingPathComponent("config.json")
        guard FileManager.default.fileExists(atPath: config) else {
            throw SpecError(file: path, "a directory without config.json; give a spec file, a config.json, or a directory holding one")
        }
        return .file(path: config, directory: path)
    }

    private static func withoutRevision(_ reference: ModelReference, _ text: String, _ revision: String?) throws -> ModelReference {
        guard let revision else { return reference }
        throw HubRevisionError(.revision, "'\(revision)' names a revision of a Hugging Face hub model, but \(text) is a catalog name or a local file")
    }
}
