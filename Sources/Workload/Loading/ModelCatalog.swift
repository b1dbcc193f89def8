import Foundation

/// The catalog of real architectures: one `ModelSpecs/<name>.yaml` per model.
///
/// Built in: the EmbedModelSpecs build plugin compiles `ModelSpecs/` into this module, so the
/// binary carries its catalog wherever it is copied, and no lookup depends on the current
/// directory or on the source tree it was built from. `$LLMCOST_SPECS` names a directory to use
/// instead (a catalog being edited, or one of your own).
public struct ModelCatalog: Sendable, Equatable {
    /// One catalog spec: its name (the file name without `.yaml`, lower case), the file it came
    /// from, and — for the built-in catalog — its text.
    public struct Entry: Sendable, Equatable {
        public var name: String
        /// The spec's file: in the catalog directory, or `ModelSpecs/<file>` of the source tree
        /// for a built-in entry (where a broken entry must be fixed).
        public var path: String
        /// The built-in entry's text; `nil` for a file to read from `path`.
        public var text: String?

        public init(name: String, path: String, text: String? = nil) {
            self.name = name; self.path = path; self.text = text
        }
    }

    /// Where the entries come from.
    public enum Source: Sendable, Equatable {
        /// Compiled into the binary from the source tree's `ModelSpecs/`.
        case builtIn
        /// A directory of spec files (`$LLMCOST_SPECS`).
        case directory(String)
    }

    public let source: Source

    /// A catalog of your own: every `*.yaml` spec in `directory` (replacing the built-in one,
    /// as `$LLMCOST_SPECS` does), so names resolve against the models you maintain.
    public init(directory: String) { source = .directory(directory) }
    init(source: Source) { self.source = source }

    /// The catalog compiled into this binary.
    public static let builtIn = ModelCatalog(source: .builtIn)

    /// The directory of a directory catalog; `nil` for the built-in one.
    public var directory: String? {
        if case .directory(let path) = source { return path }
        return nil
    }

    /// How messages name this catalog.
    public var location: String { directory ?? "built in, from ModelSpecs/" }

    /// The environment variable naming a catalog directory to use instead of the built-in one.
    public static let overrideVariable = "LLMCOST_SPECS"

    /// `$LLMCOST_SPECS` if set and not empty, else the built-in catalog.
    public static func located(environment: [String: String] = ProcessInfo.processInfo.environment) -> ModelCatalog {
        if let explicit = environment[overrideVariable], !explicit.isEmpty { return ModelCatalog(directory: explicit) }
        return .builtIn
    }

    /// The default catalog's entries, sorted by name.
    public static func entries() throws(SpecError) -> [Entry] {
        try located().contents()
    }

    /// This catalog's entries (`*.yaml`, `*.yml`), sorted by name.
    public func contents() throws(SpecError) -> [Entry] {
        switch source {
        case .builtIn:
            return EmbeddedModelSpecs.files.map { file in
                Entry(name: Self.entryName(file.fileName), path: "ModelSpecs/\(file.fileName)", text: file.text)
            }.sorted { $0.name < $1.name }
        case .directory(let directory):
            let files: [String]
            do {
                files = try FileManager.default.contentsOfDirectory(atPath: directory)
            } catch {
                throw SpecError(file: directory, "cannot list the catalog directory (\(Self.overrideVariable))")
            }
            return files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .map { Entry(name: Self.entryName($0), path: (directory as NSString).appendingPathComponent($0)) }
                .sorted { $0.name < $1.name }
        }
    }

    /// `Llama-2-7B.yaml` → `llama-2-7b`.
    static func entryName(_ fileName: String) -> String {
        (fileName as NSString).deletingPathExtension.lowercased()
    }

    /// The entry called `name` (case-insensitive), or an error suggesting the nearest names.
    public func entry(named name: String) throws(SpecError) -> Entry {
        let all = try contents()
        if let hit = all.first(where: { $0.name == name.lowercased() }) { return hit }
        let hint = EditDistance.didYouMean(name, in: all.map(\.name))
            ?? "run 'llmcost models' for the catalog, or give a path to a spec file or a config.json"
        throw SpecError(file: "catalog:\(name)", "no such model in the catalog (\(location)); \(hint)")
    }
}

/// The spec files the EmbedModelSpecs plugin compiled in (`files` is generated at build time).
enum EmbeddedModelSpecs {
    struct File: Sendable {
        var fileName: String
        var text: String
    }
}

#if LLMCOST_NO_EMBEDDED_CATALOG
// The fuzz build (Fuzz/run.sh) runs no plugin: its harness reads files, never the catalog.
extension EmbeddedModelSpecs {
    static let files: [EmbeddedModelSpecs.File] = []
}
#endif
