/// Typed reads of a GGUF header's metadata, each naming its key in the error.
extension GGUFHeader {
    func string(_ key: String, path: String) throws(SpecError) -> String? {
        switch metadata[key] {
        case nil: return nil
        case .string(let s)?: return s
        case let other?: throw SpecError(file: path, field: key, "expected a string, got \(other.described)")
        }
    }

    /// A size: an integer 1 … 2^31 (`SpecLimits`).
    func size(_ key: String, path: String) throws(SpecError) -> Int? {
        switch metadata[key] {
        case nil: return nil
        case .integer(let i)?:
            guard i >= 1, i <= Int128(SpecLimits.maximumSize) else {
                throw SpecError(file: path, field: key, "must be a size from 1 to 2^31, got \(i)")
            }
            return Int(i)
        case .array?:
            throw SpecError(file: path, field: key, "a value per layer is not read; llmcost reads models whose layers are alike")
        case let other?: throw SpecError(file: path, field: key, "expected an integer, got \(other.described)")
        }
    }

    func requiredSize(_ key: String, path: String) throws(SpecError) -> Int {
        guard let v = try size(key, path: path) else { throw SpecError(file: path, field: key, "missing; the architecture cannot be read without it") }
        return v
    }

    /// An integer that may be zero or absent (`expert_count` of a dense model).
    func count(_ key: String, path: String) throws(SpecError) -> Int {
        switch metadata[key] {
        case nil: return 0
        case .integer(let i)? where i >= 0 && i <= Int128(SpecLimits.maximumSize): return Int(i)
        case let other?: throw SpecError(file: path, field: key, "expected a count from 0 to 2^31, got \(other.described)")
        }
    }

    /// The length of an array value.
    func arrayCount(_ key: String) -> Int? {
        if case .array(_, let n, _)? = metadata[key] { return n }
        return nil
    }

    func tensor(_ name: String) -> GGUFTensorInfo? { tensors.first { $0.name == name } }
}
