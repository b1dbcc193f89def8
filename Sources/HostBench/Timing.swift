import CostModel
import Dispatch

/// Wall-clock timing of a kernel: warm-up runs first (page faults, OpenBLAS's buffers, caches),
/// then repeats until both a minimum count and a minimum timed total are reached, so a fast
/// kernel's median rests on enough runs that one slow run (another process waking up) cannot
/// move it. The CPU time other processes took during the repeats is measured too (`CPULoad`): a
/// timing made while the machine was busy is retried, and flagged if it stays busy.
enum Timing {
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// How many runs, and for how long at least.
    struct Budget: Sendable, Equatable {
        var warmup = 1
        var minimumRepeats: Int
        /// Keep repeating until the timed runs add up to this many seconds…
        var minimumSeconds: Double = 0
        /// …but never more runs than this.
        var maximumRepeats = 400
        /// Attempts when other processes used more than `CPULoad.busyThreshold` of the CPUs.
        var attempts = 3

        static func repeats(_ n: Int) -> Budget { Budget(minimumRepeats: max(1, n), attempts: 1) }
    }

    /// Seconds of each timed run, sorted, and the share of the machine other processes used.
    struct Sample: Sendable, Equatable {
        var seconds: [Double]
        /// Other processes' CPU time during the timed runs ÷ (wall time × CPUs); nil where
        /// `/proc/stat` is unreadable.
        var foreignLoad: Double?
        var attempts: Int

        var median: Double { Statistics.median(seconds) ?? 0 }
        var best: Double { seconds.first ?? 0 }
        var worst: Double { seconds.last ?? 0 }
        var repeats: Int { seconds.count }
        var wasLoaded: Bool { (foreignLoad ?? 0) > CPULoad.busyThreshold }

        /// One sample of the runs of both, as if timed in one go: the runs pooled, the busier
        /// window's foreign load (a flag must survive pooling), the attempts added.
        func pooled(with other: Sample) -> Sample {
            let load: Double? = switch (foreignLoad, other.foreignLoad) {
            case let (a?, b?): max(a, b)
            case let (a, b): a ?? b
            }
            return Sample(seconds: (seconds + other.seconds).sorted(), foreignLoad: load, attempts: attempts + other.attempts)
        }
    }

    /// Times `body` within `budget`; on a busy machine retries and keeps the least loaded attempt.
    static func sample(_ budget: Budget, _ body: () throws -> Void) rethrows -> Sample {
        for _ in 0..<budget.warmup { try body() }
        var chosen: Sample?
        var used = 0
        for attempt in 1...max(1, budget.attempts) {
            used = attempt
            let start = CPULoad.Snapshot.now()
            var times: [Double] = []
            var total = 0.0
            while times.count < max(1, budget.minimumRepeats) || (total < budget.minimumSeconds && times.count < budget.maximumRepeats) {
                let t0 = now()
                try body()
                let t = now() - t0
                times.append(t); total += t
            }
            let load = start.flatMap { s in CPULoad.Snapshot.now().map { CPULoad.foreignShare(from: s, to: $0) } }
            let s = Sample(seconds: times.sorted(), foreignLoad: load, attempts: attempt)
            if chosen == nil || (s.foreignLoad ?? 0) < (chosen?.foreignLoad ?? 0) { chosen = s }
            if !s.wasLoaded { break }
        }
        var result = chosen!
        result.attempts = used
        return result
    }

    /// Median and fastest of `repeats` timed runs of `body` after `warmup` untimed ones, seconds.
    static func measure(warmup: Int, repeats: Int, _ body: () throws -> Void) rethrows -> (median: Double, best: Double) {
        var budget = Budget.repeats(repeats)
        budget.warmup = warmup
        let s = try sample(budget, body)
        return (s.median, s.best)
    }
}
