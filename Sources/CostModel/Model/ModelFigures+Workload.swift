import Workload

extension ModelFigures {
    /// Exact figures of `spec` at `sequenceLength` tokens per sequence, counted by Workload's
    /// `FlopCounter` (convention `matmul` unless given), `ParameterCount` and `MemoryEstimator`.
    ///
    /// ```
    /// training per token = train(batch 1, seq).total ÷ seq           (3 × forward, + recompute)
    /// prefill per token  = prefill(batch 1, seq).total ÷ seq
    /// decode per token   = decode(batch 1, context seq).total
    /// decode slope       = decode(context seq + 1) − decode(context seq)
    /// ```
    public init(spec: ModelSpec, sequenceLength: Int, convention: Convention = .matmul,
                recompute: Recompute = .none, weightType: DataType = .bf16, kvType: DataType = .bf16) throws {
        try CostError.atLeastOne(sequenceLength, "--seq")
        let counter = try FlopCounter(spec: spec, convention: convention)
        let parameters = try ParameterCount.report(for: spec)
        let train = try counter.train(batch: 1, seq: sequenceLength, recompute: recompute)
        let prefill = try counter.prefill(batch: 1, seq: sequenceLength)
        var decode: Int128 = 0, slope: Int128 = 0
        if spec.decoder != nil, spec.lmHead != nil {
            decode = try counter.decode(batch: 1, context: sequenceLength).total
            slope = try counter.decode(batch: 1, context: sequenceLength + 1).total - decode
        }
        let memory = try MemoryEstimator(spec: spec, weightType: weightType, kvType: kvType).report(batch: 1, seq: sequenceLength)
        var notes = train.notes
        if spec.decoder?.slidingWindow != nil {
            notes.append("sliding-window attention: decode FLOPs are extrapolated linearly in the context, which overstates them beyond the window")
        }
        self.init(name: spec.name, totalParameters: parameters.total, activeParameters: parameters.active,
                  sequenceLength: sequenceLength,
                  trainingFLOPsPerToken: FLOPsPerToken(flops: train.total, tokens: train.tokens),
                  prefillFLOPsPerToken: FLOPsPerToken(flops: prefill.total, tokens: prefill.tokens),
                  decodeFLOPsPerToken: decode, decodeFLOPsPerCachedToken: slope,
                  weightBytes: memory.weights.total, kvCacheBytesPerToken: memory.kvCacheBytesPerToken,
                  notes: notes)
    }
}
