import Workload

extension ModelFigures {
    /// Exact figures of `spec` at `sequenceLength` tokens per sequence, counted by Workload's
    /// `FlopCounter` (convention `matmul` unless given), `ParameterCount` and `MemoryEstimator`.
    /// `weightType` nil: the weights as the checkpoint stores them where the model says, else bf16.
    ///
    /// ```
    /// training per token = train(batch 1, seq, recompute none).total ÷ seq     (model FLOPs, 3 × forward)
    /// hardware per token = train(batch 1, seq, recompute).total ÷ seq          (+ recomputation)
    /// prefill per token  = prefill(batch 1, seq).total ÷ seq
    /// decode per token   = decode(batch 1, context seq).total   (latent attention: absorbed)
    /// decode slope       = decode(context seq + 1) − decode(context seq)
    /// ```
    public init(spec: ModelSpec, sequenceLength: Int, convention: Convention = .matmul,
                recompute: Recompute = .none, weightType: DataType? = nil, kvType: DataType = .bf16) throws {
        try CostError.atLeastOne(sequenceLength, .sequenceLength)
        let counter = try FlopCounter(spec: spec, convention: convention, latentDecode: .absorbed)
        let parameters = try ParameterCount.report(for: spec)
        let hardwareTrain = try counter.train(batch: 1, seq: sequenceLength, recompute: recompute)
        let train = recompute == .none ? hardwareTrain : try counter.train(batch: 1, seq: sequenceLength, recompute: .none)
        let prefill = try counter.prefill(batch: 1, seq: sequenceLength)
        var decode: Int128 = 0, slope: Int128 = 0
        let generates = spec.decoder != nil && spec.lmHead != nil
        if generates {
            decode = try counter.decode(batch: 1, context: sequenceLength).total
            slope = try counter.decode(batch: 1, context: sequenceLength + 1).total - decode
        }
        // The one rule `memory` and `plan` price weights by: the named dtype, else the checkpoint's storage, else bf16.
        let memory = try MemoryEstimator(spec: spec, requestedWeightType: weightType, kvType: kvType).report(batch: 1, seq: sequenceLength)
        var notes = prefill.notes
        let trainingNotes = hardwareTrain.notes.filter { !prefill.notes.contains($0) }
        if spec.hasLatentAttention {
            notes.append("multi-head latent attention: decode priced under the absorbed convention (W_UK and W_UV folded in, attention over the cached latent), as serving engines run it; transformers' re-expansion of every cached latent costs far more per token")
        }
        if let d = spec.decoder, d.layers(reaching: .chunked) > 0, let c = d.attentionChunkSize {
            notes.append("chunked attention (\(c)) on \(d.layers(reaching: .chunked)) of \(d.layers) layers: decode FLOPs are extrapolated linearly in the context, which overstates those layers beyond one chunk")
        }
        if spec.decoder?.slidingWindow != nil {
            notes.append("sliding-window attention: decode FLOPs are extrapolated linearly in the context, which overstates them beyond the window")
        }
        self.init(name: spec.name, totalParameters: parameters.total, activeParameters: parameters.active,
                  sequenceLength: sequenceLength,
                  trainingFLOPsPerToken: FLOPsPerToken(flops: train.total, tokens: train.tokens),
                  prefillFLOPsPerToken: FLOPsPerToken(flops: prefill.total, tokens: prefill.tokens),
                  decodeFLOPsPerToken: decode, decodeFLOPsPerCachedToken: slope,
                  weightBytes: memory.weights.total, kvCacheBytesPerToken: memory.kvCacheBytesPerToken,
                  weightTraffic: memory.weightTraffic, weightStorage: memory.weights.title,
                  notes: notes,
                  hardwareTrainingFLOPsPerToken: FLOPsPerToken(flops: hardwareTrain.total, tokens: hardwareTrain.tokens),
                  recompute: recompute.rawValue, trainingNotes: trainingNotes)
        self.generates = generates
    }
}
