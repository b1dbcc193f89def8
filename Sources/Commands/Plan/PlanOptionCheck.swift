import CostModel
import ParallelPlan
import Workload

/// `plan`'s options checked one by one before any work: each bad value is one line naming its
/// option and the range from the one limits table (`Limits`), and an option the chosen mode
/// would ignore (a training option with `--serve`, a serving option without it) is refused
/// rather than dropped.
struct PlanOptionCheck {
    let plan: Plan
    init(_ plan: Plan) { self.plan = plan }

    func check() throws(PlanError) {
        try range(.devices, plan.devices, Limits.devices)
        try range(.sequenceLength, plan.seq, Limits.plannedSequence)
        try range(.globalBatch, plan.globalBatch, Limits.batch)
        try range(.planCount, plan.top, Limits.planCount)
        try range(.batch, plan.batch, Limits.batch)
        try range(.context, plan.context, Limits.sequence)
        if let n = plan.devicesPerNode { try range(.devicesPerNode, n, Limits.devicesPerNode) }
        for (parameter, value) in [(InputParameter.tensorParallel, plan.tp), (.pipelineParallel, plan.pp), (.dataParallel, plan.dp),
                                   (.expertParallel, plan.ep), (.microBatches, plan.microBatches), (.virtualStages, plan.virtualStages)] {
            if let value { try range(parameter, value, Limits.devices) }
        }
        if let zero = plan.zero, !(0...3).contains(zero) { throw PlanError(.zeroStage, "ZeRO stage must be 0, 1, 2 or 3, got \(zero)") }
        guard plan.efficiency.isFinite, CostLimits.utilisation.contains(plan.efficiency) else {
            throw PlanError(.kernelEfficiency, "must lie in [0.001, 1] (a fraction of the achievable matmul rate, e.g. 0.7), got \(CostError.trimmed(plan.efficiency))")
        }
        if let price = plan.pricePerHour, !(price > 0 && price <= CostLimits.pricePerHour) {
            throw PlanError(.pricePerHour, "must lie in (0, \(CostError.bound(CostLimits.pricePerHour))] dollars per device-hour, got \(CostError.trimmed(price))")
        }
        if let rate = plan.tokensPerSecond, !(rate > 0 && rate <= CostLimits.tokensPerSecond) {
            throw PlanError(.tokensPerSecond, "must lie in (0, 1e12] generated tokens per second, got \(CostError.trimmed(rate))")
        }
        if plan.serve {
            // Serving rows are single tensor-parallel replicas: these would be silently ignored.
            for (parameter, given) in [(InputParameter.devices, plan.devicesOption != nil), (.expertParallel, plan.ep != nil),
                                       (.pipelineParallel, plan.pp != nil), (.dataParallel, plan.dp != nil), (.zeroStage, plan.zero != nil),
                                       (.microBatches, plan.microBatches != nil), (.virtualStages, plan.virtualStages != nil)] where given {
                throw PlanError(parameter, "does not apply to \(OptionNames.serve): each row is one tensor-parallel replica (choose its size with "
                    + "\(InputParameter.tensorParallel); \(InputParameter.tokensPerSecond) sizes the replica count); expert parallelism is not modelled for serving")
            }
            for (parameter, given) in [(InputParameter.sequenceLength, plan.seqOption != nil), (.globalBatch, plan.globalBatchOption != nil),
                                       (.kernelEfficiency, plan.efficiencyOption != nil), (.recompute, plan.recomputeOption != nil),
                                       (.sequenceParallel, plan.sequenceParallel), (.planCount, plan.topOption != nil)] where given {
                throw PlanError(parameter, "is a training-plan option and does not apply to \(OptionNames.serve) (serving takes \(InputParameter.batch), "
                    + "\(InputParameter.context), \(InputParameter.tensorParallel), \(InputParameter.tokensPerSecond) and \(InputParameter.pricePerHour))")
            }
        } else {
            for (parameter, given) in [(InputParameter.tokensPerSecond, plan.tokensPerSecond != nil), (.batch, plan.batchOption != nil),
                                       (.context, plan.contextOption != nil)] where given {
                throw PlanError(parameter, "applies to \(OptionNames.serve) only (a training plan takes \(InputParameter.globalBatch) and \(InputParameter.sequenceLength))")
            }
            if plan.sequenceParallel, plan.tp == nil, plan.pp == nil, plan.dp == nil {
                throw PlanError(.sequenceParallel, "applies to one plan given with \(InputParameter.tensorParallel)/\(InputParameter.pipelineParallel)/"
                    + "\(InputParameter.dataParallel); the search tries every plan with and without it")
            }
            if plan.virtualStages != nil, plan.tp == nil, plan.pp == nil, plan.dp == nil {
                throw PlanError(.virtualStages, "applies to one plan given with \(InputParameter.pipelineParallel); the search tries every interleaving up to \(PlanSearch.maximumVirtualStages) chunks per stage")
            }
        }
    }

    private func range(_ parameter: InputParameter, _ value: Int, _ bound: Limits.Bound<Int>) throws(PlanError) {
        guard (1...bound.maximum).contains(value) else {
            throw PlanError(parameter, "must be between 1 and \(bound.maximum), got \(value)")
        }
    }
}
