import Foundation
import Workload

/// The files this run reads (a model's config, a host profile), by file identity, so that no
/// output (`--output`, `--plot`, `--save`) can overwrite one of them — whatever path, link or
/// `..` spelling names it.
enum InputFiles {
    struct Identity: Hashable { var device: UInt64; var inode: UInt64 }

    /// Identity → the path it was recorded under; an entry whose path no longer resolves to that
    /// identity (the file was replaced or removed, its inode reused) no longer counts.
    private nonisolated(unsafe) static var identities: [Identity: String] = [:]
    private static let lock = NSLock()

    /// Records `path` (and `path/config.json` for a directory) if it names an existing file.
    static func record(_ path: String) {
        for candidate in [path, (path as NSString).appendingPathComponent("config.json")] {
            guard let id = identity(of: candidate, regularOnly: true) else { continue }
            lock.lock(); identities[id] = candidate; lock.unlock()
        }
    }

    /// Options whose value is a destination, not an input.
    static let destinations: Set<String> = Set([InputParameter.outputPath, .plotPath, .profileDestination].map(\.option) + ["-o"])

    /// Every command-line value that names an existing file, except the destinations.
    static func recordArguments(_ arguments: [String]) {
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            if destinations.contains(parts.first ?? "") { skipNext = parts.count == 1; continue }
            record(parts.count == 2 && argument.hasPrefix("-") ? parts[1] : argument)
        }
    }

    static func isInput(_ path: String) -> Bool {
        guard let id = identity(of: path, regularOnly: false) else { return false }
        lock.lock()
        let recorded = identities[id]
        lock.unlock()
        guard let recorded else { return false }
        return identity(of: recorded, regularOnly: true) == id
    }

    /// Device and inode of what `path` resolves to (links followed), without opening it.
    static func identity(of path: String, regularOnly: Bool) -> Identity? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        if regularOnly, (s.st_mode & S_IFMT) != S_IFREG { return nil }
        return Identity(device: UInt64(s.st_dev), inode: UInt64(s.st_ino))
    }
}
