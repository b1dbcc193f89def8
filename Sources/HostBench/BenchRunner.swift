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
        let squares = configuration.resolvedSquareSizes.map { GEMMSweep.Shape(m: $0, n: $0, k: $0, role: "square") }
        var seen = Set<String>()
        let sweepShapes = (squares + GEMMSweep.layerShapes(shape)).filter { seen.insert("\($0.m)x\($0.n)x\($0.k)").inserted }
        let sweep = try GEMMSweep.run(sweepShapes, threads: threads, repeats: repeats, progress: progress)
        let bestSquare = zip(sweepShapes, sweep).filter { $0.0.role == "square" }.max { $0.1.gflops < $1.1.gflops }
        var kernels: [KernelMeasurement] = []
        if let (s, m) = bestSquare {
            var best = m
            best.name = "sgemm"
            best.shape = "m=n=k=\(s.m) (fastest square size of the sweep)"
            kernels.append(best)
        }
        kernels += sweep

        progress("reference kernels at \(shape) on \(threads) workers…")
        let suite = KernelSuite(threads: threads, parallelism: configuration.parallelism, repeats: repeats)
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
        let bestSGEMM = sweep.max { $0.gflops < $1.gflops }
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
            "kernels: median of \(configuration.resolvedRepeats) runs after one warm-up on \(configuration.resolvedThreads) threads, parallelism '\(configuration.parallelism.rawValue)'",
            "sgemm sweep: OpenBLAS's own threading with \(configuration.resolvedThreads) threads",
            "bandwidth: STREAM triad, best pass, 3 arrays × \(configuration.resolvedBandwidthBytes >> 20) MiB counted as 3 × bytes per pass",
        ]
        if let choice = OpenBLASCoreChoice.note { notes.append(choice) }
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
            kernels: finished, backwardForwardRatios: ratios, notes: notes)
    }
}

/// The module's entry point, callable as `HostBench.run(configuration:progress:)`; see
/// `BenchRunner.run(configuration:progress:)`.
public func run(configuration: BenchConfiguration, progress: (String) -> Void = { _ in }) throws -> BenchReport {
    try BenchRunner.run(configuration: configuration, progress: progress)
}
