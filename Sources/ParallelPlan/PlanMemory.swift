import Workload

/// Bytes on the busiest device of a plan (the first pipeline stage, which also holds the
/// token embedding and the most in-flight micro-batches).
public struct PlanMemory: Sendable {
    public var parametersPerDevice: Int128
    /// Of which expert weights (replicated over dp / ep ranks rather than dp).
    public var expertParametersPerDevice: Int128
    public var components: [MemoryComponent]
    public var total: Int128
}

/// Parameters held by one device, split by the group that replicates them: dense weights are
/// replicated over the `dp` data-parallel ranks, an expert's weights only over the `dp / ep`
/// ranks that hold the same experts (the expert-data-parallel group).
public struct ParameterShard: Sendable, Equatable {
    public var dense: ExactCount
    public var experts: ExactCount
    public var total: ExactCount { dense + experts }
    public init(dense: ExactCount, experts: ExactCount = .zero) { self.dense = dense; self.experts = experts }
}

extension ParallelConfig {
    /// Parameters on one device: layer weights split over tp × pp, experts also over ep, the
    /// vocabulary matrices split over tp (vocab-parallel) and held by the first/last stage.
    func parameterShard(_ p: ParameterReport, layers totalLayers: Int? = nil) -> ParameterShard {
        // Share of the layer weights on the busiest stage: 1/P, or ⌈L/P⌉/L with uneven stages.
        let (share, of) = unevenStages ? totalLayers.map { (stageLayers($0), $0) } ?? (1, pp) : (1, pp)
        let vocab = p.components.filter { $0.kind == .embedding || $0.kind == .lmHead }.reduce(ExactCount.zero) { $0 + $1.parameters }
        let experts = ExactCount(p.parameters(of: .experts))
        let layers = ExactCount(p.total) - vocab - experts
        let onFirstStage = pp == 1 ? vocab : p.components.filter { $0.kind == .embedding }.reduce(ExactCount.zero) { $0 + $1.parameters }
        return ParameterShard(dense: layers * ExactCount(share) / ExactCount(tp * of) + onFirstStage / ExactCount(tp),
                              experts: experts * ExactCount(share) / ExactCount(tp * of * ep))
    }

    func parametersPerDevice(_ p: ParameterReport) -> ExactCount { parameterShard(p).total }

    /// Ranks an expert's weights are replicated over: `dp / ep`.
    var expertDataParallel: Int { dp / ep }

    /// Mixed-precision Adam state with ZeRO (Rajbhandari et al. 2020, Fig. 1): weights 2Ψ,
    /// gradients 2Ψ, optimizer 12Ψ (fp32 master, m, v); stage 1 divides the optimizer by N_d,
    /// stage 2 the gradients too, stage 3 the weights too. Dense Ψ is divided over N_d = dp,
    /// expert Ψ over the dp / ep ranks that replicate each expert (DeepSpeed-MoE's expert-data group).
    func modelStateComponents(_ shard: ParameterShard) -> [MemoryComponent] {
        let nd = ExactCount(dp), ne = ExactCount(expertDataParallel), moe = shard.experts > .zero
        func part(_ k: Int, _ stage: Int) -> ExactCount {
            let split = zero >= stage
            let k = ExactCount(k)
            return (split ? k * shard.dense / nd : k * shard.dense) + (split ? k * shard.experts / ne : k * shard.experts)
        }
        func formula(_ k: String, _ stage: Int, _ label: String) -> String {
            let split = zero >= stage
            if !moe { return "\(k)Ψ" + (split ? " / N_d (ZeRO-\(stage), N_d = \(dp))" : "") + label }
            return split ? "\(k)Ψ_dense / N_d + \(k)Ψ_expert / (N_d / ep) (ZeRO-\(stage), N_d = \(dp), N_d / ep = \(expertDataParallel))\(label)"
                         : "\(k)(Ψ_dense + Ψ_expert)\(label)"
        }
        return [
            .init(name: "weights_bf16", bytes: part(AdamState.weightBytes, 3), formula: formula("\(AdamState.weightBytes)", 3, "")),
            .init(name: "gradients_bf16", bytes: part(AdamState.gradientBytes, 2), formula: formula("\(AdamState.gradientBytes)", 2, "")),
            .init(name: "optimizer_fp32", bytes: part(AdamState.optimizerBytes, 1), formula: formula("\(AdamState.optimizerBytes)", 1, " (master, m, v)")),
        ]
    }

    /// Dense-only model state (no experts), as in the ZeRO paper's examples.
    func modelStateComponents(_ psi: ExactCount) -> [MemoryComponent] { modelStateComponents(ParameterShard(dense: psi)) }

    /// Activations of one layer for a micro-batch of `b` sequences, Korthikanti et al. 2022,
    /// folded from the layer's operations: the bytes they keep per token (for the GPT layer
    /// `34·s·b·h`, of which the `10·s·b·h` of norm inputs, column-parallel GEMM inputs and
    /// residual dropout masks are replicated across the TP group and the rest split); sequence
    /// parallelism splits all of it. Scores (`5·a·s²·b`) split over tp and are dropped under
    /// selective recomputation. Full recomputation keeps the layer input (`2·s·b·h`, split under SP).
    /// A stage may hold any kind of layer of a partly dense mixture: it plans for the largest.
    static func activationBytesPerLayer(_ stack: StackOperations, hidden h: Int, seq s: Int, micro b: Int,
                                        tp t: Int, sp: Bool, recompute: Recompute) -> ExactCount {
        let sbh = ExactCount.product(s, b, h), T = ExactCount(t)
        if recompute == .full { return sp ? 2 * sbh / T : 2 * sbh }
        guard let layer = stack.largestLayer else { return .zero }
        let perToken = stack.savedBytesPerToken(layer)
        let total = ExactCount.product(s, b) * perToken.total
        let replicated = ExactCount.product(s, b) * perToken.replicated
        var bytes = sp ? total / T : replicated + (total - replicated) / T
        if recompute == .none { bytes += stack.savedBytesPerScore(layer) * ExactCount.product(s, s, b) / T }
        return bytes
    }
}
