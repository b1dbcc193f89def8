import Foundation

/// One tensor a GGUF file describes: its name, shape (`dims[0]` is the row length, the fastest
/// varying), ggml type and offset into the data section. Its data is never read.
public struct GGUFTensorInfo: Sendable, Equatable {
    public let name: String
    public let dims: [Int]
    public let type: GGMLType
    public let offset: UInt64
    /// Product of `dims`.
    public let elements: Int
    /// Bytes as stored: whole blocks of `type`.
    public var bytes: Int128 { type.bytes(elements: Int128(elements)) }
}

/// The header of a GGUF file (llama.cpp, Ollama): version, metadata and tensor infos, read and
/// checked without touching tensor data — counts, lengths and shapes are bounded (`GGUFLimits`)
/// and every failure names the file, the field and the byte offset.
public struct GGUFHeader: Sendable {
    public let version: UInt32
    public let metadata: [String: GGUFValue]
    public let tensors: [GGUFTensorInfo]
    /// `general.alignment` (default 32): where the data section starts and each tensor's offset.
    public let alignment: Int

    /// Whether the regular file at `path` starts with the GGUF magic.
    public static func hasMagic(path: String) -> Bool {
        // Only a regular file is opened: a FIFO or device would block or never end.
        guard (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) == Data("GGUF".utf8)
    }

    /// Reads the header of the file at `path` (at most `GGUFLimits.headerBytes` of it).
    public static func read(path: String) throws(SpecError) -> GGUFHeader {
        let size: Int
        let bytes: [UInt8]
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw SpecError(file: path, "cannot read the file: no such file or no permission")
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw SpecError(file: path, "not a regular file; expected a GGUF file")
        }
        do {
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            bytes = [UInt8](try handle.read(upToCount: GGUFLimits.headerBytes) ?? Data())
        } catch {
            throw SpecError(file: path, "cannot read the file: no such file or no permission")
        }
        return try parse(bytes, fileSize: max(size, bytes.count), path: path)
    }

    /// Parses a header from the first bytes of a file of `fileSize` bytes.
    public static func parse(_ bytes: [UInt8], fileSize: Int, path: String) throws(SpecError) -> GGUFHeader {
        var r = GGUFByteReader(bytes: bytes, fileSize: fileSize, path: path)
        let magic = try r.bytes(4, field: "magic")
        guard magic == Array("GGUF".utf8) else {
            let shown = magic.map { (0x20..<0x7f).contains($0) ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }.joined()
            throw SpecError(file: path, field: "magic", "not a GGUF file: it starts with \"\(shown)\", not \"GGUF\"")
        }
        let version = try r.u32(field: "version")
        switch version {
        case 2, 3: break
        case 1: throw SpecError(file: path, field: "version", "GGUF version 1 (32-bit counts, 2023) is not read; convert the model again with a current llama.cpp")
        case 0x0200_0000, 0x0300_0000: throw SpecError(file: path, field: "version", "a big-endian GGUF file; only little-endian files are read")
        default: throw SpecError(file: path, field: "version", "unknown GGUF version \(version) (2 and 3 are read)")
        }
        let tensorCount = try r.count(field: "tensor_count", limit: GGUFLimits.tensors, minimumBytes: 24)
        let kvCount = try r.count(field: "metadata_kv_count", limit: GGUFLimits.metadataEntries, minimumBytes: 13)
        var metadata: [String: GGUFValue] = [:]
        for index in 0..<kvCount {
            let key = try r.string(field: "metadata key #\(index)", limit: GGUFLimits.keyBytes)
            guard metadata[key] == nil else { throw SpecError(file: path, field: key, "the metadata key appears twice") }
            let type = try r.u32(field: key + " (value type)")
            metadata[key] = try r.value(type: type, field: key, depth: 0)
        }
        let alignment = try Self.alignment(metadata, path: path)
        var tensors: [GGUFTensorInfo] = []
        // Reserve only what the bytes read could describe (a tensor info takes at least 24 bytes).
        tensors.reserveCapacity(min(tensorCount, r.remaining / 24))
        var names = Set<String>()
        for index in 0..<tensorCount {
            let t = try r.tensorInfo(index: index, alignment: alignment)
            guard names.insert(t.name).inserted else { throw SpecError(file: path, field: "tensor '\(t.name)'", "the tensor name appears twice") }
            tensors.append(t)
        }
        try checkDataSection(tensors, headerEnd: r.position, alignment: alignment, fileSize: fileSize, path: path)
        return GGUFHeader(version: version, metadata: metadata, tensors: tensors, alignment: alignment)
    }

    private static func alignment(_ metadata: [String: GGUFValue], path: String) throws(SpecError) -> Int {
        guard let value = metadata["general.alignment"] else { return 32 }
        guard case .integer(let a) = value, a > 0, a <= 1 << 20, a & (a - 1) == 0 else {
            throw SpecError(file: path, field: "general.alignment", "must be a power of two up to 2^20, got \(value.described)")
        }
        return Int(a)
    }

    /// Every tensor must lie inside the file: a download cut short is named, not priced.
    private static func checkDataSection(_ tensors: [GGUFTensorInfo], headerEnd: Int, alignment: Int, fileSize: Int,
                                         path: String) throws(SpecError) {
        let dataStart = (headerEnd + alignment - 1) / alignment * alignment
        let available = Int128(fileSize) - Int128(dataStart)
        for t in tensors where Int128(t.offset) + t.bytes > available {
            throw SpecError(file: path, field: "tensor '\(t.name)'.offset",
                            "the tensor's \(t.bytes) bytes at data offset \(t.offset) end past the end of the file (\(fileSize) bytes, data from byte \(dataStart)): a truncated download?")
        }
    }
}
