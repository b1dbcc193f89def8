/// How a checkpoint stores its weights when one dtype does not describe them: gpt-oss keeps its
/// routed experts' weight matrices in MXFP4 (`quantization_config.quant_method: mxfp4`) and every
/// other tensor — attention, sinks, router, expert biases, norms, embedding, LM head — in bf16.
///
/// transformers builds the same parameters whatever the storage, so this changes memory only;
/// `memory` uses it unless the user names a weight dtype.
public struct CheckpointPrecision: Codable, Sendable, Equatable {
    public enum Format: String, Codable, Sendable, CaseIterable {
        /// OCP Microscaling FP4: 4-bit E2M1 values in blocks of 32 along each row's input
        /// dimension, one 8-bit E8M0 scale per block — 17 bytes per 32 values, 4.25 bits each.
        case mxfp4

        /// Values per block and bytes per block (values and scale).
        var block: (values: Int, bytes: Int) { (32, 32 * 4 / 8 + 1) }
        public var bitsPerValue: Double { Double(block.bytes * 8) / Double(block.values) }
    }

    /// The format of the routed experts' weight matrices (their biases stay bf16).
    public var experts: Format

    public init(experts: Format) { self.experts = experts }

    enum CodingKeys: String, CodingKey { case experts }
}

extension ModelSpec {
    /// Bytes of the routed experts' weight matrices in `format`: each matrix row is split into
    /// blocks along its input dimension (`gate_up_proj` rows of `d`, `down_proj` rows of `F`), a
    /// trailing partial block padded; and the count of those matrices' elements.
    func quantizedExpertMatrices(_ format: CheckpointPrecision.Format) -> (elements: ExactCount, bytes: ExactCount) {
        guard let stack = decoder, let moe = stack.moe else { return (.zero, .zero) }
        let e = moe.expert(of: stack.ffn), d = hiddenSize, F = e.intermediateSize, g = e.inputProjections
        let n = format.block.values
        func blocks(_ width: Int) -> Int { (width + n - 1) / n }
        let copies = ExactCount.product(moe.sparseLayers(of: stack.layers), moe.experts)
        let elements = copies * (ExactCount.product(g, F, d) + ExactCount.product(d, F))
        let blockCount = copies * (ExactCount.product(g, F, blocks(d)) + ExactCount.product(d, blocks(F)))
        return (elements, blockCount * ExactCount(format.block.bytes))
    }
}
