/// One timed kernel: what it computed, how long it took, the FLOPs it issued.
/// Written to a profile as `record` (CostModel's `HostMeasurement.Kernel` is the schema).
public struct KernelMeasurement: Sendable, Equatable {
    /// `sgemm`, `sgemm_<m>x<n>x<k>`, `attention`, `attention_gqa`, `ffn`, `ffn_gated`,
    /// `ffn_plain`, `layer`, `attention_backward`, `ffn_backward`.
    public var name: String
    /// Human-readable shape (`m=512 n=2304 k=768`, or the layer shape).
    public var shape: String
    /// Median wall-clock seconds of one run, after warm-up.
    public var seconds: Double
    /// FLOPs one run issued, `matmul` convention (sum of `2·m·n·k` over its GEMMs).
    public var flops: Int
    /// Fastest single run, seconds (what NumPy's and likwid's "best of" timings report).
    public var bestSeconds: Double
    /// `flops / seconds / 1e9`.
    public var gflops: Double
    /// `gflops / best_sgemm_gflops`, clamped to 1 (a kernel that outruns the best single GEMM
    /// call is named in the report's notes; its `gflops` keeps the real rate).
    public var fractionOfBestSGEMM: Double
    /// `gflops / peak_gflops`, never above 1 (the peak is at least the best rate observed).
    public var fractionOfPeak: Double
    public var repeats: Int
    /// Slowest timed run, seconds: with `bestSeconds` and the median, the spread of the runs.
    public var worstSeconds: Double?
    /// Other processes' share of the CPUs while the runs were timed (`CPULoad`); nil when
    /// `/proc/stat` was unreadable or the profile predates it.
    public var foreignLoad: Double?
    /// Bytes the kernel must move at least (`LayerShape+Traffic`): with `flops`, its arithmetic
    /// intensity on the roofline. Nil in a profile written before llmcost recorded it.
    public var minimumBytes: Int?
    /// Timing attempts: more than one when the machine was busy and the kernel was re-timed.
    public var attempts: Int?

    init(name: String, shape: String, seconds: Double, bestSeconds: Double, flops: Int, repeats: Int) {
        self.name = name; self.shape = shape; self.seconds = seconds; self.bestSeconds = bestSeconds; self.flops = flops
        self.gflops = seconds > 0 ? Double(flops) / seconds / 1e9 : 0
        self.fractionOfBestSGEMM = 0; self.fractionOfPeak = 0; self.repeats = repeats
    }

    init(name: String, shape: String, sample: Timing.Sample, flops: Int) {
        self.init(name: name, shape: shape, seconds: sample.median, bestSeconds: sample.best, flops: flops, repeats: sample.repeats)
        worstSeconds = sample.worst; foreignLoad = sample.foreignLoad; attempts = sample.attempts
    }

    /// FLOPs per byte of compulsory traffic, when known.
    public var arithmeticIntensity: Double? {
        guard let bytes = minimumBytes, bytes > 0 else { return nil }
        return Double(flops) / Double(bytes)
    }

    /// Whether other processes took more than `CPULoad.busyThreshold` of the machine even on the
    /// least loaded attempt: the figure is flagged in the report's notes.
    public var measuredUnderLoad: Bool { (foreignLoad ?? 0) > CPULoad.busyThreshold }
}

extension KernelMeasurement {
    func withMinimumBytes(_ bytes: Int) -> KernelMeasurement {
        var m = self
        m.minimumBytes = bytes
        return m
    }
}
