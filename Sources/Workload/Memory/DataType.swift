/// Storage formats for weights and the KV cache.
public enum DataType: String, Sendable, CaseIterable, Codable {
    case fp32, bf16, fp16, fp8, int8, int4

    /// Bits per stored element (scales of grouped formats are extra).
    public var bits: Int {
        switch self {
        case .fp32: 32
        case .bf16, .fp16: 16
        case .fp8, .int8: 8
        case .int4: 4
        }
    }

    /// Weight-only quantised formats keep embeddings and norms in 16 bits (as GPTQ/AWQ and
    /// llama.cpp's Q4 formats do) and quantise the linear layers.
    public var quantisesLinearLayersOnly: Bool { self == .int8 || self == .int4 || self == .fp8 }

    /// int4 stores one fp16 scale per group of `groupSize` weights (GPTQ/AWQ, group size 128).
    public var hasGroupScales: Bool { self == .int4 }

    /// Exact bytes of `count` elements, rounding a trailing half byte up.
    func bytes(_ count: ExactCount) -> ExactCount {
        (count * ExactCount(bits) + ExactCount(7)) / ExactCount(8)
    }
}
