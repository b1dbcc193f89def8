/// A ggml tensor type as a GGUF tensor info names it (`ggml_type` in llama.cpp's `ggml.h`), with
/// the block layout that decides how many bytes a tensor of it really takes: `blockBytes` bytes
/// hold `blockElements` values (one scale or more per block included), from the `static_assert`s
/// of `ggml-common.h`. Ids 4, 5 and 31–33, 36–38 were removed from ggml and are refused.
public struct GGMLType: Sendable, Hashable, Codable {
    public let id: UInt32
    public let name: String
    public let blockElements: Int
    public let blockBytes: Int

    /// Stored bits per weight: `8 · blockBytes / blockElements` (Q4_K: 144 bytes per 256 = 4.5).
    public var bitsPerWeight: Double { Double(blockBytes * 8) / Double(blockElements) }

    /// Bytes of `elements` values: whole blocks only (`elements` must be a multiple of the block).
    func bytes(elements: Int128) -> Int128 { elements / Int128(blockElements) * Int128(blockBytes) }

    /// Every type ggml still defines, by id.
    public static let all: [GGMLType] = [
        .init(id: 0, name: "F32", blockElements: 1, blockBytes: 4),
        .init(id: 1, name: "F16", blockElements: 1, blockBytes: 2),
        .init(id: 2, name: "Q4_0", blockElements: 32, blockBytes: 18),
        .init(id: 3, name: "Q4_1", blockElements: 32, blockBytes: 20),
        .init(id: 6, name: "Q5_0", blockElements: 32, blockBytes: 22),
        .init(id: 7, name: "Q5_1", blockElements: 32, blockBytes: 24),
        .init(id: 8, name: "Q8_0", blockElements: 32, blockBytes: 34),
        .init(id: 9, name: "Q8_1", blockElements: 32, blockBytes: 36),
        .init(id: 10, name: "Q2_K", blockElements: 256, blockBytes: 84),
        .init(id: 11, name: "Q3_K", blockElements: 256, blockBytes: 110),
        .init(id: 12, name: "Q4_K", blockElements: 256, blockBytes: 144),
        .init(id: 13, name: "Q5_K", blockElements: 256, blockBytes: 176),
        .init(id: 14, name: "Q6_K", blockElements: 256, blockBytes: 210),
        .init(id: 15, name: "Q8_K", blockElements: 256, blockBytes: 292),
        .init(id: 16, name: "IQ2_XXS", blockElements: 256, blockBytes: 66),
        .init(id: 17, name: "IQ2_XS", blockElements: 256, blockBytes: 74),
        .init(id: 18, name: "IQ3_XXS", blockElements: 256, blockBytes: 98),
        .init(id: 19, name: "IQ1_S", blockElements: 256, blockBytes: 50),
        .init(id: 20, name: "IQ4_NL", blockElements: 32, blockBytes: 18),
        .init(id: 21, name: "IQ3_S", blockElements: 256, blockBytes: 110),
        .init(id: 22, name: "IQ2_S", blockElements: 256, blockBytes: 82),
        .init(id: 23, name: "IQ4_XS", blockElements: 256, blockBytes: 136),
        .init(id: 24, name: "I8", blockElements: 1, blockBytes: 1),
        .init(id: 25, name: "I16", blockElements: 1, blockBytes: 2),
        .init(id: 26, name: "I32", blockElements: 1, blockBytes: 4),
        .init(id: 27, name: "I64", blockElements: 1, blockBytes: 8),
        .init(id: 28, name: "F64", blockElements: 1, blockBytes: 8),
        .init(id: 29, name: "IQ1_M", blockElements: 256, blockBytes: 56),
        .init(id: 30, name: "BF16", blockElements: 1, blockBytes: 2),
        .init(id: 34, name: "TQ1_0", blockElements: 256, blockBytes: 54),
        .init(id: 35, name: "TQ2_0", blockElements: 256, blockBytes: 66),
        .init(id: 39, name: "MXFP4", blockElements: 32, blockBytes: 17),
    ]

    private static let byID: [UInt32: GGMLType] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The type with ggml id `id`; nil for an id ggml does not (or no longer) define.
    public static func withID(_ id: UInt32) -> GGMLType? { byID[id] }
}

/// `general.file_type` (`llama_ftype` in `llama.h`): what llama.cpp's quantizer was asked for —
/// the name users know a file by (`MOSTLY_Q4_K_M`); the tensors' own types say what is stored.
enum GGUFFileType {
    static let names: [Int: String] = [
        0: "ALL_F32", 1: "MOSTLY_F16", 2: "MOSTLY_Q4_0", 3: "MOSTLY_Q4_1", 7: "MOSTLY_Q8_0",
        8: "MOSTLY_Q5_0", 9: "MOSTLY_Q5_1", 10: "MOSTLY_Q2_K", 11: "MOSTLY_Q3_K_S", 12: "MOSTLY_Q3_K_M",
        13: "MOSTLY_Q3_K_L", 14: "MOSTLY_Q4_K_S", 15: "MOSTLY_Q4_K_M", 16: "MOSTLY_Q5_K_S",
        17: "MOSTLY_Q5_K_M", 18: "MOSTLY_Q6_K", 19: "MOSTLY_IQ2_XXS", 20: "MOSTLY_IQ2_XS",
        21: "MOSTLY_Q2_K_S", 22: "MOSTLY_IQ3_XS", 23: "MOSTLY_IQ3_XXS", 24: "MOSTLY_IQ1_S",
        25: "MOSTLY_IQ4_NL", 26: "MOSTLY_IQ3_S", 27: "MOSTLY_IQ3_M", 28: "MOSTLY_IQ2_S",
        29: "MOSTLY_IQ2_M", 30: "MOSTLY_IQ4_XS", 31: "MOSTLY_IQ1_M", 32: "MOSTLY_BF16",
        36: "MOSTLY_TQ1_0", 37: "MOSTLY_TQ2_0", 38: "MOSTLY_MXFP4_MOE",
    ]
}
