import CostModel
import Workload

/// Enumerates the valid plans for a device count and ranks them.
public enum PlanSearch {
    /// Micro-batch sizes tried (sequences per micro-batch, where they divide the per-replica batch).
    /// The model does not price the lower GEMM efficiency of small micro-batches (stated in the
    /// output): a larger one buys fewer per-micro-batch collectives (ZeRO-2/3, latency terms) at
    /// the price of a larger bubble and more activation memory.
    public static let microBatchSizes = [1, 2, 4, 8]

    /// Every (tp, pp, dp, ep, zero, sp, micro-batch size, interleaving) with tp·pp·dp = devices
    /// that the model allows: tp up to a node; ep over the divisors of the expert count that
    /// divide dp (MoE only); sequence parallelism on and off when tp > 1; with a pipeline, up to
    /// `maximumVirtualStages` chunks per stage. Ranked: fitting plans first, then by
    /// step time, then by memory per device; every plan after the first says why it loses.
    /// With `constraints`, only plans with the fixed ZeRO stage, ep and micro-batch count.
    public static func plans(devices: Int, job: TrainingJob, on device: Accelerator,
                             constraints: PlanConstraints = .init()) -> [PlanEvaluation] {
        guard let counts = try? JobCounts(job) else { return [] }
        return rank(candidates(devices: devices, job: job, on: device, constraints: constraints)
                        .compactMap { try? $0.evaluate(job, counts: counts, on: device) },
                    device: device)
    }

    static func candidates(devices: Int, job: TrainingJob, on device: Accelerator,
                           constraints: PlanConstraints = .init()) -> [ParallelConfig] {
        let experts = job.spec.decoder?.moe?.experts
        var out: [ParallelConfig] = []
        for tp in divisors(devices) where tp <= device.devicesPerNode {
            for pp in divisors(devices / tp) {
                let dp = devices / tp / pp
                guard job.globalBatch % dp == 0 else { continue }
                let perReplica = job.globalBatch / dp
                let eps = experts.map { e in divisors(e).filter { dp % $0 == 0 } } ?? [1]
                // A fixed micro-batch count M is tried wherever it divides the per-replica batch.
                let counts = constraints.microBatches.map { perReplica % $0 == 0 ? [$0] : [] }
                    ?? microBatchSizes.filter { perReplica % $0 == 0 }.map { perReplica / $0 }
                for ep in eps where constraints.admits(ep: ep) {
                    for zero in dp > 1 ? [0, 1, 2, 3] : [0] where constraints.admits(zero: zero) {
                        for sp in tp > 1 ? [true, false] : [false] {
                            for m in counts {
                                for v in interleavings(pp: pp, job: job) {
                                    var c = ParallelConfig(tp: tp, pp: pp, dp: dp, ep: ep, zero: zero, sequenceParallel: sp, microBatches: m)
                                    c.virtualStages = v
                                    out.append(c)
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Chunks per stage tried: 1 (plain 1F1B) and, with a pipeline, each count up to
    /// `maximumVirtualStages` that splits every stack's stage layers into whole chunks
    /// (Megatron-LM's interleaved schedule).
    static func interleavings(pp: Int, job: TrainingJob) -> [Int] {
        guard pp > 1 else { return [1] }
        let stageLayers = job.spec.stacks.map { $0.stack.layers / pp }
        return (1...maximumVirtualStages).filter { v in stageLayers.allSatisfy { $0 >= v && $0 % v == 0 } }
    }

    /// The most chunks per stage the search tries (Megatron-LM's published runs use 2–8).
    public static let maximumVirtualStages = 8

    /// Sorts and fills in `versusBest` for every plan but the winner.
    static func rank(_ evaluations: [PlanEvaluation], device: Accelerator) -> [PlanEvaluation] {
        var sorted = evaluations.sorted {
            ($0.fits ? 0 : 1, $0.stepTime, $0.memory.total) < ($1.fits ? 0 : 1, $1.stepTime, $1.memory.total)
        }
        guard let best = sorted.first else { return sorted }
        for i in sorted.indices { sorted[i].versusBest = i == 0 ? "fastest" : reason(sorted[i], against: best, device: device) }
        return sorted
    }

    /// Why `e` ranks below `best`, from the numbers: it does not fit; or the part of the step
    /// (compute, bubble, exposed DP/TP/PP/EP communication) that grew most; or, at equal time, memory.
    public static func reason(_ e: PlanEvaluation, against best: PlanEvaluation, device: Accelerator) -> String {
        func gb(_ bytes: Int128) -> String { String(format: "%.1f GB", Double(bytes) / 1e9) }
        if !e.fits { return "does not fit: \(gb(e.memory.total)) > \(String(format: "%.0f GB", Double(device.memoryBytes) / 1e9))" }
        if e.config.devices > best.config.devices { return "costlier: \(e.config.devices) devices vs \(best.config.devices)" }
        let slower = e.stepTime.value / best.stepTime.value - 1
        guard slower > 1e-9 else {
            if e.memory.total > best.memory.total { return "same step time; more memory: \(gb(e.memory.total)) vs \(gb(best.memory.total))" }
            return "ties with the winner"
        }
        func pct(_ x: Double) -> String { String(format: "%.1f %%", 100 * x) }
        func s(_ x: Seconds) -> String { String(format: "%.2f s", x.value) }
        let parts: [(String, Seconds, String)] = [
            ("compute", e.computeTime - best.computeTime, "compute \(s(e.computeTime)) vs \(s(best.computeTime))"),
            ("bubble", e.bubbleTime - best.bubbleTime,
             "bubble \(pct(e.config.bubbleFraction)) vs \(pct(best.config.bubbleFraction))"),
        ] + Collective.groups.map { g in
            (g, e.exposedTime(g) - best.exposedTime(g), "exposed \(g) comm \(s(e.exposedTime(g))) vs \(s(best.exposedTime(g)))")
        }
        let worst = parts.max { $0.1 < $1.1 }!
        return "+\(pct(slower)) step time: \(worst.2)"
    }

    /// The smallest device count (a multiple of a node, or a power of two below it) with a plan that fits.
    public static func smallestFittingDeviceCount(job: TrainingJob, on device: Accelerator, limit: Int = 1 << 16,
                                                  constraints: PlanConstraints = .init()) -> Int? {
        guard let counts = try? JobCounts(job) else { return nil }
        var n = 1
        while n <= limit {
            if candidates(devices: n, job: job, on: device, constraints: constraints).contains(where: { $0.fits(job, counts: counts, on: device) }) {
                return n
            }
            n = n < device.devicesPerNode ? n * 2 : n + device.devicesPerNode
        }
        return nil
    }

    /// The divisors of `n`, ascending (pairs found up to √n).
    static func divisors(_ n: Int) -> [Int] {
        guard n >= 1 else { return [] }
        var low: [Int] = [], high: [Int] = []
        var d = 1
        while d <= n / d {
            if n % d == 0 { low.append(d); if d != n / d { high.append(n / d) } }
            d += 1
        }
        return low + high.reversed()
    }
}
