import CPeakFLOPS
import Dispatch
import Synchronization

/// Measures the FP32 peak with the FMA loop of `CPeakFLOPS` on one thread per core at once.
enum PeakProbe {
    static func isaName(_ isa: llmcost_peak_isa) -> String {
        switch isa {
        case LLMCOST_PEAK_AVX512F: "avx512f"
        case LLMCOST_PEAK_AVX2_FMA: "avx2+fma"
        default: "portable"
        }
    }

    /// The widest vector extension the loop can use here.
    static var bestISA: String { isaName(llmcost_peak_best_isa()) }

    /// Runs the loop on `threads` threads at once for about `seconds` per round, best of three
    /// rounds (a peak is the best the chip does, not the typical).
    static func measure(threads: Int, seconds: Double) -> MeasuredPeak {
        let isa = llmcost_peak_best_isa()
        // Calibrate on one thread: iterations per second.
        var iterations: UInt64 = 100_000
        var elapsed = 0.0
        while elapsed < 0.02 {
            iterations *= 2
            let start = Timing.now()
            _ = llmcost_peak_run(isa, iterations)
            elapsed = Timing.now() - start
        }
        let perRound = UInt64(exactly: max(1, min(Double(iterations) * seconds / elapsed, 1e15)).rounded(.down)) ?? iterations
        var best = 0.0
        for _ in 0..<3 {
            let total = Mutex(0.0)
            let start = Timing.now()
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                let flops = llmcost_peak_run(isa, perRound)
                total.withLock { $0 += flops }
            }
            let wall = Timing.now() - start
            best = max(best, total.withLock { $0 } / wall / 1e9)
        }
        return MeasuredPeak(
            gflops: best, isa: isaName(isa), threads: threads,
            method: "timed loop of 12 independent \(isaName(isa)) multiply-add chains per thread "
                + "on \(threads) threads at once, best of 3 rounds of \(String(format: "%.2f", seconds)) s")
    }
}
