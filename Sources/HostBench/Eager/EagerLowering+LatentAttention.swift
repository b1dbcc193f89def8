import Workload

/// DeepSeek-V2's multi-head latent attention as eager PyTorch runs it (`DeepseekV2Attention`,
/// transformers 5.23, eager attention), from the operator traces of `deepseek-v2-lite` with one
/// and two layers (`scripts/pytorch-host/time_pytorch.py`, and a dispatch-mode trace of every
/// aten call with its shapes).
///
/// Queries come from `q_proj` (or `q_a_proj`, its RMSNorm and `q_b_proj`); one `kv_a_proj_with_mqa`
/// gives the key/value latent, RMS-normed, and the shared rotary key. Rotary is a complex product
/// (`view_as_complex`, one `mul` each for the query's and the key's rotary part); the query's two
/// parts are concatenated. What the cache holds is the latent and the rotary key, so a decode step
/// concatenates those and `kv_b_proj` re-expands every cached position (`expand_kv`) into per-head
/// keys, assembled by two copies into a fresh tensor, and values, read in place; eager attention
/// follows as for any model.
extension EagerLowering {
    /// Families whose latent attention this lowering has been traced for (DeepSeek-V3's applies
    /// its rotary differently).
    static let latentAttentionFamilies: Set<String> = ["deepseek_v2"]

    func latentAttention(_ latent: LatentAttentionSpec, rows: Int, keys: Int, decode: Bool) -> [EagerOperator] {
        let (nope, rope, value, rank) = (latent.nopeHeadDim, latent.ropeHeadDim, latent.valueHeadDim, latent.keyValueRank)
        let bias = stack.attention.qkvBias, queryWidth = heads * latent.queryKeyHeadDim
        var ops: [EagerOperator]
        if let queryRank = latent.queryRank {
            ops = linear("attention.q_a", rows: rows, inputs: d, outputs: queryRank, bias: bias)
                + norm("attention.q_a_norm", rows: rows, width: queryRank, rms: true)
                + linear("attention.q_b", rows: rows, inputs: queryRank, outputs: queryWidth, bias: false)
        } else {
            ops = linear("attention.q_proj", rows: rows, inputs: d, outputs: queryWidth, bias: false)
        }
        ops += linear("attention.kv_a", rows: rows, inputs: d, outputs: rank + rope, bias: bias)
        ops += norm("attention.kv_a_norm", rows: rows, width: rank, rms: true)
        ops += [.pass("attention.rotary_q.complex_mul", elements: rows * heads * rope),
                .pass("attention.rotary_k.complex_mul", elements: rows * rope)]
        if decode {
            // DynamicCache.update: torch.cat of the cached latents and rotary keys and the new position's.
            ops += [EagerOperator("attention.cache_cat.latent", .memory(bytes: 4 * 2 * keys * rank, elements: keys * rank), movesColdMemory: true),
                    EagerOperator("attention.cache_cat.rope", .memory(bytes: 4 * 2 * keys * rope, elements: keys * rope), movesColdMemory: true)]
        }
        ops.append(.pass("attention.query_states.cat", elements: rows * queryWidth))
        ops += linear("attention.kv_b", rows: keys, inputs: rank, outputs: heads * (nope + value), bias: false)
        ops += [.pass("attention.key_states.copy_nope", elements: keys * heads * nope),
                .pass("attention.key_states.copy_rope", elements: keys * heads * rope)]
        ops += attentionCore(rows: rows, keys: keys, queryKeyWidth: latent.queryKeyHeadDim, valueWidth: value)
        return ops + linear("attention.output", rows: rows, inputs: heads * value, outputs: d, bias: stack.attention.outputBias)
    }

    /// The backward kernels of a latent-attention operator beyond its GEMMs' two products (nil: not
    /// one of them), from the training trace: each projection whose output the forward splits
    /// gets its parts' gradients concatenated (and made contiguous where the heads were
    /// transposed); the query and latent projections' input gradients are summed; the key
    /// assembly's copies are undone slice by slice, the shared rotary key's gradient summed over
    /// the heads; a complex product's gradient is the conjugate table's product.
    func latentGradient(of op: EagerOperator) -> [EagerOperator]? {
        guard let latent = stack.attention.latent, op.name.contains("attention.") else { return nil }
        let name = op.name + ".backward", leaf = op.name.split(separator: ".").last.map(String.init) ?? op.name
        let (nope, rope) = (latent.nopeHeadDim, latent.ropeHeadDim)
        func pass(_ elements: Int, reads: Int = 1) -> EagerOperator { .pass(name, elements: elements, reads: reads, count: op.count) }
        switch (leaf, op.kind) {
        case let ("q_proj", .gemm(m, n, _, _, _)), let ("q_b", .gemm(m, n, _, _, _)), let ("kv_b", .gemm(m, n, _, _, _)):
            return [pass(m * n), pass(m * n)]  // the split's cat, the transposed heads' clone
        case let ("kv_a", .gemm(m, n, k, _, _)):
            return [pass(m * n), pass(m * k, reads: 2)]  // the split's cat; its dX summed with the query's
        case let ("copy_nope", .memory(_, elements)):
            let keys = elements / (heads * nope)
            return [pass(keys * heads * (nope + rope)), pass(elements)]
        case let ("copy_rope", .memory(_, elements)):
            let keys = elements / (heads * rope)
            return [pass(keys * heads * (nope + rope)), pass(elements), pass(elements, reads: 0), pass(elements),
                    .reduction(name, elements: elements, count: op.count)]
        case let ("complex_mul", .memory(_, elements)):
            return [pass(elements), pass(elements)]
        default:
            return nil
        }
    }
}
