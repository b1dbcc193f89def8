import Foundation

/// One tensor as a safetensors header describes it; its data is never read.
public struct SafetensorsTensor: Sendable, Equatable {
    public var name: String
    public var dtype: SafetensorsDType
    public var shape: [Int]
    /// Elements: the product of `shape` (1 for a scalar).
    public var elements: Int
    /// Bytes of data: `elements × bits ÷ 8`, equal to `data_offsets[1] − data_offsets[0]`.
    public var bytes: Int
}

/// The header of one `.safetensors` file: the first 8 bytes give the header's length (little
/// endian), then that much JSON names each tensor's dtype, shape and byte range in the data that
/// follows. Only the header is read — a checkpoint of hundreds of gigabytes costs a few reads —
/// and every field is checked before it is used, so a truncated download, a wrong file or a
/// hostile header is one error naming the file and the field, never a crash or a huge allocation.
public struct SafetensorsFile: Sendable, Equatable {
    /// Largest header accepted: 100 MB (a 1.6-million-tensor header; real ones are under 10 MB).
    public static let maximumHeaderBytes = 100_000_000
    /// Dimensions a tensor may have (real ones have at most 5).
    public static let maximumRank = 16

    public var path: String
    public var headerBytes: Int
    /// Bytes after the header: the tensors' data.
    public var dataBytes: Int
    /// The tensors, in the order of their data.
    public var tensors: [SafetensorsTensor]

    /// Reads and checks the header of the file at `path`.
    public static func read(path: String) throws(SpecError) -> SafetensorsFile {
        let fileSize: Int
        do {
            // Links are followed: a Hugging Face cache snapshot's files are links into its blobs.
            let attributes = try FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
            guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
                throw SpecError(file: path, "not a regular file")
            }
            fileSize = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch let error as SpecError {
            throw error
        } catch {
            throw SpecError(file: path, "cannot read the file: no such file or no permission")
        }
        guard fileSize >= 8 else {
            throw SpecError(file: path, "truncated: \(fileSize) bytes, fewer than the 8 that give a safetensors header's length")
        }
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) } catch {
            throw SpecError(file: path, "cannot read the file: \(error.localizedDescription)")
        }
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: 8)) ?? Data()
        guard prefix.count == 8 else { throw SpecError(file: path, "cannot read the first 8 bytes") }
        let length = prefix.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard length <= UInt64(maximumHeaderBytes) else {
            throw SpecError(file: path, field: "header length", "\(length) bytes, beyond the \(maximumHeaderBytes)-byte limit on a safetensors header (not a safetensors file?)")
        }
        guard Int(length) <= fileSize - 8 else {
            throw SpecError(file: path, field: "header length", "\(length) bytes, beyond the end of the file (\(fileSize) bytes): truncated, or not a safetensors file")
        }
        let header = (try? handle.read(upToCount: Int(length))) ?? Data()
        guard header.count == Int(length) else {
            throw SpecError(file: path, field: "header length", "the file ended after \(header.count) of the header's \(length) bytes")
        }
        return try parse(header: header, dataBytes: fileSize - 8 - Int(length), path: path)
    }

    /// Checks `header` (the JSON after the length) against a data section of `dataBytes`.
    static func parse(header: Data, dataBytes: Int, path: String) throws(SpecError) -> SafetensorsFile {
        guard header.first == UInt8(ascii: "{") else {
            throw SpecError(file: path, "the header does not start with '{': not a safetensors file")
        }
        guard case .object(let entries) = try JSONValue.parse(header, file: path) else {
            throw SpecError(file: path, "the header is not a JSON object")
        }
        var tensors: [(begin: Int, end: Int, tensor: SafetensorsTensor)] = []
        for (name, value) in entries.sorted(by: { $0.key < $1.key }) {
            if name == "__metadata__" { try checkMetadata(value, path: path); continue }
            tensors.append(try tensor(name, value, path: path))
        }
        // The data section is the tensors laid end to end, as safetensors itself requires.
        tensors.sort { ($0.begin, $0.end) < ($1.begin, $1.end) }
        var offset = 0
        for t in tensors {
            guard t.begin == offset else {
                let what = t.begin < offset ? "overlaps the tensor before it" : "leaves a gap of \(t.begin - offset) bytes before it"
                throw SpecError(file: path, field: "\(t.tensor.name).data_offsets", "starts at byte \(t.begin), which \(what)")
            }
            offset = t.end
        }
        guard offset == dataBytes else {
            throw SpecError(file: path, "the tensors' data ends at byte \(offset) but the file holds \(dataBytes) bytes after the header: \(offset > dataBytes ? "truncated" : "trailing bytes")")
        }
        return SafetensorsFile(path: path, headerBytes: header.count, dataBytes: dataBytes, tensors: tensors.map(\.tensor))
    }

    private static func checkMetadata(_ value: JSONValue, path: String) throws(SpecError) {
        guard case .object(let fields) = value else {
            throw SpecError(file: path, field: "__metadata__", "must be an object of strings, found \(value.described)")
        }
        for (key, v) in fields {
            guard case .string = v else { throw SpecError(file: path, field: "__metadata__.\(key)", "must be a string, found \(v.described)") }
        }
    }

    private static func tensor(_ name: String, _ value: JSONValue, path: String) throws(SpecError) -> (begin: Int, end: Int, tensor: SafetensorsTensor) {
        guard case .object(let fields) = value else {
            throw SpecError(file: path, field: name, "a tensor entry must be an object with dtype, shape and data_offsets, found \(value.described)")
        }
        guard case .string(let typeName)? = fields["dtype"] else {
            throw SpecError(file: path, field: "\(name).dtype", "missing or not a string")
        }
        guard let dtype = SafetensorsDType(rawValue: typeName) else {
            throw SpecError(file: path, field: "\(name).dtype", "unknown dtype \"\(typeName)\"; known: \(SafetensorsDType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard case .array(let dims)? = fields["shape"] else {
            throw SpecError(file: path, field: "\(name).shape", "missing or not an array")
        }
        guard dims.count <= maximumRank else {
            throw SpecError(file: path, field: "\(name).shape", "\(dims.count) dimensions; at most \(maximumRank) are accepted")
        }
        var shape: [Int] = []
        var elements = 1
        for (i, d) in dims.enumerated() {
            guard case .int(let n) = d, n >= 0 else {
                throw SpecError(file: path, field: "\(name).shape[\(i)]", "must be a whole number ≥ 0, found \(d.described)")
            }
            let (product, overflow) = elements.multipliedReportingOverflow(by: n)
            guard !overflow, product <= Int.max / 64 else {
                throw SpecError(file: path, field: "\(name).shape", "\(dims.map(\.described).joined(separator: " × ")) elements overflow a 64-bit count")
            }
            shape.append(n); elements = product
        }
        guard (elements * dtype.bits) % 8 == 0 else {
            throw SpecError(file: path, field: "\(name).shape", "\(elements) \(dtype.rawValue) elements do not fill whole bytes")
        }
        let bytes = elements * dtype.bits / 8
        guard case .array(let offsets)? = fields["data_offsets"], offsets.count == 2,
              case .int(let begin) = offsets[0], case .int(let end) = offsets[1], begin >= 0, end >= begin else {
            throw SpecError(file: path, field: "\(name).data_offsets", "must be two whole numbers [begin, end] with 0 ≤ begin ≤ end")
        }
        guard end - begin == bytes else {
            throw SpecError(file: path, field: "\(name).data_offsets", "[\(begin), \(end)] spans \(end - begin) bytes, but \(dtype.rawValue) × shape \(shape) is \(bytes) bytes")
        }
        return (begin, end, SafetensorsTensor(name: name, dtype: dtype, shape: shape, elements: elements, bytes: bytes))
    }
}
