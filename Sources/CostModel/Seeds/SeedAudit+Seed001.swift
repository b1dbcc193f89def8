import Workload

extension SeedAudit {
    /// Seed 001's attention-parameter formula (§4.1), evaluated on one GPT-3 175B layer and
    /// compared with the exact count of Workload's `ParameterCount`.
    static func seed001Examples() throws -> [SeedExample] {
        let d = 12288, h = 96, dk = 128, dv = 128
        let seedCount = SeedFormulas.seed001AttentionParameters(width: d, heads: h, keyWidth: dk, valueWidth: dv)
        let exact = try ParameterCount.report(for: gpt3(layers: 1)).parameters(of: .attention)
        return [SeedExample(
            id: "seed001-attention-parameters", seedFile: seed001,
            description: "parameters of one multi-head attention layer, GPT-3 175B shape (one layer)",
            formula: "h × 4 × (d·d_k + d_k·d_v + d_v·d)",
            inputs: [.init("d", Double(d), ""), .init("h", Double(h), "heads"), .init("d_k", Double(dk), ""), .init("d_v", Double(dv), "")],
            printed: nil, ours: Double(seedCount), oursText: count(Double(seedCount)) + " parameters",
            corrected: Double(exact), correctedText: count(Double(exact)) + " parameters (4·d² + 4·d)",
            reason: "per head the projections are d×d_k (Q), d×d_k (K), d×d_v (V); the output projection is one (h·d_v)×d "
                + "matrix for all heads; there is no d_k×d_v matrix, and the leading 4 counts the four matrices a second time. "
                + "With h·d_k = d the real count is 4·d² weights + 4·d biases = \(exact) (Workload.ParameterCount on a one-layer "
                + "GPT-3 spec); the seed's formula gives \(seedCount), \(String(format: "%.2f", Double(seedCount) / Double(exact)))× too many")]
    }
}
