import Foundation

/// The catalog of real architectures: one `ModelSpecs/<name>.yaml` per model.
///
/// Found at `$LLMCOST_SPECS` if set, else at the first `ModelSpecs/` met walking up from the
/// running executable's directory (a build tree inside the package), else walking up from the
/// current directory — so the tool works from its build tree, from an installed copy beside its
/// catalog, and from anywhere inside a checkout.
public struct ModelCatalog: Sendable, Equatable {
    /// One catalog file: its name (the file name without `.yaml`, lower case) and path.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var path: String
    }

    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The catalog at the default location, or an error saying where it was looked for.
    public static func located() throws(SpecError) -> ModelCatalog {
        let environment = ProcessInfo.processInfo.environment
        guard let directory = locateDirectory(
            environment: environment, executableDirectory: executableDirectory(),
            currentDirectory: FileManager.default.currentDirectoryPath) ?? builtFromCatalog()
        else {
            throw SpecError(file: "catalog", "no ModelSpecs/ directory found beside the executable or above the current directory; set LLMCOST_SPECS to the catalog directory")
        }
        return ModelCatalog(directory: directory)
    }

    /// The catalog of the source tree this binary was built from, so a copy installed elsewhere
    /// on the same machine still finds it.
    static func builtFromCatalog(source: String = #filePath) -> String? {
        let root = URL(fileURLWithPath: source).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidate = root.appendingPathComponent("ModelSpecs").path
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) && isDirectory.boolValue ? candidate : nil
    }

    /// The running executable's directory, symlinks resolved: `/proc/self/exe` on Linux, else
    /// `CommandLine.arguments[0]` against the current directory, else what `Bundle` reports.
    static func executableDirectory() -> String? {
        let fileManager = FileManager.default
        if let target = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: target).deletingLastPathComponent().path
        }
        if let first = CommandLine.arguments.first, first.contains("/") {
            let url = URL(fileURLWithPath: first, relativeTo: URL(fileURLWithPath: fileManager.currentDirectoryPath))
            return url.standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent().path
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    /// Where the catalog is, by the rule above; `nil` when there is none.
    public static func locateDirectory(
        environment: [String: String], executableDirectory: String?, currentDirectory: String
    ) -> String? {
        if let explicit = environment["LLMCOST_SPECS"], !explicit.isEmpty { return explicit }
        for start in [executableDirectory, currentDirectory].compactMap({ $0 }) {
            var url = URL(fileURLWithPath: start).standardizedFileURL
            while true {
                let candidate = url.appendingPathComponent("ModelSpecs").path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                    return candidate
                }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { break }
                url = parent
            }
        }
        return nil
    }

    /// The default catalog's entries, sorted by name.
    public static func entries() throws(SpecError) -> [Entry] {
        try located().contents()
    }

    /// This catalog's entries (`*.yaml`, `*.yml`), sorted by name.
    public func contents() throws(SpecError) -> [Entry] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw SpecError(file: directory, "cannot list the catalog directory (LLMCOST_SPECS or ModelSpecs/)")
        }
        return files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { file in
                Entry(name: (file as NSString).deletingPathExtension.lowercased(),
                      path: (directory as NSString).appendingPathComponent(file))
            }
            .sorted { $0.name < $1.name }
    }

    /// The entry called `name` (case-insensitive), or an error suggesting the nearest names.
    public func entry(named name: String) throws(SpecError) -> Entry {
        let all = try contents()
        if let hit = all.first(where: { $0.name == name.lowercased() }) { return hit }
        let near = EditDistance.nearest(to: name, in: all.map(\.name))
        let hint = near.isEmpty
            ? "run 'llmcost models' for the catalog, or give a path to a spec file or a config.json"
            : "did you mean \(near.map { "'\($0)'" }.joined(separator: ", "))?"
        throw SpecError(file: "catalog:\(name)", "no such model in the catalog (\(directory)); \(hint)")
    }
}
