import Workload

extension ParallelConfig {
    /// Checks the plan against the model and device count; one error per broken rule.
    public func validate(for spec: ModelSpec, devices: Int? = nil, globalBatch: Int? = nil) throws {
        for (parameter, v) in [(InputParameter.tensorParallel, tp), (.pipelineParallel, pp), (.dataParallel, dp),
                               (.expertParallel, ep), (.microBatches, microBatches), (.virtualStages, virtualStages)] {
            try Self.checkDegree(v, parameter)
        }
        if virtualStages > 1, pp == 1 {
            throw PlanError(.virtualStages, "interleaving needs a pipeline: \(virtualStages) chunks per stage with pp 1")
        }
        guard (0...3).contains(zero) else { throw PlanError(.zeroStage, "ZeRO stage must be 0, 1, 2 or 3, got \(zero)") }
        for (role, stack) in spec.stacks {
            let a = stack.attention
            if let m = stack.stateSpace { try Self.checkMixerSharding(m, tp: tp, where: "\(spec.name)'s \(role.rawValue)") }
            // Gated DeltaNet splits as Megatron splits attention: by key heads, each rank keeping its
            // heads' q, k, their value heads (v, z, β, a), the conv channels, states and norm rows;
            // `out_proj` is row-parallel, one all-reduce per mixer (the operations' `TensorShard`s).
            if let l = stack.linearAttention, l.keyHeads % tp != 0 {
                throw PlanError(.tensorParallel, "\(spec.name)'s \(role.rawValue) has \(l.keyHeads) linear-attention key heads, not divisible by tp \(tp) (Gated DeltaNet is split by key heads, each with its \(l.valueHeads / l.keyHeads) value heads)")
            }
            // A pure mixer stack runs no attention: its placeholder heads say nothing.
            if stack.attentionLayerCount > 0 {
                guard a.heads % tp == 0 else {
                    throw PlanError(.tensorParallel, "\(spec.name)'s \(role.rawValue) has \(a.heads) attention heads, not divisible by tp \(tp)")
                }
                guard a.kvHeads % tp == 0 || tp % a.kvHeads == 0 else {
                    throw PlanError(.tensorParallel, "\(a.kvHeads) KV heads can neither be split over nor replicated across tp \(tp)")
                }
            }
            guard stack.layers % pp == 0 || (unevenStages && stack.layers >= pp) else {
                throw PlanError(.pipelineParallel, "\(spec.name)'s \(role.rawValue) has \(stack.layers) layers, not divisible by pp \(pp)")
            }
            // Each device's v chunks hold whole layers: its stage's layers divide into v.
            if virtualStages > 1, stageLayers(stack.layers) % virtualStages != 0 || stageLayers(stack.layers) < virtualStages {
                throw PlanError(.virtualStages, "\(spec.name)'s \(role.rawValue) has \(stageLayers(stack.layers)) layers per pipeline stage, not divisible into \(virtualStages) interleaved chunks")
            }
            if ep > 1 {
                guard let moe = stack.moe else { throw PlanError(.expertParallel, "\(spec.name) has no experts to spread over ep \(ep)") }
                guard ep <= moe.experts, moe.experts % ep == 0 else {
                    throw PlanError(.expertParallel, "\(moe.experts) experts cannot be split over \(ep) expert-parallel ranks")
                }
                guard dp % ep == 0 else { throw PlanError(.expertParallel, "ep \(ep) must divide dp \(dp) (experts are spread inside the data-parallel group)") }
            }
        }
        // The model's own constraints first: tp 3 on 32 heads is a heads error, whatever the device count.
        if let devices, self.devices != devices {
            throw PlanError(.devices, "tp × pp × dp = \(tp)×\(pp)×\(dp) = \(self.devices), not the \(devices) devices given")
        }
        if let globalBatch {
            guard globalBatch % (dp * microBatches) == 0 else {
                throw PlanError(.microBatches, "global batch \(globalBatch) is not divisible by dp × micro-batches = \(dp * microBatches)")
            }
        }
    }
}

extension ParallelConfig {
    /// A state-space mixer splits over tp ranks as Megatron-LM and vLLM split it: Mamba's channels
    /// (`in_proj`, the conv, `dt_proj` and the scan per channel, `x_proj` row-parallel), Mamba-2's
    /// heads and B/C groups — each rank holds whole groups, so the gated norm, normalised per
    /// group, needs no communication of its own. A width that does not split is refused, naming
    /// the spec field that decides it.
    static func checkMixerSharding(_ m: StateSpaceSpec, tp: Int, where place: String) throws(PlanError) {
        guard tp > 1 else { return }
        switch m.variant {
        case .mamba:
            guard m.innerSize % tp == 0 else {
                throw PlanError(.tensorParallel, "\(place) has a Mamba mixer of \(m.innerSize) channels (stateSpace.innerSize), not divisible by tp \(tp): in_proj, the conv and the scan split by channels")
            }
        case .mamba2:
            let heads = m.heads ?? 1, groups = m.groups ?? 1
            guard heads % tp == 0 else {
                throw PlanError(.tensorParallel, "\(place) has \(heads) Mamba-2 heads (stateSpace.heads), not divisible by tp \(tp): the scan splits by heads")
            }
            guard groups % tp == 0 else {
                throw PlanError(.tensorParallel, "\(place) has \(groups) Mamba-2 group\(groups == 1 ? "" : "s") (stateSpace.groups: the config's n_groups or mamba_n_groups), not divisible by tp \(tp): B, C and the gated norm split by whole groups (Megatron-LM's sharding; replicating the groups on every rank is not modelled)")
            }
        }
    }

    /// A parallel degree (tp, pp, dp, ep, micro-batches) in 1…`Limits.devices`.
    static func checkDegree(_ value: Int, _ parameter: InputParameter) throws(PlanError) {
        guard (1...Limits.devices.maximum).contains(value) else {
            throw PlanError(parameter, "must be between 1 and \(Limits.devices.written), got \(value)")
        }
    }
}
