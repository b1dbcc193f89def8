import Workload

/// Enumerates the valid plans for a device count and ranks them.
public enum PlanSearch {
    /// Every (tp, pp, dp, zero) with tp·pp·dp = devices that the model allows, tp up to a node,
    /// micro-batches of one sequence (the least activation memory and the smallest bubble; the
    /// model does not price the lower GEMM efficiency of small micro-batches — stated).
    /// Sorted by step time, fitting plans first.
    public static func plans(devices: Int, job: TrainingJob, on device: Accelerator, sequenceParallel: Bool = true) -> [PlanEvaluation] {
        var results: [PlanEvaluation] = []
        for tp in divisors(devices) where tp <= device.devicesPerNode {
            for pp in divisors(devices / tp) {
                let dp = devices / tp / pp
                guard job.globalBatch % dp == 0 else { continue }
                let micro = job.globalBatch / dp
                for zero in dp > 1 ? [0, 1, 2, 3] : [0] {
                    let config = ParallelConfig(tp: tp, pp: pp, dp: dp, zero: zero, sequenceParallel: sequenceParallel && tp > 1, microBatches: micro)
                    if let e = try? config.evaluate(job, on: device) { results.append(e) }
                }
            }
        }
        return results.sorted { ($0.fits ? 0 : 1, $0.stepSeconds) < ($1.fits ? 0 : 1, $1.stepSeconds) }
    }

    /// The smallest device count (a multiple of a node, or a power of two below it) with a plan that fits.
    public static func smallestFittingDeviceCount(job: TrainingJob, on device: Accelerator, limit: Int = 1 << 16) -> Int? {
        var n = 1
        while n <= limit {
            if plans(devices: n, job: job, on: device).contains(where: \.fits) { return n }
            n = n < device.devicesPerNode ? n * 2 : n + device.devicesPerNode
        }
        return nil
    }

    static func divisors(_ n: Int) -> [Int] { n < 1 ? [] : (1...n).filter { n % $0 == 0 } }
}
