import Foundation

/// CPU time this process did not use, from `/proc/stat` and `getrusage`: how much of the
/// machine other processes (or, on a VM, the hypervisor's steal) took while a kernel was timed.
/// A kernel timed on two cores while a compiler used one measures the compiler, so HostBench
/// retries such a timing and flags it if the machine stays busy, instead of folding it in.
enum CPULoad {
    /// Other processes' share of all CPUs above which a timing counts as loaded: a tenth of the
    /// machine (a 2-core host where something else used a fifth of one core is still quiet).
    static let busyThreshold = 0.10

    /// Busy jiffies of the whole machine and this process's CPU seconds, read together.
    struct Snapshot: Sendable {
        var machineBusySeconds: Double
        var processSeconds: Double
        var wallSeconds: Double
        var cpus: Int

        static func now() -> Snapshot? {
            guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
                  let busy = machineBusyTicks(procStat: stat) else { return nil }
            let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
            guard ticksPerSecond > 0 else { return nil }
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let own = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
                + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
            return Snapshot(machineBusySeconds: Double(busy) / ticksPerSecond, processSeconds: own,
                            wallSeconds: Timing.now(), cpus: ProcessInfo.processInfo.activeProcessorCount)
        }
    }

    /// Busy ticks of the aggregate `cpu` line: everything but idle and iowait (user, nice, system,
    /// irq, softirq, steal; guest time is already inside user). Nil for an unreadable line.
    static func machineBusyTicks(procStat: String) -> Int? {
        guard let line = procStat.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return nil }
        let fields = line.split(separator: " ").dropFirst().compactMap { Int($0) }
        guard fields.count >= 4 else { return nil }
        let idle = fields[3] + (fields.count > 4 ? fields[4] : 0)
        let all = fields.prefix(8).reduce(0, +)
        return all - idle
    }

    /// Other processes' CPU seconds between two snapshots ÷ (wall seconds × CPUs), in 0…1.
    static func foreignShare(from a: Snapshot, to b: Snapshot) -> Double {
        let wall = b.wallSeconds - a.wallSeconds
        guard wall > 0, a.cpus > 0 else { return 0 }
        let foreign = (b.machineBusySeconds - a.machineBusySeconds) - (b.processSeconds - a.processSeconds)
        return min(1, max(0, foreign / (wall * Double(a.cpus))))
    }
}
