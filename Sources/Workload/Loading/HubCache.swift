import Foundation

/// The local Hugging Face hub cache, read the way `huggingface_hub` writes it, so a model
/// downloaded once (`models--{org}--{name}/refs/main` → `snapshots/<commit>/config.json`) is named
/// by its hub id. Nothing here touches the network: a model that is not cached is an error that
/// says where it looked and how to fetch the config.
public struct HubCache: Sendable, Equatable {
    /// The cache directory (`…/hub`).
    public var root: String
    /// Where `root` came from, for error messages: `HF_HUB_CACHE`, `HF_HOME`, or the default.
    public var origin: String

    public init(root: String, origin: String) { self.root = root; self.origin = origin }

    /// `$HF_HUB_CACHE`, else `$HF_HOME/hub`, else `~/.cache/huggingface/hub` — huggingface_hub's order.
    public static func located(environment: [String: String] = ProcessInfo.processInfo.environment) -> HubCache {
        if let cache = environment["HF_HUB_CACHE"], !cache.isEmpty {
            return HubCache(root: (cache as NSString).expandingTildeInPath, origin: "HF_HUB_CACHE")
        }
        if let home = environment["HF_HOME"], !home.isEmpty {
            return HubCache(root: ((home as NSString).expandingTildeInPath as NSString).appendingPathComponent("hub"), origin: "HF_HOME")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return HubCache(root: (home as NSString).appendingPathComponent(".cache/huggingface/hub"), origin: "the default location")
    }

    /// Whether `text` is spelt like a hub id: `name` or `org/name`, each part of letters, digits,
    /// `-`, `_` and `.`, not starting with `.` or `-`, at most 96 characters (the hub's rule).
    public static func isHubID(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), text.count <= 96 else { return false }
        return parts.allSatisfy { part in
            guard let first = part.first, first != ".", first != "-", !part.contains("..") else { return false }
            return part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        }
    }

    /// `models--{org}--{name}`: the cache folder of a repository.
    public func repositoryDirectory(of id: String) -> String {
        (root as NSString).appendingPathComponent("models--" + id.replacingOccurrences(of: "/", with: "--"))
    }

    /// Whether the cache holds anything for `id` (used before a bare name falls back to the hub).
    public func holds(_ id: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: repositoryDirectory(of: id), isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The snapshot directory of `id` at `revision` (default `main`): a branch or tag is read from
    /// `refs/<revision>`; a 40-hex commit hash names `snapshots/<commit>` directly.
    public func snapshot(of id: String, revision: String? = nil) throws -> HubSnapshot {
        let repository = repositoryDirectory(of: id)
        let command = "huggingface-cli download \(id) config.json"
        let fetch = "fetch it with `\(command)` (name the *.safetensors files too for a checkpoint section)"
        guard holds(id) else {
            throw SpecError(file: "hub:\(id)", "no such local file, and not in the Hugging Face cache: looked for \(repository) (cache from \(origin))\(Self.suggestion(id, in: cachedIDs())); \(fetch); no network access is attempted")
        }
        let name = revision ?? "main"
        guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }),
              !name.contains("\0") else {
            throw HubRevisionError(.revision, "'\(name)' is not a branch, tag or commit name")
        }
        let commit: String
        if Self.isCommitHash(name) {
            commit = name.lowercased()
        } else {
            let ref = (repository as NSString).appendingPathComponent("refs/\(name)")
            guard let data = FileManager.default.contents(atPath: ref), data.count <= 256,
                  let text = String(data: data, encoding: .utf8) else {
                guard revision != nil else {
                    throw SpecError(file: "hub:\(id)", "the cache has no refs/main for it (\(ref) is missing); \(fetch)")
                }
                throw HubRevisionError(.revision, "\(id) has no cached revision '\(name)' (no \(ref))\(Self.suggestion(name, in: cachedRevisions(of: id))); fetch it with `\(command)` and huggingface-cli's revision option")
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard Self.isCommitHash(trimmed) else {
                throw SpecError(file: ref, "not a commit hash: a cache reference file holds the 40 hexadecimal digits of one commit")
            }
            commit = trimmed.lowercased()
        }
        let directory = (repository as NSString).appendingPathComponent("snapshots/\(commit)")
        let config = (directory as NSString).appendingPathComponent("config.json")
        guard FileManager.default.fileExists(atPath: config) else {
            throw SpecError(file: "hub:\(id)", "the cached snapshot \(directory) has no config.json; \(fetch)")
        }
        return HubSnapshot(id: id, revision: name, commit: commit, directory: directory)
    }

    /// The hub ids the cache holds (its `models--{org}--{name}` folders), for did-you-mean.
    public func cachedIDs() -> [String] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return folders.filter { $0.hasPrefix("models--") }.map { String($0.dropFirst("models--".count)).replacingOccurrences(of: "--", with: "/") }
    }

    /// The branches and tags the cache holds for `id` (`refs/…`, `refs/pr/1` included).
    public func cachedRevisions(of id: String) -> [String] {
        let refs = (repositoryDirectory(of: id) as NSString).appendingPathComponent("refs")
        guard let walk = FileManager.default.enumerator(atPath: refs) else { return [] }
        return walk.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: (refs as NSString).appendingPathComponent(path), isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    /// `; did you mean 'org/name'?` by the one did-you-mean rule, or nothing.
    static func suggestion(_ name: String, in candidates: [String]) -> String {
        EditDistance.didYouMean(name, in: candidates).map { "; " + $0 } ?? ""
    }

    static func isCommitHash(_ text: String) -> Bool {
        text.count == 40 && text.allSatisfy(\.isHexDigit)
    }
}

/// One cached snapshot of a hub repository.
public struct HubSnapshot: Sendable, Equatable {
    /// `org/name`.
    public var id: String
    /// The branch, tag or commit asked for.
    public var revision: String
    /// The commit the snapshot is of.
    public var commit: String
    /// `…/snapshots/<commit>`: `config.json` and whatever else was downloaded.
    public var directory: String

    public var configPath: String { (directory as NSString).appendingPathComponent("config.json") }
    /// The repository's name without its organisation: what a downloaded directory would be called.
    public var modelName: String { id.split(separator: "/").last.map(String.init) ?? id }
}

/// A revision that cannot be used: not cached, not a name, or given for a model that is no hub id.
public struct HubRevisionError: InputError, Sendable, Equatable {
    public var parameter: InputParameter
    public var message: InputMessage
    public init(_ parameter: InputParameter, _ message: InputMessage) { self.parameter = parameter; self.message = message }
}
