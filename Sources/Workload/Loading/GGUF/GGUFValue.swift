/// One metadata value of a GGUF header. Integers of every width are held as `Int128` (a
/// `uint64` fits); arrays keep their element type and length, and their items only when short —
/// a tokenizer's 150 000 strings are counted and skipped, never held.
public enum GGUFValue: Sendable, Equatable {
    case integer(Int128)
    case float(Double)
    case bool(Bool)
    case string(String)
    /// `items` is nil for strings and when longer than `GGUFLimits.keptArrayItems`.
    case array(elementType: UInt32, count: Int, items: [GGUFValue]?)

    /// How an error names it.
    var described: String {
        switch self {
        case .integer(let i): "integer \(i)"
        case .float(let d): "number \(d)"
        case .bool(let b): "boolean \(b)"
        case .string(let s): "string \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .array(_, let n, _): "an array of \(n)"
        }
    }
}

/// GGUF value type ids (`gguf_type` in `gguf.h`) and the fewest bytes one value of each takes.
enum GGUFValueType {
    static let names: [UInt32: String] = [
        0: "uint8", 1: "int8", 2: "uint16", 3: "int16", 4: "uint32", 5: "int32", 6: "float32",
        7: "bool", 8: "string", 9: "array", 10: "uint64", 11: "int64", 12: "float64",
    ]

    /// Bytes of one value (a string: its 8-byte length at least; an array: type and count).
    static func minimumBytes(_ type: UInt32) -> Int {
        switch type {
        case 0, 1, 7: 1
        case 2, 3: 2
        case 4, 5, 6: 4
        case 8, 10, 11, 12: 8
        default: 12
        }
    }
}

/// The caps that keep a hostile header from allocating gigabytes or recursing deeply; every count
/// is also checked against the bytes left, so no count can reserve more than the file holds.
public enum GGUFLimits {
    /// The most of a file read to find its header: 64 MiB (a 262 144-token vocabulary with
    /// scores and merges takes under 20 MiB).
    public static let headerBytes = 64 << 20
    /// Tensors per file (a 671B MoE with its experts fused has about 1 100).
    public static let tensors = 1 << 20
    /// Metadata key–value pairs per file.
    public static let metadataEntries = 1 << 16
    /// Bytes of a metadata key (GGUF allows 65 535).
    public static let keyBytes = 65_535
    /// Dimensions of a tensor (`GGML_MAX_DIMS`).
    public static let dimensions = 4
    /// Array nesting (GGUF allows arrays of arrays; no model writes more than one level).
    public static let arrayDepth = 3
    /// Arrays of numbers up to this long keep their items; longer ones, and arrays of strings (a
    /// tokenizer's tokens and merges), keep their count only.
    public static let keptArrayItems = 1024
}
