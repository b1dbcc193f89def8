/// A bounds-checked little-endian cursor over the first bytes of a GGUF file. Every read names
/// the field it was reading and where, and no count is trusted before it is checked against the
/// bytes that are left.
struct GGUFByteReader {
    let bytes: [UInt8]
    let fileSize: Int
    let path: String
    private(set) var position = 0

    init(bytes: [UInt8], fileSize: Int, path: String) {
        self.bytes = bytes; self.fileSize = fileSize; self.path = path
    }

    var remaining: Int { bytes.count - position }

    func fail(_ field: String, _ message: String) -> SpecError {
        SpecError(file: path, field: field, message)
    }

    /// Fails unless `n` more bytes are there.
    mutating func need(_ n: Int, field: String) throws(SpecError) {
        guard n > remaining else { return }
        if bytes.count < fileSize {
            throw fail(field, "the header runs past the first \(GGUFLimits.headerBytes >> 20) MiB, the most llmcost reads (at byte \(position))")
        }
        throw fail(field, "the file ends at byte \(bytes.count), inside this field (at byte \(position), \(n) bytes needed): truncated?")
    }

    mutating func bytes(_ n: Int, field: String) throws(SpecError) -> [UInt8] {
        try need(n, field: field)
        defer { position += n }
        return Array(bytes[position..<position + n])
    }

    private mutating func little(_ n: Int, field: String) throws(SpecError) -> UInt64 {
        try need(n, field: field)
        var v: UInt64 = 0
        for i in 0..<n { v |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
        position += n
        return v
    }

    mutating func u32(field: String) throws(SpecError) -> UInt32 { UInt32(try little(4, field: field)) }
    mutating func u64(field: String) throws(SpecError) -> UInt64 { try little(8, field: field) }

    /// A `uint64` count, at most `limit`, and no more than the bytes left could hold at
    /// `minimumBytes` each — so a count of 2^62 is refused before anything is reserved.
    mutating func count(field: String, limit: Int, minimumBytes: Int) throws(SpecError) -> Int {
        let at = position
        let n = try u64(field: field)
        guard n <= UInt64(limit) else { throw fail(field, "\(n) at byte \(at) is more than the \(limit) llmcost accepts") }
        guard Int(n) * minimumBytes <= remaining + (fileSize - bytes.count) else {
            throw fail(field, "\(n) at byte \(at) cannot fit in the \(fileSize - position) bytes left of the file")
        }
        return Int(n)
    }

    /// A GGUF string: a `uint64` byte length, then that many bytes of UTF-8.
    mutating func string(field: String, limit: Int = GGUFLimits.headerBytes) throws(SpecError) -> String {
        let at = position
        let n = try u64(field: field + " (length)")
        guard n <= UInt64(limit) else { throw fail(field, "a string of \(n) bytes at byte \(at); at most \(limit) accepted") }
        let raw = try bytes(Int(n), field: field)
        guard let s = String(validating: raw, as: UTF8.self) else { throw fail(field, "the string at byte \(at) is not UTF-8") }
        return s
    }

    /// Skips a string, checking only that it lies inside the file (a tokenizer's tokens).
    mutating func skipString(field: String) throws(SpecError) {
        let at = position
        let n = try u64(field: field + " (length)")
        guard n <= UInt64(remaining) else {
            try need(Int(min(n, UInt64(Int.max / 2))), field: field)
            throw fail(field, "a string of \(n) bytes at byte \(at) runs past the end of the file")
        }
        position += Int(n)
    }

    /// One metadata value of GGUF value type `type`.
    mutating func value(type: UInt32, field: String, depth: Int) throws(SpecError) -> GGUFValue {
        switch type {
        case 0: return .integer(Int128(try little(1, field: field)))
        case 1: return .integer(Int128(Int8(truncatingIfNeeded: try little(1, field: field))))
        case 2: return .integer(Int128(try little(2, field: field)))
        case 3: return .integer(Int128(Int16(truncatingIfNeeded: try little(2, field: field))))
        case 4: return .integer(Int128(try little(4, field: field)))
        case 5: return .integer(Int128(Int32(truncatingIfNeeded: try little(4, field: field))))
        case 10: return .integer(Int128(try little(8, field: field)))
        case 11: return .integer(Int128(Int64(bitPattern: try little(8, field: field))))
        case 6: return .float(Double(Float(bitPattern: UInt32(try little(4, field: field)))))
        case 12: return .float(Double(bitPattern: try little(8, field: field)))
        case 7:
            let at = position
            let b = try little(1, field: field)
            guard b <= 1 else { throw fail(field, "a bool must be 0 or 1, got \(b) at byte \(at)") }
            return .bool(b == 1)
        case 8: return .string(try string(field: field))
        case 9: return try array(field: field, depth: depth)
        default: throw fail(field, "unknown GGUF value type \(type) at byte \(position - 4)")
        }
    }

    private mutating func array(field: String, depth: Int) throws(SpecError) -> GGUFValue {
        guard depth < GGUFLimits.arrayDepth else { throw fail(field, "arrays nested more than \(GGUFLimits.arrayDepth) deep") }
        let element = try u32(field: field + " (array element type)")
        guard GGUFValueType.names[element] != nil else { throw fail(field, "unknown GGUF array element type \(element) at byte \(position - 4)") }
        let n = try count(field: field + " (array length)", limit: Int.max / 16, minimumBytes: GGUFValueType.minimumBytes(element))
        guard n <= GGUFLimits.keptArrayItems, element != 8 else {
            for _ in 0..<n {
                if element == 8 { try skipString(field: field) } else { _ = try value(type: element, field: field, depth: depth + 1) }
            }
            return .array(elementType: element, count: n, items: nil)
        }
        var items: [GGUFValue] = []
        items.reserveCapacity(n)
        for _ in 0..<n { items.append(try value(type: element, field: field, depth: depth + 1)) }
        return .array(elementType: element, count: n, items: items)
    }

    /// One tensor info: name, `n_dims` (1 … 4), the dims, the ggml type and the data offset.
    mutating func tensorInfo(index: Int, alignment: Int) throws(SpecError) -> GGUFTensorInfo {
        let name = try string(field: "tensor #\(index) name", limit: GGUFLimits.keyBytes)
        let field = "tensor '\(name)'"
        let dimsAt = position
        let n = try u32(field: field + ".n_dims")
        guard n >= 1, n <= UInt32(GGUFLimits.dimensions) else {
            throw fail(field + ".n_dims", "\(n) at byte \(dimsAt); a ggml tensor has 1 to \(GGUFLimits.dimensions) dimensions")
        }
        var dims: [Int] = []
        var elements = 1
        for i in 0..<Int(n) {
            let at = position
            let d = try u64(field: field + ".dims[\(i)]")
            guard d <= UInt64(Int64.max) else { throw fail(field + ".dims[\(i)]", "\(d) at byte \(at) is not a size") }
            let (product, overflow) = elements.multipliedReportingOverflow(by: Int(d))
            guard !overflow else { throw fail(field + ".dims", "the product of the dims overflows 64 bits at dims[\(i)] = \(d)") }
            dims.append(Int(d)); elements = product
        }
        let typeAt = position
        let id = try u32(field: field + ".type")
        guard let type = GGMLType.withID(id) else {
            throw fail(field + ".type", "unknown ggml type \(id) at byte \(typeAt); llmcost knows \(GGMLType.all.map(\.name).joined(separator: ", "))")
        }
        guard dims[0] % type.blockElements == 0 else {
            throw fail(field + ".dims[0]", "\(dims[0]) is not a whole number of \(type.name) blocks of \(type.blockElements)")
        }
        let offsetAt = position
        let offset = try u64(field: field + ".offset")
        guard offset % UInt64(alignment) == 0 else {
            throw fail(field + ".offset", "\(offset) at byte \(offsetAt) is not a multiple of the alignment \(alignment)")
        }
        return GGUFTensorInfo(name: name, dims: dims, type: type, offset: offset, elements: elements)
    }
}
