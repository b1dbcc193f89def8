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
    /// Weights as a checkpoint's files store them (`memory` on a model directory with safetensors
    /// files); takes precedence over `checkpoint` and `weightType`. nil: not read from files.
    public var storedWeights: CheckpointReport?

    /// Every weight at `weightType` (or at `checkpoint`'s storage where it says). To price the
    /// weights the way `memory`, `cost` and `plan` do — as the checkpoint stores them unless a
    /// dtype is named — use `init(spec:requestedWeightType:kvType:groupSize:recompute:stored:)`.
    public init(spec: ModelSpec, weightType: DataType = .bf16, kvType: DataType = .bf16,
                groupSize: Int = 128, recompute: Recompute = .none, checkpoint: CheckpointPrecision? = nil) {
        self.spec = spec; operations = ModelOperations(spec); self.weightType = weightType; self.kvType = kvType
        self.groupSize = groupSize; self.recompute = recompute; self.checkpoint = checkpoint
    }

    /// Bytes of weights, KV cache (for `batch` sequences of `seq` positions), one decode step's
    /// traffic and mixed-precision Adam training. Sizes beyond `Limits` are an error naming the
    /// parameter, so an absurd request fails instead of overflowing.
    public func report(batch: Int, seq: Int) throws -> MemoryReport {
        try Limits.batch.check(batch, .batch)
        try Limits.sequence.check(seq, .sequenceLength)
        guard groupSize > 0 else { throw PhaseError(.groupSize, "must be positive, got \(groupSize)") }
        let parameters = try operations.parameterReport()
        let weights = try MemorySection(title: "weights (\(weightFormat))", components: weightComponents(parameters))
        let cached = cachedPositions(seq)
        let perToken = try kvBytesPerToken().checked("KV-cache bytes per token")
        let kv = try MemorySection(title: "KV cache (\(kvType.rawValue))", components: kvComponents(batch: batch, seq: seq))
        let traffic = weightTraffic(weights)
        let but = [traffic.gatheredTables.isEmpty ? nil : "the gathered tables", traffic.routedExperts > 0 ? "the routed experts" : nil].compactMap { $0 }
        var read = [MemoryComponent(name: "weights", bytes: ExactCount(traffic.alwaysRead),
                                    formula: but.isEmpty ? "every weight once per step, shared by the batch"
                                        : "every weight but \(but.joined(separator: " and ")) once per step, shared by the batch")]
        if !traffic.gatheredTables.isEmpty {
            read.append(.init(name: "embedding_rows", bytes: ExactCount(traffic.gatheredBytes(tokens: batch)),
                              formula: "the rows of \(traffic.gatheredTables.map(\.name).joined(separator: " and ")) the batch's \(batch) tokens gather, at most one each a token"))
        }
        if traffic.routedExperts > 0 {
            read.append(.init(name: "routed_experts", bytes: ExactCount(traffic.routedBytes(tokens: batch)),
                              formula: "expected share of \(traffic.routedExperts) B of routed experts: \(traffic.describe(tokens: batch))"))
        }
        read.append(.init(name: "kv_cache", bytes: ExactCount(kv.total), formula: "each sequence reads its own cache"))
        let decode = try MemorySection(title: "bytes read per decode step", components: read)
        let training = try MemorySection(title: "training (mixed-precision Adam, recompute \(recompute.rawValue))",
                                         components: trainingComponents(parameters, batch: batch, seq: seq))
        return MemoryReport(
            model: spec.name, weightType: weightType, checkpoint: checkpoint,
            storedWeightTypes: storedWeights.map { $0.bytesByDType.map(\.dtype) }, kvType: kvType, batch: batch, seq: seq, weights: weights,
            kvCacheBytesPerToken: perToken, cachedPositions: cached, kvCache: kv,
            inferenceTotal: try (ExactCount(weights.total) + ExactCount(kv.total)).checked("inference memory"),
            decodeStep: decode, weightTraffic: traffic, training: training, recompute: recompute, notes: notes())
    }

    /// The weights split into what every step reads, the tables it reads by row and the routed
    /// experts (`WeightTraffic`).
    func weightTraffic(_ weights: MemorySection) -> WeightTraffic {
        var gathered: [WeightTraffic.GatheredTable] = []
        // A tied table is the LM head's matrix too, read whole every step.
        let table = weights.bytes(of: .tokenEmbedding)
        if table > 0, weights.bytes(of: .lmHead) > 0 { gathered.append(.init(name: "the untied token embedding", bytes: table, rows: spec.vocabularySize)) }
        let positions = weights.bytes(of: .positionEmbedding)
        if positions > 0, let rows = (spec.decoder ?? spec.encoder)?.learnedPositions { gathered.append(.init(name: "the learned positions", bytes: positions, rows: rows)) }
        let rest = weights.total - gathered.reduce(0) { $0 + $1.bytes }
        let routed = weights.bytes(of: .experts)
        guard routed > 0, let moe = spec.decoder?.moe else { return WeightTraffic(alwaysRead: rest, gatheredTables: gathered) }
        return WeightTraffic(alwaysRead: rest - routed, routedExperts: routed, experts: moe.experts, topK: moe.topK, gatheredTables: gathered)
    }

    /// The one rule for how a command prices the weights: a dtype the user names prices every
    /// weight at it; otherwise the checkpoint's own storage where the model says (gpt-oss's MXFP4
    /// experts, DeepSeek-V3's FP8), else bf16. `memory`, `cost` and `plan` all build it this way.
    /// A checkpoint's files (`stored`), when read, price the weights unless a dtype is named.
    public init(spec: ModelSpec, requestedWeightType: DataType?, kvType: DataType = .bf16, groupSize: Int = 128,
                recompute: Recompute = .none, stored: CheckpointReport? = nil) {
        self.init(spec: spec, weightType: requestedWeightType ?? .bf16, kvType: kvType, groupSize: groupSize, recompute: recompute,
                  checkpoint: requestedWeightType == nil && stored == nil ? spec.checkpointPrecision : nil)
        storedWeights = requestedWeightType == nil ? stored : nil
    }

    /// Positions a decoder keeps per sequence: all of them, or its sliding window.
    func cachedPositions(_ seq: Int) -> Int { min(seq, spec.decoder?.slidingWindow ?? seq) }
}
