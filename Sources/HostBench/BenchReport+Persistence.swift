import Foundation

extension BenchReport {
    /// Pretty-printed JSON with sorted keys, so saved profiles diff cleanly.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// Writes the profile atomically (a temporary file renamed over `path`), so a reader never
    /// sees half a profile; an unwritable path throws `HostBenchError.unwritablePath`.
    public func save(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw HostBenchError.unwritablePath(path: path, reason: "it is a directory")
        }
        let parent = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HostBenchError.unwritablePath(path: path, reason: "directory \(parent) does not exist")
        }
        do {
            try jsonData().write(to: url, options: .atomic)
        } catch {
            throw HostBenchError.unwritablePath(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Reads a profile written by `save(to:)`.
    public static func load(from path: String) throws -> BenchReport {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw HostBenchError.unreadableProfile(path: path, reason: (error as NSError).localizedDescription)
        }
        do { return try JSONDecoder().decode(BenchReport.self, from: data) } catch {
            throw HostBenchError.unreadableProfile(path: path, reason: "not a host profile (\(error))")
        }
    }
}
