import Workload

extension ModelPassRunner {
    /// Footprints the element-wise rate is measured at: 64 KiB (L2) to 256 MiB (DRAM), ×4 apart.
    static let passFootprints = (0..<7).map { (64 << 10) << (2 * $0) }

    /// The per-operator time model of eager PyTorch for `spec` at `seq` tokens: every distinct
    /// GEMM shape its forward, training step and decode step launch, timed alone; the element-wise
    /// rate at each footprint; the dispatch cost.
    /// GEMM shapes the pass's own rates already timed (`timed`, at their median) are not timed again.
    static func eagerTimeModel(_ spec: ModelSpec, seq: Int, threads: Int, timed: [GEMMRate],
                               progress: (String) -> Void) throws -> EagerTimeModel? {
        guard let lowering = try? EagerLowering(spec: spec) else { return nil }
        let framework = try FrameworkBLAS.configured?.get()
        // Rates OpenBLAS gave the pass are the framework's only when the framework runs OpenBLAS.
        let known = framework != nil ? [] : timed.filter { !$0.role.hasPrefix("square_") }
            .map { EagerTimeModel.GEMMRate(m: $0.m, n: $0.n, k: $0.k, gflops: $0.gflops) }
        // The pass's own rates were timed untransposed: a product reading B transposed is timed anew.
        var seen = Set(known.map { [$0.m, $0.n, $0.k, 0] })
        var shapes: [GEMMSweep.Shape] = []
        for pass in lowering.passes {
            for op in lowering.operators(pass, seq: seq) {
                guard case let .gemm(m, n, k, _, transposed) = op.kind, seen.insert([m, n, k, transposed ? 1 : 0]).inserted else { continue }
                shapes.append(GEMMSweep.Shape(m: m, n: n, k: k, role: op.name, transposedB: transposed))
            }
        }
        let library = framework.map { "\($0.version) (\($0.path), \(FrameworkBLAS.variable))" } ?? EagerTimeModel.openBLASLibrary
        progress("\(spec.name): \(shapes.count) more GEMM shapes of eager PyTorch's forward, training and decode, through \(library)…")
        let budget = Timing.Budget(minimumRepeats: 3, minimumSeconds: 0.05, maximumRepeats: 200, attempts: 2)
        // Three rounds of a third of the budget each: the shapes' rates are the whole sweep's
        // window, not one moment of it (`GEMMSweep.run`).
        let perRound = Timing.Budget(minimumRepeats: 1, minimumSeconds: 0.02, maximumRepeats: 70, attempts: 2)
        // Operands on the pages the framework's allocator would give them (`PagePolicy`).
        let measured = try GEMMSweep.run(shapes, threads: threads, budget: perRound, through: framework, coldWeights: true,
                                         rounds: GEMMSweep.frameworkRounds, pages: .framework, progress: { _ in })
        let gemm = known + zip(shapes, measured).map { s, t in
            EagerTimeModel.GEMMRate(m: s.m, n: s.n, k: s.k, gflops: t.gflops, transposedB: s.transposedB)
        }
        progress("\(spec.name): element-wise pass rates from \(passFootprints.first! >> 10) KiB to \(passFootprints.last! >> 20) MiB…")
        let passes = try passFootprints.map { bytes in
            EagerTimeModel.PassRate(bytes: bytes, gbps: try BandwidthProbe.scalePass(footprintBytes: bytes, threads: threads, budget: budget,
                                                                                      pages: .framework))
        }
        let fresh = try BandwidthProbe.freshPageSecondsPerByte(threads: threads, budget: budget)
        let cold = try coldPageTier(lowering, warmSecondsPerByte: fresh, threads: threads, progress: progress)
        return EagerTimeModel(gemmRates: gemm, passRates: passes, freshPageSecondsPerByte: fresh,
                              coldPageSecondsPerByte: cold?.secondsPerByte, warmPageBytes: cold?.warmBytes, gemmLibrary: library,
                              activationSecondsPerElement: try BandwidthProbe.secondsPerElement(.activation, threads: threads, budget: budget),
                              softmaxSecondsPerElement: try BandwidthProbe.secondsPerElement(.softmax, threads: threads, budget: budget))
    }

    /// Probes for a dearer tier of fresh pages as far as the framework's process would reach: its
    /// largest resident footprint and a gigabyte more, within half the memory available now and
    /// 16 GiB. Under a gigabyte to probe: none looked for.
    static func coldPageTier(_ lowering: EagerLowering, warmSecondsPerByte: Double, threads: Int,
                             progress: (String) -> Void) throws -> (secondsPerByte: Double, warmBytes: Double)? {
        let gibibyte = Double(1 << 30)
        let needed = (lowering.passes.map { lowering.residentBytes($0) }.max() ?? 0) + gibibyte
        let limit = min(needed, Double(HostMemory.availableBytes() ?? 0) / 2, 16 * gibibyte)
        guard limit >= gibibyte else { return nil }
        progress(String(format: "%@: first-touch cost of fresh pages up to %.1f GiB held…", lowering.spec.name, limit / gibibyte))
        return try BandwidthProbe.coldPageTier(warmSecondsPerByte: warmSecondsPerByte, limitBytes: Int(limit), threads: threads)
    }
}
