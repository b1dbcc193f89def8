extension MemoryEstimator {
    /// What the weights section is titled: one dtype, or the checkpoint's mix.
    var weightFormat: String {
        checkpoint.map { "checkpoint: experts \($0.experts.rawValue), rest bf16" } ?? weightType.rawValue
    }

    /// Weight bytes as the checkpoint stores them: the experts' weight matrices in the quantised
    /// format (blocks of values plus one scale each), their biases and every other component bf16.
    func checkpointComponents(_ parameters: ParameterReport, _ checkpoint: CheckpointPrecision) -> [MemoryComponent] {
        let quantized = spec.quantizedExpertMatrices(checkpoint.experts)
        return parameters.components.map { c in
            guard c.kind == .experts, quantized.elements != .zero else {
                return MemoryComponent(name: c.name, bytes: DataType.bf16.bytes(c.parameters), formula: "\(c.parameters) parameters × 16 bits")
            }
            let rest = c.parameters - quantized.elements
            return MemoryComponent(
                name: c.name, bytes: quantized.bytes + DataType.bf16.bytes(rest),
                formula: "\(quantized.elements) matrix weights in \(checkpoint.experts.rawValue) (17 bytes per 32 along each row: \(checkpoint.experts.bitsPerValue) bits) + \(rest) biases × 16 bits")
        }
    }
}
