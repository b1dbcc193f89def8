import Workload

/// A training job: the model, its sequence length and global batch, and how well kernels run.
public struct TrainingJob: Sendable {
    public var spec: ModelSpec
    public var seq: Int
    /// Sequences per optimizer step, over all replicas.
    public var globalBatch: Int
    /// Fraction of peak the GEMMs of one device sustain (not MFU: bubbles and exposed
    /// communication come on top). One global constant — never tuned per run.
    public var kernelEfficiency: Double
    public var recompute: Recompute

    public init(spec: ModelSpec, seq: Int, globalBatch: Int, kernelEfficiency: Double = 0.6, recompute: Recompute = .none) {
        self.spec = spec; self.seq = seq; self.globalBatch = globalBatch
        self.kernelEfficiency = kernelEfficiency; self.recompute = recompute
    }
}
