import Dispatch

/// Wall-clock timing of a kernel: warm-up runs first (page faults, OpenBLAS's buffers, caches),
/// then the median of the repeats, which one slow run (another process waking up) cannot move.
enum Timing {
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Median and fastest of `repeats` timed runs of `body` after `warmup` untimed ones, seconds.
    static func measure(warmup: Int, repeats: Int, _ body: () throws -> Void) rethrows -> (median: Double, best: Double) {
        for _ in 0..<warmup { try body() }
        var times: [Double] = []
        times.reserveCapacity(repeats)
        for _ in 0..<max(1, repeats) {
            let start = now()
            try body()
            times.append(now() - start)
        }
        times.sort()
        let mid = times.count / 2
        let median = times.count % 2 == 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2
        return (median, times[0])
    }
}
