import Foundation

/// What `BenchRunner.run` measures and how long it may take.
public struct BenchConfiguration: Sendable, Equatable {
    /// The layer the reference kernels run (default: the NumPy peer's, d 768, 12 heads, seq 512).
    public var shape: LayerShape
    /// Worker threads; `nil` means one per online CPU.
    public var threads: Int?
    /// About ten seconds on a 2-core machine: fewer GEMM sizes, fewer repeats, smaller arrays.
    public var quick: Bool
    /// Timed repeats per kernel (median reported); default 5 quick, 9 full.
    public var repeats: Int?
    /// Square SGEMM sizes; default 256…2048 quick, 256…4096 full.
    public var squareSizes: [Int]?
    /// Bytes per triad array; default 64 MiB quick, 256 MiB full (both ≫ a 32 MiB LLC).
    public var bandwidthBytesPerArray: Int?
    /// Seconds of timed runs per kernel at least; default 0.3 quick, 1 full.
    public var minimumSecondsPerKernel: Double?
    /// Run the backward passes (attention_backward, ffn_backward).
    public var includeBackward: Bool
    /// How the reference kernels use the threads.
    public var parallelism: KernelParallelism
    /// What the reference layer leaves out of the model the shape came from
    /// (`LayerShape.approximations(of:)`), carried into the report's notes.
    public var shapeNotes: [String] = []
    /// Written into the report's `llmcost_version`.
    public var llmcostVersion: String

    /// Every figure nil picks what the run needs on this host (all cores, repeats and sizes by
    /// `quick`); a value given is checked by `validate()` before anything is timed.
    public init(
        shape: LayerShape = .default, threads: Int? = nil, quick: Bool = false, repeats: Int? = nil,
        squareSizes: [Int]? = nil, bandwidthBytesPerArray: Int? = nil, includeBackward: Bool = true,
        parallelism: KernelParallelism = .hybrid, llmcostVersion: String = "0.1.0",
        minimumSecondsPerKernel: Double? = nil
    ) {
        self.minimumSecondsPerKernel = minimumSecondsPerKernel
        self.shape = shape; self.threads = threads; self.quick = quick; self.repeats = repeats
        self.squareSizes = squareSizes; self.bandwidthBytesPerArray = bandwidthBytesPerArray
        self.includeBackward = includeBackward; self.parallelism = parallelism
        self.llmcostVersion = llmcostVersion
    }

    var resolvedThreads: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
    var resolvedRepeats: Int { repeats ?? (quick ? 5 : 9) }
    var resolvedSquareSizes: [Int] { squareSizes ?? (quick ? [256, 512, 1024, 2048] : [256, 512, 1024, 2048, 4096]) }
    var resolvedBandwidthBytes: Int { bandwidthBytesPerArray ?? (quick ? 64 : 256) << 20 }
    var peakSeconds: Double { quick ? 0.2 : 0.5 }
    /// The SGEMM sweep: the square sizes, then the layer's own GEMMs, each shape once.
    var sweepShapes: [GEMMSweep.Shape] {
        let squares = resolvedSquareSizes.map { GEMMSweep.Shape(m: $0, n: $0, k: $0, role: "square") }
        var seen = Set<String>()
        return (squares + GEMMSweep.layerShapes(shape)).filter { seen.insert($0.name).inserted }
    }
    /// Seconds of timed runs per kernel at least: enough runs of a millisecond kernel for a
    /// median that holds from one bench to the next.
    var minimumTimedSeconds: Double { minimumSecondsPerKernel ?? (quick ? 0.3 : 1.0) }
    /// How each kernel is timed: `resolvedRepeats` runs at least, `minimumTimedSeconds` in all,
    /// re-timed (up to 3 attempts) while other processes use the CPUs.
    var kernelBudget: Timing.Budget { Timing.Budget(minimumRepeats: resolvedRepeats, minimumSeconds: minimumTimedSeconds) }

    /// Throws on a configuration no run can honour (before anything is allocated).
    public func validate() throws {
        if let threads, threads < 1 || threads > 1024 {
            throw HostBenchError.invalidConfiguration(field: "threads", reason: "must be 1…1024, got \(threads)")
        }
        if let repeats, repeats < 1 {
            throw HostBenchError.invalidConfiguration(field: "repeats", reason: "must be ≥ 1, got \(repeats)")
        }
        if let seconds = minimumSecondsPerKernel, !(seconds.isFinite && (0...60).contains(seconds)) {
            throw HostBenchError.invalidConfiguration(field: "minimum seconds per kernel", reason: "must be 0…60, got \(seconds)")
        }
        if let bad = resolvedSquareSizes.first(where: { $0 < 1 || $0 > 16384 }) {
            throw HostBenchError.invalidConfiguration(field: "square sizes", reason: "must be 1…16384, got \(bad)")
        }
        if resolvedBandwidthBytes < 1 << 20 {
            throw HostBenchError.invalidConfiguration(field: "bandwidth bytes", reason: "must be ≥ 1 MiB")
        }
        try shape.checkMemory(backward: includeBackward, workers: resolvedThreads)
    }
}
