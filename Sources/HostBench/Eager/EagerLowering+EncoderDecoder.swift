import Workload

/// An encoder–decoder model as eager PyTorch runs it: T5 as `T5ForConditionalGeneration`
/// (transformers 5.23), written from the operator trace of `t5-small` with one and two layers.
///
/// The forward pass encodes `seq` tokens and decodes `seq` tokens against them (llmcost's prefill);
/// training decodes the labels shifted right; a decode step runs the decoder alone for one token
/// over `seq − 1` cached positions, its cross-attention reading the `seq` encoder positions' cached
/// keys and values. Each stack looks its tokens up in the shared table, computes T5's relative
/// position bias once (`relativeBias`) and adds it to every layer's scores; the decoder's first
/// cross-attention makes an all-zero bias that every layer adds too. A tied head (`tie_word_embeddings`
/// in the config) scales the decoder's output by `d^-½` first. transformers 5.23 ties T5's head to
/// the table whatever the config says, so training sums three gradients of one table.
extension EagerLowering {
    func sequenceToSequence(rows: Int, keys: Int, decode: Bool, loss: Bool) -> [EagerOperator] {
        var ops: [EagerOperator] = []
        if !decode, let encoder = spec.encoder {
            ops += lowering(of: encoder).stackOperators("encoder", rows: keys, keys: keys, decode: false, encoderRows: 0)
        }
        ops += stackOperators("decoder", rows: rows, keys: keys, decode: decode, encoderRows: keys)
        if spec.lmHead?.tied == true { ops.append(.pass("head.scale", elements: rows * d)) }
        return ops + head(rows: rows, loss: loss)
    }

    /// One stack: its token lookup, mask and relative bias, its layers (`layer.<role>.…`), its final norm.
    func stackOperators(_ role: String, rows: Int, keys: Int, decode: Bool, encoderRows: Int) -> [EagerOperator] {
        var ops: [EagerOperator] = [.pass("\(role).embed.lookup", elements: rows * d)]
        if stack.causal { ops.append(.pass("\(role).causal_mask", elements: rows * keys, count: 3)) }
        ops += relativeBias(role, rows: rows, keys: keys)
        if let cross = stack.crossAttention, encoderRows > 0 {
            // The cross-attention's bias: zeros over heads × rows × encoder positions, without gradient.
            ops.append(.pass("\(role).cross_attention.zero_bias", elements: cross.heads * rows * encoderRows, reads: 0))
        }
        ops += layer(rows: rows, keys: keys, decode: decode, encoderRows: encoderRows).map {
            var o = $0; o.count *= layers; o.name = "layer.\(role)." + o.name; return o
        }
        if stack.finalNorm { ops += norm("\(role).final_norm", rows: rows) }
        return ops
    }

    /// T5's relative position bias: about fifteen element-wise kernels over the rows × keys grid
    /// of 64-bit relative positions (`_relative_position_bucket`), then the heads' bias per bucket
    /// looked up into heads × rows × keys.
    func relativeBias(_ role: String, rows: Int, keys: Int) -> [EagerOperator] {
        guard stack.attention.relativeBiasBuckets != nil else { return [] }
        return [EagerOperator("\(role).relative_bias.buckets", .memory(bytes: 16 * rows * keys, elements: rows * keys), count: 15),
                .pass("\(role).relative_bias.bias_lookup", elements: heads * rows * keys)]
    }

    /// The decoder's attention over the encoder's output: queries from the decoder, keys and
    /// values projected from the encoder's `encoderRows` positions (a decode step reads them from
    /// the cache instead), the zero bias added, no mask.
    func crossAttention(_ cross: AttentionSpec, rows: Int, encoderRows: Int, decode: Bool) -> [EagerOperator] {
        let width = cross.heads * cross.headDim
        var ops = linear("cross_attention.q", rows: rows, inputs: d, outputs: width, bias: cross.qkvBias)
        if !decode {
            ops += linear("cross_attention.k", rows: encoderRows, inputs: d, outputs: cross.kvHeads * cross.headDim, bias: cross.qkvBias)
                + linear("cross_attention.v", rows: encoderRows, inputs: d, outputs: cross.kvHeads * cross.headDim, bias: cross.qkvBias)
        }
        let scores = cross.heads * rows * encoderRows
        ops += [EagerOperator("cross_attention.scores", .gemm(m: rows, n: encoderRows, k: cross.headDim, batch: cross.heads, transposedB: true)),
                .pass("cross_attention.scale", elements: scores), .pass("cross_attention.zero_bias_add", elements: scores, reads: 2),
                .pass("cross_attention.softmax", elements: scores, function: .softmax),
                EagerOperator("cross_attention.values", .gemm(m: rows, n: cross.headDim, k: encoderRows, batch: cross.heads)),
                .pass("cross_attention.contiguous", elements: rows * width)]
        return ops + linear("cross_attention.output", rows: rows, inputs: width, outputs: d, bias: cross.outputBias)
    }
}
