import CostModel
import ParallelPlan

/// `plan`'s options checked one by one before any work: each bad value is one line naming its
/// option and range, and a training option given with `--serve` (where it would be ignored) is
/// refused rather than dropped.
struct PlanOptionCheck {
    let plan: Plan
    init(_ plan: Plan) { self.plan = plan }

    static let maximumDegree = 1 << 20
    static let maximumSequence = 1 << 17

    func check() throws(PlanError) {
        try range("--devices", plan.devices, 1...Self.maximumDegree)
        // Plans model no context parallelism: beyond 128K tokens nothing fits, and the search for the
        // smallest fitting device count would walk every count up to 2^16 (minutes, not seconds).
        try range("--seq", plan.seq, 1...Self.maximumSequence)
        try range("--global-batch", plan.globalBatch, 1...(1 << 20))
        try range("--top", plan.top, 1...10_000)
        try range("--batch", plan.batch, 1...(1 << 20))
        try range("--context", plan.context, 1...(1 << 30))
        if let n = plan.devicesPerNode { try range("--devices-per-node", n, 1...(1 << 16)) }
        for (name, value) in [("--tp", plan.tp), ("--pp", plan.pp), ("--dp", plan.dp), ("--ep", plan.ep), ("--micro-batches", plan.microBatches)] {
            if let value { try range(name, value, 1...Self.maximumDegree) }
        }
        if let zero = plan.zero, !(0...3).contains(zero) { throw PlanError(option: "--zero", "ZeRO stage must be 0, 1, 2 or 3, got \(zero)") }
        guard plan.efficiency.isFinite, CostLimits.utilisation.contains(plan.efficiency) else {
            throw PlanError(option: "--efficiency", "must lie in [0.001, 1] (a fraction of peak, e.g. 0.6), got \(CostError.trimmed(plan.efficiency))")
        }
        if let price = plan.pricePerHour, !(price > 0 && price <= CostLimits.pricePerHour) {
            throw PlanError(option: "--price-per-hour", "must lie in (0, \(CostError.bound(CostLimits.pricePerHour))] dollars per device-hour, got \(CostError.trimmed(price))")
        }
        if let rate = plan.tokensPerSecond, !(rate > 0 && rate <= 1e12) {
            throw PlanError(option: "--tokens-per-second", "must lie in (0, 1e12] generated tokens per second, got \(CostError.trimmed(rate))")
        }
        if plan.serve {
            // Serving rows are single tensor-parallel replicas: these would be silently ignored.
            for (name, given) in [("--devices", plan.devicesOption != nil), ("--ep", plan.ep != nil), ("--pp", plan.pp != nil),
                                  ("--dp", plan.dp != nil), ("--zero", plan.zero != nil), ("--micro-batches", plan.microBatches != nil)] where given {
                throw PlanError(option: name, "does not apply to --serve: each row is one tensor-parallel replica (choose its size with --tp; "
                    + "--tokens-per-second sizes the replica count); expert parallelism is not modelled for serving")
            }
        } else if plan.tokensPerSecond != nil {
            throw PlanError(option: "--tokens-per-second", "applies to --serve only")
        }
    }

    private func range(_ option: String, _ value: Int, _ allowed: ClosedRange<Int>) throws(PlanError) {
        guard allowed.contains(value) else {
            throw PlanError(option: option, "must be between \(allowed.lowerBound) and \(allowed.upperBound), got \(value)")
        }
    }
}
