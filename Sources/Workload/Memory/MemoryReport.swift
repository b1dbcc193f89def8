/// One line of a memory breakdown, in exact bytes.
public struct MemoryComponent: Sendable, Equatable {
    public var name: String
    public var bytes: ExactCount
    public var formula: String
    public init(name: String, bytes: ExactCount, formula: String) {
        self.name = name; self.bytes = bytes; self.formula = formula
    }
}

/// A group of memory components with their exact total.
public struct MemorySection: Sendable, Equatable {
    public var title: String
    public var components: [MemoryComponent]
    public var total: Int128

    public init(title: String, components: [MemoryComponent]) throws(CountOverflow) {
        self.title = title
        self.components = components.filter { $0.bytes != .zero }
        total = try components.reduce(ExactCount.zero) { $0 + $1.bytes }.checked("\(title) bytes")
    }

    /// Bytes of the components of `group`, in every stack (`experts`, `decoder.experts`, …).
    public func bytes(of group: ParameterGroup) -> Int128 {
        components.filter { $0.name == group.rawValue || $0.name.hasSuffix("." + group.rawValue) }.reduce(Int128(0)) { $0 + $1.bytes.value }
    }
}

/// Memory of a model for inference and for training, and the traffic of one decode step.
public struct MemoryReport: Sendable {
    public var model: String
    public var weightType: DataType
    /// The checkpoint's own storage, when the weights were priced as it stores them (then
    /// `weightType` is only the dtype of what it does not quantise).
    public var checkpoint: CheckpointPrecision? = nil
    /// The dtypes of a checkpoint's files, when the weights are their stored bytes.
    public var storedWeightTypes: [String]? = nil
    public var kvType: DataType
    public var batch: Int
    public var seq: Int
    public var weights: MemorySection
    /// KV-cache bytes one token adds (all layers, K and V).
    public var kvCacheBytesPerToken: Int128
    /// Positions each sequence keeps in the cache (`seq`, or the sliding window if smaller).
    public var cachedPositions: Int
    public var kvCache: MemorySection
    /// Weights + KV cache: what serving `batch` sequences of `seq` tokens needs.
    public var inferenceTotal: Int128
    /// Bytes one decode step reads: the weights once for the whole batch, each sequence's cache.
    public var decodeStep: MemorySection
    /// The weights as a step reads them: the dense parts every step, the routed experts by share.
    public var weightTraffic: WeightTraffic
    /// Mixed-precision Adam training: weights, gradients, optimizer state, activations.
    public var training: MemorySection
    public var recompute: Recompute
    public var notes: [String]
}
