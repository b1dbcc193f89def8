import Foundation

/// The entry point of a host benchmark: peak, bandwidth, SGEMM sweep, reference kernels.
public enum BenchRunner {
    /// Measures this host and returns its profile. `progress` receives one line per step (for
    /// stderr); it is called on the calling thread. Throws `HostBenchError` on a bad configuration
    /// or shape, or when the buffers would not fit in MemAvailable.
    public static func run(
        configuration: BenchConfiguration, progress: (String) -> Void = { _ in }
    ) throws -> BenchReport {
        try configuration.validate()
        try BLAS.requireLibrary()
        let threads = configuration.resolvedThreads, repeats = configuration.resolvedRepeats
        let shape = configuration.shape
        let previousBLASThreads = BLAS.threads
        defer { BLAS.setThreads(previousBLASThreads) }

        let nominal = NominalPeak.estimateForThisHost()
        let host = HostDescription.thisHost(nominal: nominal)
        progress("host: \(host.cpuModel), \(host.cores) cores, \(host.isa); \(host.openblasConfig)")

        progress("peak: FMA loop on \(threads) threads…")
        let measured = PeakProbe.measure(threads: threads, seconds: configuration.peakSeconds)
        progress(String(format: "  measured %.1f GFLOP/s (%@); nominal %@", measured.gflops, measured.isa,
                        nominal.gflops.map { String(format: "%.1f GFLOP/s", $0) } ?? "unknown"))

        let bytes = configuration.resolvedBandwidthBytes
        progress("bandwidth: triad over 3 × \(bytes >> 20) MiB…")
        let bandwidth = try BandwidthProbe.triad(bytesPerArray: bytes, threads: threads, repeats: repeats)
        progress(String(format: "  %.1f GB/s", bandwidth))

        progress("sgemm sweep (OpenBLAS threads = \(threads))…")
        let sweepShapes = configuration.sweepShapes
        let sweep = try GEMMSweep.run(sweepShapes, threads: threads, budget: configuration.kernelBudget, progress: progress)
        let bestSquare = GEMMSweep.reference(zip(sweepShapes, sweep).filter { $0.0.role == "square" })
        var kernels: [KernelMeasurement] = []
        if let (s, m) = bestSquare {
            var best = m
            best.name = "sgemm"
            best.shape = "m=n=k=\(s.m) (fastest median rate of the square sizes ≥ \(GEMMSweep.referenceMinimumSize))"
            kernels.append(best)
        }
        kernels += sweep

        progress("reference kernels at \(shape) on \(threads) workers…")
        let suite = KernelSuite(threads: threads, parallelism: configuration.parallelism, budget: configuration.kernelBudget)
        func add(_ m: KernelMeasurement) {
            progress(String(format: "  %@: %.2f ms, %.1f GFLOP/s", m.name, m.seconds * 1000, m.gflops))
            kernels.append(m)
        }
        add(try suite.attention("attention", shape))
        if let v = KernelSuite.attentionVariant(of: shape) { add(try suite.attention(v.name, v.shape)) }
        add(try suite.ffn("ffn", shape))
        let fv = KernelSuite.ffnVariant(of: shape)
        add(try suite.ffn(fv.name, fv.shape))
        add(try suite.layer(shape))
        var ratios: [String: Double] = [:]
        if configuration.includeBackward {
            let ab = try suite.attentionBackward(shape), fb = try suite.ffnBackward(shape)
            add(ab); add(fb)
            if let af = kernels.first(where: { $0.name == "attention" }) { ratios["attention"] = ab.seconds / af.seconds }
            if let ff = kernels.first(where: { $0.name == "ffn" }) { ratios["ffn"] = fb.seconds / ff.seconds }
        }
        return assemble(
            configuration: configuration, host: host, measured: measured, nominal: nominal,
            bandwidth: bandwidth, kernels: kernels, ratios: ratios)
    }

    /// Fills in the peak and the fractions once every rate is known.
    static func assemble(
        configuration: BenchConfiguration, host: HostDescription, measured: MeasuredPeak, nominal: NominalPeak,
        bandwidth: Double, kernels: [KernelMeasurement], ratios: [String: Double]
    ) -> BenchReport {
        let sweep = kernels.filter { $0.name.hasPrefix("sgemm_") }
        // The reference square (`GEMMSweep.reference`), not whichever sweep shape was luckiest.
        let bestSGEMM = kernels.first { $0.name == "sgemm" } ?? sweep.max { $0.gflops < $1.gflops }
        let bestRate = kernels.max { $0.gflops < $1.gflops }
        var peak = measured.gflops
        var source = "measured: \(measured.method)"
        if let bestRate, bestRate.gflops > peak {
            peak = bestRate.gflops
            source = String(format: "best observed rate (%@, %.1f GFLOP/s), above the measured FMA loop (%.1f GFLOP/s): fractions of peak are taken of it so none exceeds 100 %%",
                            bestRate.name, bestRate.gflops, measured.gflops)
        }
        var notes = [
            "FLOPs: matmul convention, 2·m·n·k per GEMM, full S×S attention products even when causal, no element-wise work",
            String(format: "kernels: median of at least %d runs and %.1f s of timed runs after one warm-up, on %d threads, parallelism '%@'; min/median/max seconds per kernel; re-timed (up to 3 attempts) while other processes used more than %.0f %% of the CPUs",
                   configuration.resolvedRepeats, configuration.minimumTimedSeconds, configuration.resolvedThreads,
                   configuration.parallelism.rawValue, CPULoad.busyThreshold * 100),
            "sgemm sweep: OpenBLAS's own threading with \(configuration.resolvedThreads) threads",
            "bandwidth: STREAM triad, best pass, 3 arrays × \(configuration.resolvedBandwidthBytes >> 20) MiB counted as 3 × bytes per pass",
        ]
        if let choice = OpenBLASCoreChoice.note { notes.append(choice) }
        notes += configuration.shapeNotes
        notes += loadNotes(kernels)
        if let n = nominal.gflops, n < measured.gflops {
            notes.append(String(format: "the nominal peak (%.1f GFLOP/s) is below the measured FMA loop (%.1f GFLOP/s): the clock /proc/cpuinfo reports is not the clock the cores run at", n, measured.gflops))
        }
        let best = bestSGEMM?.gflops ?? 0
        for k in kernels where best > 0 && k.gflops > best {
            notes.append(String(format: "%@ ran at %.3f× the best single SGEMM; its fraction_of_best_sgemm is clamped to 1", k.name, k.gflops / best))
        }
        let finished = kernels.map { k -> KernelMeasurement in
            var k = k
            k.fractionOfBestSGEMM = best > 0 ? min(1, k.gflops / best) : 0
            k.fractionOfPeak = peak > 0 ? min(1, k.gflops / peak) : 0
            return k
        }
        return BenchReport(
            schemaVersion: BenchReport.currentSchemaVersion, llmcostVersion: configuration.llmcostVersion,
            date: ISO8601DateFormatter().string(from: Date()), host: host,
            threads: configuration.resolvedThreads, quick: configuration.quick, shape: configuration.shape,
            peakGFLOPS: peak, peakSource: source, measuredPeak: measured,
            nominalPeakGFLOPS: nominal.gflops, nominalPeak: nominal,
            bestSGEMMGFLOPS: best, bestSGEMMShape: bestSGEMM?.shape ?? "none",
            bandwidthGBPS: bandwidth, bandwidthBytesPerArray: configuration.resolvedBandwidthBytes,
            kernels: finished, backwardForwardRatios: ratios, notes: notes,
            threading: .current(parallelism: configuration.parallelism, threads: configuration.resolvedThreads))
    }
}

extension BenchRunner {
    /// One note per kernel timed while other processes kept the machine busy on every attempt.
    static func loadNotes(_ kernels: [KernelMeasurement]) -> [String] {
        let loaded = kernels.filter(\.measuredUnderLoad)
        guard !loaded.isEmpty else { return [] }
        let names = loaded.map { String(format: "%@ (%.0f %%)", $0.name, ($0.foreignLoad ?? 0) * 100) }
        return ["measured under load: other processes used this share of the CPUs while these kernels were timed, on the least loaded of their attempts — their rates understate the host: " + names.joined(separator: ", ")]
    }
}

/// The module's entry point, callable as `HostBench.run(configuration:progress:)`; see
/// `BenchRunner.run(configuration:progress:)`.
public func run(configuration: BenchConfiguration, progress: (String) -> Void = { _ in }) throws -> BenchReport {
    try BenchRunner.run(configuration: configuration, progress: progress)
}

/// What a bench run would use, without timing anything: the host, the threading OpenBLAS was
/// loaded with, the kernels and their shapes (a dry run).
public struct BenchPlan: Codable, Sendable, Equatable {
    public var host: HostDescription
    public var threading: BenchThreading
    public var shape: LayerShape
    public var quick: Bool
    public var kernels: [String]
    public var minimumTimedSecondsPerKernel: Double
    /// What the reference layer leaves out of the model the shape came from.
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case host, threading, shape, quick, kernels, notes
        case minimumTimedSecondsPerKernel = "minimum_timed_seconds_per_kernel"
    }
}

extension BenchRunner {
    /// Loads OpenBLAS (configured as a run would) and describes the run `configuration` asks for.
    public static func plan(configuration: BenchConfiguration) throws -> BenchPlan {
        try configuration.validate()
        try BLAS.requireLibrary()
        let shape = configuration.shape
        var kernels = configuration.sweepShapes.map(\.name)
        kernels += ["attention"] + (KernelSuite.attentionVariant(of: shape).map { [$0.name] } ?? [])
        kernels += ["ffn", KernelSuite.ffnVariant(of: shape).name, "layer"]
        if configuration.includeBackward { kernels += ["attention_backward", "ffn_backward"] }
        return BenchPlan(
            host: HostDescription.thisHost(nominal: NominalPeak.estimateForThisHost()),
            threading: .current(parallelism: configuration.parallelism, threads: configuration.resolvedThreads),
            shape: shape, quick: configuration.quick, kernels: kernels,
            minimumTimedSecondsPerKernel: configuration.minimumTimedSeconds, notes: configuration.shapeNotes)
    }
}
