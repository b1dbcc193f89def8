import Foundation

/// The safetensors files of a model directory, headers only, chosen as transformers chooses
/// them: the files `model.safetensors.index.json` maps tensors to when there is one (a sharded
/// checkpoint), else `model.safetensors`, else every `*.safetensors` file in the directory.
public struct Checkpoint: Sendable, Equatable {
    public var directory: String
    /// The index file, when the checkpoint is sharded.
    public var index: String?
    public var files: [SafetensorsFile]
    /// `*.safetensors` files in the directory that were not read (not in the index, or beside
    /// `model.safetensors`, such as Mistral's `consolidated.safetensors`).
    public var ignored: [String]

    public static let indexName = "model.safetensors.index.json"

    /// The checkpoint in `directory`, or nil when it holds no safetensors files.
    public static func read(directory: String) throws(SpecError) -> Checkpoint? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".safetensors") }.sorted()
        let indexPath = (directory as NSString).appendingPathComponent(indexName)
        let hasIndex = FileManager.default.fileExists(atPath: indexPath)
        guard hasIndex || !names.isEmpty else { return nil }
        let chosen: [String]
        var weightMap: [String: String] = [:]
        if hasIndex {
            weightMap = try readIndex(indexPath)
            chosen = Set(weightMap.values).sorted()
        } else {
            chosen = names.contains("model.safetensors") ? ["model.safetensors"] : names
        }
        var files: [SafetensorsFile] = []
        var owner: [String: String] = [:]
        for name in chosen {
            let path = (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else {
                throw SpecError(file: indexPath, field: "weight_map", "names \(name), which is not in \(directory) (an incomplete download?)")
            }
            let file = try SafetensorsFile.read(path: path)
            for t in file.tensors {
                if let first = owner[t.name] {
                    throw SpecError(file: path, field: t.name, "this tensor is also stored in \(first)")
                }
                owner[t.name] = name
            }
            files.append(file)
        }
        for (tensor, file) in weightMap.sorted(by: { $0.key < $1.key }) where owner[tensor] != file {
            throw SpecError(file: indexPath, field: "weight_map.\(tensor)", "names \(file), whose header has no such tensor\(owner[tensor].map { " (it is in \($0))" } ?? "")")
        }
        return Checkpoint(directory: directory, index: hasIndex ? indexPath : nil, files: files,
                          ignored: names.filter { !chosen.contains($0) })
    }

    /// `weight_map` of the index: tensor name → file name (a plain name in the same directory).
    static func readIndex(_ path: String) throws(SpecError) -> [String: String] {
        let data = try boundedContents(of: path, limit: SafetensorsFile.maximumHeaderBytes)
        guard case .object(let top) = try JSONValue.parse(data, file: path) else {
            throw SpecError(file: path, "an index must be a JSON object with a weight_map")
        }
        guard case .object(let map)? = top["weight_map"] else {
            throw SpecError(file: path, field: "weight_map", "missing or not an object of tensor name → file name")
        }
        var result: [String: String] = [:]
        for (tensor, value) in map {
            guard case .string(let file) = value, file.hasSuffix(".safetensors"), !file.contains("/"), !file.contains("\\"),
                  !file.hasPrefix(".") else {
                throw SpecError(file: path, field: "weight_map.\(tensor)", "must be the name of a .safetensors file in the same directory, found \(value.described)")
            }
            result[tensor] = file
        }
        guard !result.isEmpty else { throw SpecError(file: path, field: "weight_map", "is empty") }
        return result
    }

    /// The file's bytes, refused beyond `limit` by its size before anything is read (and never
    /// more than one byte past it read, should it grow meanwhile).
    static func boundedContents(of path: String, limit: Int) throws(SpecError) -> Data {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        if let size = (try? FileManager.default.attributesOfItem(atPath: resolved)[.size] as? NSNumber)?.intValue, size > limit {
            throw SpecError(file: path, "\(size) bytes, larger than \(limit); an index is a few megabytes")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw SpecError(file: path, "cannot read the file") }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else { throw SpecError(file: path, "larger than \(limit) bytes; an index is a few megabytes") }
        return data
    }
}
