/// The kernels `loss.backward()` runs for the forward `EagerLowering` describes, one rule per
/// forward kernel, from the autograd formulas (`derivatives.yaml`) eager PyTorch applies:
/// a GEMM's backward is two GEMMs (`dX`, `dW`; `dQ`/`dK` and `dP`/`dV` for attention); a product
/// of two tensors that both need gradients, two element-wise kernels; by a constant or by a tensor
/// without gradient (the rotary table), one; `tanh`, softmax, activations and norms, one fused
/// backward kernel each; a `pow`, three; additions, views, the mask and `cat` pass gradients on
/// without a kernel, but a tensor used twice (the residual stream) has its gradients summed; the
/// embedding's dense gradient zeroes and fills the whole table; a sum's gradient is an expanded view.
extension EagerLowering {
    func backward(rows: Int, keys: Int) -> [EagerOperator] {
        // The pooler's output is not in an encoder's stand-in loss: autograd never reaches it.
        model(rows: rows, keys: keys, decode: false, loss: true).filter { !$0.name.hasPrefix("pooler.") }.flatMap { gradient(of: $0) }
    }

    func gradient(of op: EagerOperator) -> [EagerOperator] {
        let name = op.name + ".backward"
        func passes(_ n: Int, reads: Int, function: EagerOperator.ElementFunction = .plain) -> [EagerOperator] {
            guard case let .memory(_, elements) = op.kind else { return [] }
            return [.pass(name, elements: elements, reads: reads, count: op.count * n, function: function)]
        }
        switch op.kind {
        case .view:
            return []
        case let .allocation(bytes):
            // The grouped product's backward allocates its input gradient (as large as the forward's
            // input, sized by the caller) and its weight gradient the same way: written by the
            // `expertProducts` gradients, priced here for their pages.
            return groupedGradientAllocations(of: op, forwardBytes: bytes)
        case let .gemm(m, n, k, batch, transposedB):
            // dA = dC·Bᵀ reads B the other way round from the forward; dB = Aᵀ·dC transposes
            // its left operand, timed untransposed (its rate barely depends on it at these sizes).
            if op.name.hasSuffix("attention.scores") {
                return [EagerOperator(name + ".dq", .gemm(m: m, n: k, k: n, batch: batch, transposedB: !transposedB), count: op.count),
                        EagerOperator(name + ".dk", .gemm(m: n, n: k, k: m, batch: batch), count: op.count)]
            }
            if op.name.hasSuffix("attention.values") {
                return [EagerOperator(name + ".dp", .gemm(m: m, n: k, k: n, batch: batch, transposedB: !transposedB), count: op.count),
                        EagerOperator(name + ".dv", .gemm(m: k, n: n, k: m, batch: batch), count: op.count)]
            }
            var ops = [EagerOperator(name + ".dx", .gemm(m: m, n: k, k: n, batch: batch, transposedB: !transposedB), count: op.count),
                       EagerOperator(name + ".dw", .gemm(m: k, n: n, k: m, batch: batch), count: op.count)]
            if op.name == "head.lm_head", tiedTableGradients > 0 {
                // Tied: the head's and the lookups' gradients of one table are summed.
                ops.append(.pass(name + ".tied_sum", elements: vocabulary * d, reads: 2, count: op.count * tiedTableGradients))
            }
            return ops + (latentGradient(of: op) ?? projectionGradient(of: op, rows: m, inputs: k, outputs: n))
        case .memory:
            return latentGradient(of: op) ?? memoryGradient(of: op, passes: passes)
        }
    }

    /// Sums of the token table's gradients a tied head adds: one per lookup of the table (GPT-2:
    /// one; T5: the encoder's and the decoder's, tied in transformers 5.23 whatever the config says).
    var tiedTableGradients: Int {
        if spec.isEncoderDecoder { return 2 }  // T5, the one encoder–decoder the lowering takes
        return spec.lmHead?.tied ?? true ? 1 : 0
    }

    /// Separate Q, K and V projections: autograd makes each one's head-split gradient contiguous
    /// (a clone of its output) before the `dX` GEMM, and sums the three `dX` into their shared input
    /// (two additions; across layers for a cross-attention's K and V of the encoder's output).
    func projectionGradient(of op: EagerOperator, rows: Int, inputs: Int, outputs: Int) -> [EagerOperator] {
        let leaf = op.name.split(separator: ".").last.map(String.init) ?? op.name
        guard ["q", "k", "v"].contains(leaf) else { return [] }
        var ops = [EagerOperator.pass(op.name + ".backward.contiguous", elements: rows * outputs, count: op.count)]
        if leaf != "q" { ops.append(.pass(op.name + ".backward.input_sum", elements: rows * inputs, reads: 2, count: op.count)) }
        return ops
    }

    private func memoryGradient(of op: EagerOperator, passes make: (Int, Int, EagerOperator.ElementFunction) -> [EagerOperator]) -> [EagerOperator] {
        func passes(_ n: Int, _ reads: Int, _ function: EagerOperator.ElementFunction = .plain) -> [EagerOperator] { make(n, reads, function) }
        let leaf = op.name.split(separator: ".").last.map(String.init) ?? op.name
        switch leaf {
        case "lookup":
            // embedding_dense_backward: a zeroed vocabulary × d table, the rows added in.
            return [EagerOperator(op.name + ".backward", .memory(bytes: 4 * vocabulary * d + Int(op.bytes), elements: vocabulary * d),
                                  count: op.count)]
        case "positions", "token_types":
            return passes(1, 1)
        case "topk":
            return passes(1, 0)  // the chosen weights' gradient scattered into zeros over every expert
        case "gather", "unsort":
            return passes(1, 1)  // index's backward: the rows put back (index_put into zeros)
        case "sort_ids", "sum_top_k", "add_shared":
            return []  // integer ids; a sum's and an addition's gradients are views
        case "bias_lookup":
            return passes(1, 0)  // embedding_dense_backward into the small bucket × heads table
        case "position_bias":
            // Every layer's scores gradient summed into the one bias the stack shares.
            guard case let .memory(bytes, elements) = op.kind, op.count > 1 else { return [] }
            return [EagerOperator(op.name + ".backward", .memory(bytes: bytes, elements: elements), count: op.count - 1)]
        case "causal_mask", "rotary_table", "mask", "cat", "buckets", "zero_bias", "zero_bias_add", "add_eps", "add_one", "add",
             "add_positions", "add_token_types", "token_type_ids", "contiguous", "nll", "sum":
            return []
        case "attention_residual", "cross_attention_residual", "ffn_residual":
            return passes(1, 2)  // the residual stream's two gradients summed
        case "bias_copy":
            return passes(1, 0)  // the bias gradient: a sum over rows
        case "scale", "mul_cubic", "mul_sqrt", "mul_half", "neg", "mul_cos", "mul_sin", "rsqrt":
            return passes(1, 1)
        case "routing_scale", "masked_fill":
            return passes(1, 1)  // by a constant; a masked fill's gradient masked the same way
        case "group_max", "group_mask":
            return []  // only their indices are used: no gradient flows back through them
        case "mul", "gate_times_up", "weight", "normalize", "routing_weight_mul", "shared_gate_mul":
            return passes(2, 2)
        case "pow":
            return passes(2, 1) + passes(1, 2)
        case "mean", "shift_labels":
            return passes(1, 0)
        case "repeat_kv":
            return passes(1, 1)
        case "log_softmax":
            // log_softmax_backward (dy − exp(y)·Σdy: an exponential per value), and nll's one-hot gradient.
            return passes(1, 2, .activation) + passes(1, 0)
        case "layer_norm":
            return passes(1, 3)  // dx from x, dy and the saved statistics; dγ, dβ reduced alongside
        case "activation":
            // silu_backward, gelu_backward: the forward's exponential (or erf) again, per value.
            return passes(1, 2, op.function)
        default:  // tanh, softmax: one fused backward kernel reading dy and the saved output
            return passes(1, 2)
        }
    }
}
