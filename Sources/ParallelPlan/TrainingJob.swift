import Workload

/// A training job: the model, its sequence length and global batch, and how well kernels run.
public struct TrainingJob: Sendable {
    public var spec: ModelSpec
    public var seq: Int
    /// Sequences per optimizer step, over all replicas.
    public var globalBatch: Int
    /// η: the fraction of the device's achievable matmul rate (its peak × the fraction a matmul
    /// benchmark reaches, `HardwareSpec.matmulCeiling`) a large GEMM sustains inside a training
    /// framework, the one figure of the step model (`DeviceStepTime`) neither a datasheet nor a
    /// benchmark gives. Not MFU: tile and wave
    /// quantization, attention, element-wise kernels, the optimizer, bubbles and exposed
    /// communication come on top. One global constant — never tuned per run.
    public var kernelEfficiency: Double
    public var recompute: Recompute

    /// η fitted on the published runs: the median of the efficiencies each run implies
    /// (`PublishedRunFit`; `PublishedRunFitTests` re-derives it from the table).
    public static let fittedKernelEfficiency = 0.730

    /// The job every plan is evaluated on. `plan` uses selective recomputation by default; this
    /// initializer none, so a library caller states the recomputation it trains with.
    public init(spec: ModelSpec, seq: Int, globalBatch: Int, kernelEfficiency: Double = fittedKernelEfficiency, recompute: Recompute = .none) {
        self.spec = spec; self.seq = seq; self.globalBatch = globalBatch
        self.kernelEfficiency = kernelEfficiency; self.recompute = recompute
    }
}
