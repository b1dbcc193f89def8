import Workload

/// Bytes on the busiest device of a plan (the first pipeline stage, which also holds the
/// token embedding and the most in-flight micro-batches).
public struct PlanMemory: Sendable {
    public var parametersPerDevice: Int128
    public var components: [MemoryComponent]
    public var total: Int128
}

extension ParallelConfig {
    /// Parameters on one device: layer weights split over tp × pp, experts also over ep, the
    /// vocabulary matrices split over tp (vocab-parallel) and held by the first/last stage.
    func parametersPerDevice(_ p: ParameterReport) -> ExactCount {
        let vocab = p.components.filter { $0.kind == .embedding || $0.kind == .lmHead }.reduce(ExactCount.zero) { $0 + $1.parameters }
        let experts = ExactCount(p.parameters(of: .experts))
        let layers = ExactCount(p.total) - vocab - experts
        let onFirstStage = pp == 1 ? vocab : p.components.filter { $0.kind == .embedding }.reduce(ExactCount.zero) { $0 + $1.parameters }
        return layers / ExactCount(tp * pp) + experts / ExactCount(tp * pp * ep) + onFirstStage / ExactCount(tp)
    }

    /// Mixed-precision Adam state with ZeRO over `dp` (Rajbhandari et al. 2020, Fig. 1):
    /// weights 2Ψ, gradients 2Ψ, optimizer 12Ψ; stage 1 divides the optimizer by N_d, stage 2
    /// the gradients too, stage 3 the weights too.
    func modelStateComponents(_ psi: ExactCount) -> [MemoryComponent] {
        let n = ExactCount(dp)
        return [
            .init(name: "weights_bf16", bytes: zero >= 3 ? 2 * psi / n : 2 * psi, formula: "2Ψ" + (zero >= 3 ? " / N_d (ZeRO-3)" : "")),
            .init(name: "gradients_bf16", bytes: zero >= 2 ? 2 * psi / n : 2 * psi, formula: "2Ψ" + (zero >= 2 ? " / N_d (ZeRO-2)" : "")),
            .init(name: "optimizer_fp32", bytes: zero >= 1 ? 12 * psi / n : 12 * psi, formula: "12Ψ (master, m, v)" + (zero >= 1 ? " / N_d (ZeRO-1)" : "")),
        ]
    }

    /// Activations of one layer for a micro-batch of `b` sequences, Korthikanti et al. 2022:
    /// of the GPT layer's `34·s·b·h` bytes, `10·s·b·h` (norm inputs, the QKV and FFN inputs,
    /// dropout masks) are replicated across the TP group and the rest split; sequence
    /// parallelism splits all of it. Scores `5·a·s²·b` split over tp; dropped under selective
    /// recomputation. Full recomputation keeps the layer input (`2·s·b·h`, split under SP).
    static func activationBytesPerLayer(_ stack: StackSpec, hidden h: Int, seq s: Int, micro b: Int,
                                        tp t: Int, sp: Bool, recompute: Recompute) -> ExactCount {
        let sbh = ExactCount.product(s, b, h), T = ExactCount(t)
        if recompute == .full { return sp ? 2 * sbh / T : 2 * sbh }
        let a = stack.attention, g = stack.ffn.gated ? 2 : 1, k = stack.moe?.topK ?? 1
        let perToken = ExactCount(3 * h) + 4 * ExactCount(a.queryWidth) + 4 * ExactCount(a.keyValueWidth)
            + (ExactCount(3 * h) + ExactCount.product(4, g, stack.ffn.intermediateSize)) * ExactCount(k)
            + ExactCount(2 * h * stack.normsPerLayer)
        let total = ExactCount.product(s, b) * perToken
        let replicated = 10 * sbh
        var bytes = sp ? total / T : replicated + (total - replicated) / T
        if recompute == .none { bytes += 5 * ExactCount.product(a.heads, s, s, b) / T }
        return bytes
    }
}
