/// Exact byte counts of weights, KV cache, training state and activations.
public struct MemoryEstimator: Sendable {
    /// The model; fixed at creation, since its operations (what each layer caches and keeps for
    /// backward) are built once from it.
    public let spec: ModelSpec
    let operations: ModelOperations
    public var weightType: DataType = .bf16
    public var kvType: DataType = .bf16
    /// Weights per quantisation scale for grouped formats (int4).
    public var groupSize: Int = 128
    public var recompute: Recompute = .none
    /// Weights as the checkpoint stores them (gpt-oss's MXFP4 experts, the rest bf16) instead of
    /// all at `weightType`; nil: `weightType`.
    public var checkpoint: CheckpointPrecision?

    public init(spec: ModelSpec, weightType: DataType = .bf16, kvType: DataType = .bf16,
                groupSize: Int = 128, recompute: Recompute = .none, checkpoint: CheckpointPrecision? = nil) {
        self.spec = spec; operations = ModelOperations(spec); self.weightType = weightType; self.kvType = kvType
        self.groupSize = groupSize; self.recompute = recompute; self.checkpoint = checkpoint
    }

    public func report(batch: Int, seq: Int) throws -> MemoryReport {
        try Limits.batch.check(batch, .batch)
        try Limits.sequence.check(seq, .sequenceLength)
        guard groupSize > 0 else { throw PhaseError(.groupSize, "must be positive, got \(groupSize)") }
        let parameters = try operations.parameterReport()
        let weights = try MemorySection(title: "weights (\(weightFormat))", components: weightComponents(parameters))
        let cached = cachedPositions(seq)
        let perToken = try kvBytesPerToken().checked("KV-cache bytes per token")
        let kv = try MemorySection(title: "KV cache (\(kvType.rawValue))", components: kvComponents(batch: batch, seq: seq))
        let decode = try MemorySection(title: "bytes read per decode step", components: [
            .init(name: "weights", bytes: ExactCount(weights.total), formula: "every weight once per step, shared by the batch"),
            .init(name: "kv_cache", bytes: ExactCount(kv.total), formula: "each sequence reads its own cache"),
        ])
        let training = try MemorySection(title: "training (mixed-precision Adam, recompute \(recompute.rawValue))",
                                         components: trainingComponents(parameters, batch: batch, seq: seq))
        return MemoryReport(
            model: spec.name, weightType: weightType, checkpoint: checkpoint, kvType: kvType, batch: batch, seq: seq, weights: weights,
            kvCacheBytesPerToken: perToken, cachedPositions: cached, kvCache: kv,
            inferenceTotal: try (ExactCount(weights.total) + ExactCount(kv.total)).checked("inference memory"),
            decodeStep: decode, training: training, recompute: recompute, notes: notes())
    }

    /// Positions a decoder keeps per sequence: all of them, or its sliding window.
    func cachedPositions(_ seq: Int) -> Int { min(seq, spec.decoder?.slidingWindow ?? seq) }
}
