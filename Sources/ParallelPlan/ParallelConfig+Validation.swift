import Workload

extension ParallelConfig {
    /// Checks the plan against the model and device count; one error per broken rule.
    public func validate(for spec: ModelSpec, devices: Int? = nil, globalBatch: Int? = nil) throws {
        for (name, v) in [("--tp", tp), ("--pp", pp), ("--dp", dp), ("--ep", ep), ("--micro-batches", microBatches)] where v < 1 || v > 1 << 20 {
            throw PlanError(option: name, "must be between 1 and 2^20, got \(v)")
        }
        guard (0...3).contains(zero) else { throw PlanError(option: "--zero", "ZeRO stage must be 0, 1, 2 or 3, got \(zero)") }
        for (role, stack) in spec.stacks {
            let a = stack.attention
            guard a.heads % tp == 0 else {
                throw PlanError(option: "--tp", "\(spec.name)'s \(role.rawValue) has \(a.heads) attention heads, not divisible by tp \(tp)")
            }
            guard a.kvHeads % tp == 0 || tp % a.kvHeads == 0 else {
                throw PlanError(option: "--tp", "\(a.kvHeads) KV heads can neither be split over nor replicated across tp \(tp)")
            }
            guard stack.layers % pp == 0 || (unevenStages && stack.layers >= pp) else {
                throw PlanError(option: "--pp", "\(spec.name)'s \(role.rawValue) has \(stack.layers) layers, not divisible by pp \(pp)")
            }
            if ep > 1 {
                guard let moe = stack.moe else { throw PlanError(option: "--ep", "\(spec.name) has no experts to spread over ep \(ep)") }
                guard ep <= moe.experts, moe.experts % ep == 0 else {
                    throw PlanError(option: "--ep", "\(moe.experts) experts cannot be split over \(ep) expert-parallel ranks")
                }
                guard dp % ep == 0 else { throw PlanError(option: "--ep", "ep \(ep) must divide dp \(dp) (experts are spread inside the data-parallel group)") }
            }
        }
        // The model's own constraints first: `--tp 3` on 32 heads is a heads error, whatever the device count.
        if let devices, self.devices != devices {
            throw PlanError(option: "--devices", "tp × pp × dp = \(tp)×\(pp)×\(dp) = \(self.devices), not the \(devices) devices given")
        }
        if let globalBatch {
            guard globalBatch % (dp * microBatches) == 0 else {
                throw PlanError(option: "--micro-batches", "global batch \(globalBatch) is not divisible by dp × micro-batches = \(dp * microBatches)")
            }
        }
    }
}
