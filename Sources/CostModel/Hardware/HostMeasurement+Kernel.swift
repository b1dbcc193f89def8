extension HostMeasurement {
    /// One timed kernel (`layer`, `ffn`, `attention`, `sgemm_4096x4096x4096`, …) as a profile
    /// records it. The cost model prices from `seconds`, `flops` and `gflops`; the rest is the
    /// bench's record of the run (README.md of HostBench), kept so the schema is declared once.
    public struct Kernel: Codable, Sendable, Equatable {
        public var name: String
        /// Human-readable shape (`m=512 n=2304 k=768`, or the layer shape).
        public var shape: String?
        /// Median wall-clock seconds of one run, after warm-up.
        public var seconds: Double?
        /// Fastest single run, seconds.
        public var bestSeconds: Double?
        public var repeats: Int?
        /// FLOPs one run issued, `matmul` convention (a whole number in files bench writes).
        public var flops: Double?
        /// `flops ÷ seconds ÷ 10⁹`.
        public var gflops: Double?
        public var fractionOfBestSGEMM: Double?
        public var fractionOfPeak: Double?
        /// The spread of the timed runs: fastest, median (= `seconds`) and slowest, seconds.
        public var minSeconds: Double?
        public var medianSeconds: Double?
        public var maxSeconds: Double?
        /// Other processes' share of the CPUs while the kernel was timed (0…1).
        public var foreignLoad: Double?
        /// Timing attempts (more than one: the machine was busy and the kernel was re-timed).
        public var attempts: Int?
        /// Bytes the kernel must move at least (each GEMM's operands and result once, FP32).
        public var minimumBytes: Double?

        enum CodingKeys: String, CodingKey {
            case name, shape, seconds, bestSeconds = "best_seconds", repeats, flops, gflops
            case fractionOfBestSGEMM = "fraction_of_best_sgemm", fractionOfPeak = "fraction_of_peak"
            case minSeconds = "min_seconds", medianSeconds = "median_seconds", maxSeconds = "max_seconds"
            case foreignLoad = "foreign_load", attempts, minimumBytes = "minimum_bytes"
        }

        public init(name: String, seconds: Double?, flops: Double?, gflops: Double?, shape: String? = nil,
                    bestSeconds: Double? = nil, repeats: Int? = nil, fractionOfBestSGEMM: Double? = nil, fractionOfPeak: Double? = nil,
                    minSeconds: Double? = nil, medianSeconds: Double? = nil, maxSeconds: Double? = nil,
                    foreignLoad: Double? = nil, attempts: Int? = nil, minimumBytes: Double? = nil) {
            self.name = name; self.seconds = seconds; self.flops = flops; self.gflops = gflops; self.shape = shape
            self.bestSeconds = bestSeconds; self.repeats = repeats
            self.fractionOfBestSGEMM = fractionOfBestSGEMM; self.fractionOfPeak = fractionOfPeak
            self.minSeconds = minSeconds; self.medianSeconds = medianSeconds; self.maxSeconds = maxSeconds
            self.foreignLoad = foreignLoad; self.attempts = attempts; self.minimumBytes = minimumBytes
        }

        /// `gflops`, or `flops ÷ seconds ÷ 10⁹` when only those are present (the two agree when
        /// both are: `HostMeasurement.validate` refuses a profile where they do not).
        public var measuredGflops: Double? {
            if let gflops, gflops.isFinite, gflops > 0 { return gflops }
            if let flops, let seconds, seconds > 0, flops > 0 { return flops / seconds / 1e9 }
            return nil
        }
    }
}
