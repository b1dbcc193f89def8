/// How a checkpoint stores its weights when one dtype does not describe them (its
/// `quantization_config`):
///
/// - gpt-oss keeps its routed experts' weight matrices in MXFP4 (`quant_method: mxfp4`) and every
///   other tensor — attention, sinks, router, expert biases, norms, embedding, LM head — in bf16;
/// - DeepSeek-V3 / R1 and Kimi K2 (`quant_method: fp8`, `weight_block_size: [128, 128]`) keep
///   every linear layer's weight matrix in FP8 (E4M3, one byte) with one fp32 scale per 128×128
///   block, and the embedding, the LM head, the router and the norms in bf16 — what transformers'
///   fine-grained FP8 integration builds (`replace_with_fp8_linear`: every `nn.Linear` and every
///   `experts` module but the output embedding; DeepSeek's router is not an `nn.Linear`) and
///   what the published safetensors hold.
///
/// transformers builds the same parameters whatever the storage, so this changes memory only;
/// `memory`, `cost` and `plan` use it unless the user names a weight dtype.
public struct CheckpointPrecision: Codable, Sendable, Equatable {
    public enum Format: String, Codable, Sendable, CaseIterable {
        /// OCP Microscaling FP4: 4-bit E2M1 values in blocks of 32 along each row's input
        /// dimension, one 8-bit E8M0 scale per block — 17 bytes per 32 values, 4.25 bits each.
        case mxfp4
        /// FP8 (E4M3 or E5M2): one byte per value and one fp32 scale (`weight_scale_inv`) per
        /// block of `blockSize` (outputs × inputs), ceil-divided along each dimension of each
        /// matrix; without a block size, one scale per matrix.
        case fp8
    }

    /// The format of the routed experts' weight matrices (their biases stay bf16); nil: as `linear`.
    public var experts: Format?
    /// The format of every other weight GEMM's matrix but the LM head's and the router's; nil: bf16.
    public var linear: Format?
    /// fp8's scale block, `[outputs, inputs]` of a stored matrix (`weight_block_size`); nil: one
    /// scale per matrix (per-tensor quantisation).
    public var blockSize: [Int]?
    /// A GGUF file's tensors, each at its own ggml type (`Q4_K`, `Q6_K`, `F32`): when present,
    /// the weights are priced at exactly these bytes and the formats above are unused. Read
    /// from the file only, never from a spec (not coded).
    public var file: StoredTensors? = nil

    public init(experts: Format? = nil, linear: Format? = nil, blockSize: [Int]? = nil) {
        self.experts = experts; self.linear = linear; self.blockSize = blockSize
    }

    /// Weights as a GGUF file stores them.
    public init(file: StoredTensors) { self.file = file }

    enum CodingKeys: String, CodingKey { case experts, linear, blockSize }

    /// The format a weight matrix of `group` is stored in; nil: bf16. The LM head and the router
    /// are never quantised (transformers keeps the output embedding out; the checkpoints keep the
    /// router in bf16), nor is anything that is not a weight GEMM (embeddings, norms).
    func format(of group: ParameterGroup) -> Format? {
        switch group {
        case .experts: experts ?? linear
        case .lmHead, .router, .tokenEmbedding, .positionEmbedding, .tokenTypeEmbedding, .relativeAttentionBias: nil
        default: linear
        }
    }

    /// How the title and notes name it: `experts mxfp4, rest bf16`, `linear fp8 (128×128 blocks), rest bf16`.
    public var summary: String {
        if let file { return file.summary }
        var parts: [String] = []
        if let linear { parts.append("linear layers \(describe(linear))") }
        if let experts, experts != linear { parts.append("experts \(describe(experts))") }
        return (parts + ["rest bf16"]).joined(separator: ", ")
    }

    private func describe(_ f: Format) -> String {
        guard f == .fp8 else { return f.rawValue }
        return blockSize.map { "fp8 (\($0.map(String.init).joined(separator: "×")) blocks)" } ?? "fp8 (one scale per matrix)"
    }

    /// Bytes of `matrix` in `format`: the values, plus each block's scale.
    func bytes(of m: WeightMatrix, in format: Format) -> (values: ExactCount, scales: ExactCount) {
        func blocks(_ width: Int, _ block: Int) -> Int { (width + block - 1) / block }
        switch format {
        case .mxfp4:
            // 16 bytes of values and 1 scale byte per 32 along each row's inputs (a trailing partial block padded).
            let perRow = blocks(m.inputs, 32)
            return (ExactCount.product(m.count, m.outputs, perRow, 16), ExactCount.product(m.count, m.outputs, perRow))
        case .fp8:
            let scales = blockSize.map { ExactCount.product(m.count, blocks(m.outputs, $0[0]), blocks(m.inputs, $0[1])) } ?? ExactCount(m.count)
            return (m.elements, scales * 4)
        }
    }
}
