import Workload

/// A mixture-of-experts FFN as eager PyTorch runs it: Qwen2-MoE (`Qwen2MoeSparseMoeBlock`,
/// transformers 5.23, its default `grouped_mm` experts), from the operator trace of
/// `qwen1.5-moe-a2.7b` with one and two layers, and DeepSeek-V2 (`DeepseekV2Moe`, the same
/// `grouped_mm` experts behind its own router, no gate on the shared expert), from
/// `deepseek-v2-lite`'s.
///
/// Every token goes through the shared expert (a gated MLP whose output a sigmoid gate scales);
/// the router's softmax picks `topK` experts per token; the `rows · topK` routed copies are sorted
/// by expert and gathered, two `_grouped_mm`s run each expert's gate-up and down products on its
/// own rows (on the CPU one matrix product per expert, reading its weight transposed), the results
/// are scaled by their routing weights, put back in token order and summed over the `topK`.
/// How many rows each expert gets depends on the routing: the lowering spreads the routed rows
/// evenly (random weights route near-uniformly), so the expert GEMMs' FLOPs are exactly the
/// model's. In training, `_grouped_mm`'s backward writes every expert's weight gradient.
extension EagerLowering {
    /// Families whose MoE block this lowering has been traced for.
    static let tracedExpertFamilies: Set<String> = ["qwen2_moe", "deepseek_v2"]

    /// Qwen2-MoE's plain softmax router over every layer's experts; DeepSeek-V2's softmax router,
    /// greedy or group-limited, behind its dense first layers (no score correction, no sigmoid:
    /// DeepSeek-V3's router launches other kernels). No latent projections.
    static func coversExperts(_ moe: MoESpec, family: String) -> Bool {
        guard tracedExpertFamilies.contains(family), moe.latentSize == nil else { return false }
        if family == "deepseek_v2" { return moe.routing?.scoring == .softmax && moe.routing?.scoreCorrectionBias == false }
        return moe.routing == nil && moe.denseLayers == 0
    }

    func experts(_ moe: MoESpec, rows: Int) -> [EagerOperator] {
        let width = moe.expertIntermediateSize ?? ffnWidth, routed = rows * moe.topK
        var ops: [EagerOperator] = []
        if let shared = moe.sharedExpertIntermediateSize {
            ops += gatedMLP("moe.shared", rows: rows, width: shared, bias: stack.ffn.bias)
        }
        ops += [EagerOperator("moe.router", .gemm(m: rows, n: moe.experts, k: d, batch: 1, transposedB: true)),
                .pass("moe.router_softmax", elements: rows * moe.experts, function: .softmax)]
        ops += routing(moe, rows: rows)
        ops += [// sort, floor_divide, two index, a cast, histc, cumsum over the routed ids.
                EagerOperator("moe.sort_ids", .memory(bytes: 16 * routed, elements: routed), count: 7),
                .pass("moe.gather", elements: routed * d)]
        ops += expertProducts("moe.experts.gate_up", routed: routed, experts: moe.experts, outputs: 2 * width, inputs: d)
            + [EagerOperator("moe.experts.gate_up.output", .allocation(bytes: 4 * routed * 2 * width))]
        ops += [.pass("moe.experts.activation", elements: routed * width, function: activationFunction),
                .pass("moe.experts.gate_times_up", elements: routed * width, reads: 2)]
        ops += expertProducts("moe.experts.down", routed: routed, experts: moe.experts, outputs: d, inputs: width)
            + [EagerOperator("moe.experts.down.output", .allocation(bytes: 4 * routed * d))]
        ops += [.pass("moe.routing_weight_mul", elements: routed * d, reads: 2),
                .pass("moe.unsort", elements: routed * d),
                EagerOperator("moe.sum_top_k", .memory(bytes: 4 * (routed + rows) * d, elements: rows * d))]
        if moe.sharedExpertGate {
            ops += [EagerOperator("moe.shared_gate", .gemm(m: rows, n: 1, k: d, batch: 1, transposedB: true)),
                    .pass("moe.shared_gate.sigmoid", elements: rows, function: .activation),
                    .pass("moe.shared_gate_mul", elements: rows * d, reads: 2)]
        }
        return ops + [.pass("moe.add_shared", elements: rows * d, reads: 2)]
    }

    /// The choice of experts after the softmax: the top `topK` scores, DeepSeek's first limited to
    /// the best groups (each group's best score, the top groups, a mask over every expert built,
    /// cast, inverted, and the other groups' scores filled with zeros) and its weights scaled by
    /// `routed_scaling_factor`.
    func routing(_ moe: MoESpec, rows: Int) -> [EagerOperator] {
        let scores = rows * moe.experts
        var ops: [EagerOperator] = []
        if moe.routing?.groups != nil {
            ops += [.reduction("moe.group_max", elements: scores),
                    EagerOperator("moe.group_mask", .memory(bytes: 8 * scores, elements: scores), count: 3),
                    .pass("moe.masked_fill", elements: scores)]
        }
        ops.append(.reduction("moe.topk", elements: scores))
        if moe.routing != nil { ops.append(.pass("moe.routing_scale", elements: rows * moe.topK)) }
        return ops
    }

    /// The tensors a grouped product's backward allocates whole and fills expert by expert: its
    /// input's gradient (the routed rows × the inputs) and its weight's (every expert's matrix,
    /// `experts × outputs × inputs`, the largest fresh allocation of a mixture's training step).
    /// `op` is the forward output's allocation, `forwardBytes` its size.
    func groupedGradientAllocations(of op: EagerOperator, forwardBytes: Int) -> [EagerOperator] {
        guard let moe = stack.moe else { return [] }
        let width = moe.expertIntermediateSize ?? ffnWidth
        let (outputs, inputs) = op.name.hasSuffix("gate_up.output") ? (2 * width, d) : (d, width)
        let routed = forwardBytes / (4 * outputs)
        let name = op.name.replacingOccurrences(of: ".output", with: ".backward")
        return [EagerOperator(name + ".dx_output", .allocation(bytes: 4 * routed * inputs), count: op.count),
                EagerOperator(name + ".dw_output", .allocation(bytes: 4 * moe.experts * outputs * inputs), count: op.count)]
    }

    /// One expert's product per expert that has rows: `routed` rows spread evenly over `experts`
    /// (the first `routed mod experts` get one more), each `rows × inputs` by its weight read transposed.
    func expertProducts(_ name: String, routed: Int, experts: Int, outputs: Int, inputs: Int) -> [EagerOperator] {
        let (each, extra) = routed.quotientAndRemainder(dividingBy: experts)
        return [(each + 1, extra), (each, experts - extra)].filter { $0.0 > 0 && $0.1 > 0 }.map { rows, count in
            EagerOperator(name, .gemm(m: rows, n: outputs, k: inputs, batch: 1, transposedB: true), count: count)
        }
    }
}
