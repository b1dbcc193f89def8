import Workload

/// The kernels eager PyTorch (transformers 5.23, FP32, eager attention, batch 1) launches for a
/// dense decoder-only model: what the measured validation can run, priced by `EagerTimeModel`.
///
/// Written from `torch.profiler` traces of GPT-2, Qwen2 and Llama (`scripts/pytorch-host/
/// time_pytorch.py`, profile mode): each `nn.Linear` with a bias is an `addmm` that first copies the
/// bias into its output; GPT-2's `gelu_new` is eight element-wise kernels, Llama's RMSNorm six
/// (`pow`, `mean`, `add`, `rsqrt`, two `mul`); rotary is `q·cos + rotate_half(q)·sin` (`mul`,
/// `neg`, `cat`, `mul`, `add`) on q and on k; grouped K/V heads are copied out to every query head
/// (`repeat_kv`); eager attention scales, masks (an added 4-D mask), soft-maxes and makes its
/// output contiguous in separate kernels; a decode step concatenates the new K/V onto each layer's
/// cache (`DynamicCache.update`, `torch.cat`). Training adds the loss (`log_softmax`, `nll_loss`)
/// and, for each operator, the kernels its autograd backward runs (two GEMMs per GEMM; one or two
/// element-wise kernels per element-wise one; the embedding's dense gradient, which writes the whole
/// table).
public struct EagerLowering: Sendable {
    public var spec: ModelSpec
    /// The stack being lowered: the decoder (else the encoder); an encoder–decoder model lowers its
    /// encoder through a copy of this lowering with `stack` set to the encoder (`lowering(of:)`).
    var stack: StackSpec

    public init(spec: ModelSpec) throws {
        let stacks = spec.stacks.map(\.stack)
        // Of encoder–decoders, T5's layers are the ones traced (BART's learned positions, biases and
        // post-norm would be other kernels).
        guard let stack = spec.decoder ?? spec.encoder, stacks.allSatisfy({ Self.covers($0, family: spec.family ?? "") }),
              spec.isEncoderDecoder ? spec.family == "t5" : stack.crossAttention == nil else {
            throw HostBenchError.invalidConfiguration(
                field: "model", reason: "\(spec.name): the eager-PyTorch lowering covers dense decoder-only and encoder-only models, Qwen2-MoE's experts, DeepSeek-V2 (latent attention and its experts) and T5")
        }
        self.spec = spec; self.stack = stack
    }

    /// Softmax attention and FFN layers, the FFN dense or Qwen2-MoE's or DeepSeek-V2's experts,
    /// the attention DeepSeek-V2's latent one: other experts, other latent attention, linear
    /// attention, state-space and hybrid stacks launch kernels this lowering does not describe.
    static func covers(_ s: StackSpec, family: String) -> Bool {
        s.moe.map { coversExperts($0, family: family) } ?? true
            && (s.attention.latent == nil || latentAttentionFamilies.contains(family))
            && s.stateSpace == nil && s.linearAttention == nil && s.hybrid == nil && s.layerPattern == nil
    }

    /// An encoder alone (BERT as `BertModel`): no cache, so no decode step; its training step's
    /// loss is `last_hidden_state.sum()`, the script's stand-in for a task head.
    public var encoderOnly: Bool { spec.decoder == nil }

    /// The passes the lowering describes: forward and training, and decode for a decoder.
    public var passes: [EagerPass] { encoderOnly ? [.forward, .training] : EagerPass.allCases }

    /// Bytes the framework's process holds while it runs `pass`: the FP32 weights, and in a
    /// training step their gradients too (which of its fresh outputs land on a host's dearer
    /// pages, `EagerTimeModel.warmPageBytes`, depends on it).
    public func residentBytes(_ pass: EagerPass) -> Double {
        let weights = 4 * Double((try? ParameterCount.report(for: spec).total) ?? 0)
        return pass == .training ? 2 * weights : weights
    }

    /// This lowering with `other` as the stack its layers come from.
    func lowering(of other: StackSpec) -> EagerLowering { var copy = self; copy.stack = other; return copy }

    /// Families whose attention projects Q, K and V in one GEMM (`c_attn`, `query_key_value`).
    static let fusedQKVFamilies: Set<String> = ["gpt2", "gpt_neox", "falcon", "bloom", "gpt_bigcode"]
    /// Families whose projections are transformers' `Conv1D` (`x·W`, the weight stored
    /// inputs × outputs) rather than `nn.Linear` (`x·Wᵀ`, stored outputs × inputs).
    static let conv1DFamilies: Set<String> = ["gpt2"]
    /// Families whose `gelu_tanh` is transformers' composed `NewGELUActivation` (eight kernels),
    /// not `F.gelu(approximate="tanh")`.
    static let composedGELUFamilies: Set<String> = ["gpt2", "gptj", "codegen", "phi", "gpt_bigcode", "t5"]

    /// Every kernel of `pass` over `seq` tokens (decode: one token after `seq − 1` cached), and
    /// the aten calls that move no data (views, reshapes, casts to the same type, the wrappers
    /// around each kernel), as many as the profiler counts for the pass (`EagerCallCounts`).
    public func operators(_ pass: EagerPass, seq: Int) -> [EagerOperator] {
        let rows = pass == .decode ? 1 : seq
        var ops = model(rows: rows, keys: seq, decode: pass == .decode, loss: pass == .training)
        if pass == .training { ops += backward(rows: rows, keys: seq) }
        ops = ops.filter { $0.count > 0 }
        let calls = EagerCallCounts.of(family: family, gatedFFN: stack.ffn.gated)[pass]
        let launches = ops.filter(\.isLaunch)
        let inLayers = launches.filter { $0.name.hasPrefix("layer.") }.reduce(0) { $0 + $1.count }
        let outside = launches.filter { !$0.name.hasPrefix("layer.") }.reduce(0) { $0 + $1.count }
        // An encoder–decoder's calls are counted per encoder + decoder layer pair (both depths
        // changed together); the catalog's T5s have as many of one as of the other.
        let inStack = calls.inLayers(layers, sparse: stack.moe?.sparseLayers(of: layers) ?? 0, experts: stack.moe?.experts ?? 0)
        ops.append(EagerOperator("layer.other_aten_calls", .view, count: max(0, inStack - inLayers)))
        ops.append(EagerOperator("model.other_aten_calls", .view, count: max(0, calls.modelLevel - outside)))
        return ops.filter { $0.count > 0 }
    }

    // MARK: - Shapes

    var d: Int { spec.hiddenSize }
    var heads: Int { stack.attention.heads }
    var kvHeads: Int { stack.attention.kvHeads }
    var headDim: Int { stack.attention.headDim }
    var qWidth: Int { heads * headDim }
    var kvWidth: Int { kvHeads * headDim }
    var ffnWidth: Int { stack.ffn.intermediateSize }
    var layers: Int { stack.layers }
    var vocabulary: Int { spec.vocabularySize }
    var family: String { spec.family ?? "" }
    var rotary: Bool { stack.positions.kind == .rotary }
    var learnedPositions: Bool { stack.positions.kind == .learned }

    // MARK: - Forward

    func model(rows: Int, keys: Int, decode: Bool, loss: Bool) -> [EagerOperator] {
        if spec.isEncoderDecoder { return sequenceToSequence(rows: rows, keys: keys, decode: decode, loss: loss) }
        var ops: [EagerOperator] = [.pass("embed.lookup", elements: rows * d)]
        if stack.tokenTypes > 0 {
            // The buffered all-zero type ids gathered at the positions, their rows looked up, added.
            ops += [.pass("embed.token_type_ids", elements: rows, reads: 2), .pass("embed.token_types", elements: rows * d),
                    .pass("embed.add_token_types", elements: rows * d, reads: 2)]
        }
        if learnedPositions { ops += [.pass("embed.positions", elements: rows * d), .pass("embed.add_positions", elements: rows * d, reads: 2)] }
        if stack.embeddingNorm { ops += norm("embed.norm", rows: rows) }
        // Once per forward: position ids, cache position, the 4-D mask (built over rows × keys).
        // An encoder without padding has no mask (`create_bidirectional_mask` returns None).
        if stack.causal { ops.append(.pass("model.causal_mask", elements: rows * keys, count: 3)) }
        if let rope = stack.attention.latent?.ropeHeadDim {
            // DeepSeek-V2's table is complex: angles, ones, `polar`, the attention scaling.
            ops.append(EagerOperator("model.rotary_table", .memory(bytes: 4 * 2 * rows * rope, elements: rows * rope), count: 4))
        } else if rotary {
            ops.append(EagerOperator("model.rotary_table", .memory(bytes: 4 * 6 * rows * headDim, elements: rows * headDim), count: 6))
        }
        ops += layerStack(rows: rows, keys: keys, decode: decode).map { var o = $0; o.name = "layer." + o.name; return o }
        if stack.finalNorm { ops += norm("final_norm", rows: rows) }
        if spec.pooler {
            // BertPooler: the first position's hidden state through a biased dense layer and tanh.
            ops += linear("pooler.dense", rows: 1, inputs: d, outputs: d, bias: true) + [.pass("pooler.tanh", elements: d, function: .activation)]
        }
        return ops + head(rows: rows, loss: loss)
    }

    /// The LM head's GEMM (and bias), and the training loss.
    func head(rows: Int, loss: Bool) -> [EagerOperator] {
        var ops: [EagerOperator] = []
        if spec.lmHead != nil {
            // The head is an `nn.Linear` in every family (GPT-2's is tied to the token table, V × d).
            ops.append(EagerOperator("head.lm_head", .gemm(m: rows, n: vocabulary, k: d, batch: 1, transposedB: true)))
            if spec.lmHead?.bias == true { ops.append(.pass("head.bias_copy", elements: rows * vocabulary, reads: 0)) }
        }
        if loss {
            ops += spec.lmHead != nil
                ? [.pass("loss.log_softmax", elements: rows * vocabulary, function: .softmax), .reduction("loss.nll", elements: rows)]
                : [.reduction("loss.sum", elements: rows * d)]
        }
        return ops
    }

    /// The stack's norm over `rows` vectors of `width` (default the model width); `rms` forces an
    /// RMSNorm (latent attention's latent norms are RMSNorms whatever the stack's).
    func norm(_ name: String, rows: Int, width: Int? = nil, rms: Bool = false) -> [EagerOperator] {
        let e = rows * (width ?? d)
        switch rms ? .rmsNorm : stack.norm.kind {
        case .rmsNorm:
            return [.pass("\(name).pow", elements: e), .reduction("\(name).mean", elements: e),
                    .pass("\(name).add_eps", elements: rows), .pass("\(name).rsqrt", elements: rows),
                    .pass("\(name).normalize", elements: e), .pass("\(name).weight", elements: e)]
        default:
            return [.pass("\(name).layer_norm", elements: e)]
        }
    }

    /// A linear layer: an `addmm` (bias copied into the output first) or an `mm`, its weight read
    /// transposed unless the family's projections are `Conv1D`.
    func linear(_ name: String, rows: Int, inputs: Int, outputs: Int, bias: Bool) -> [EagerOperator] {
        let transposed = !Self.conv1DFamilies.contains(family)
        var ops = [EagerOperator("\(name)", .gemm(m: rows, n: outputs, k: inputs, batch: 1, transposedB: transposed))]
        if bias { ops.insert(.pass("\(name).bias_copy", elements: rows * outputs, reads: 0), at: 0) }
        return ops
    }

    /// Every layer of the stack, each operator counted once per layer that launches it: the dense
    /// layers and the expert layers of a mixture differ only in their FFN, so their shared
    /// operators (attention, norms, residuals) are merged into one entry.
    func layerStack(rows: Int, keys: Int, decode: Bool, encoderRows: Int = 0) -> [EagerOperator] {
        let sparse = stack.moe?.sparseLayers(of: layers) ?? 0
        var merged: [EagerOperator] = []
        for (experts, count) in [(false, layers - sparse), (true, sparse)] where count > 0 {
            for var op in layer(rows: rows, keys: keys, decode: decode, encoderRows: encoderRows, experts: experts) {
                op.count *= count
                if let i = merged.firstIndex(where: { $0.name == op.name && $0.kind == op.kind }) { merged[i].count += op.count } else { merged.append(op) }
            }
        }
        return merged
    }

    /// One layer (its FFN the experts when `experts`); a decoder layer of an encoder–decoder model
    /// cross-attends to `encoderRows`.
    func layer(rows: Int, keys: Int, decode: Bool, encoderRows: Int = 0, experts: Bool = false) -> [EagerOperator] {
        var ops = norm("attention_norm", rows: rows)
        ops += stack.attention.latent.map { latentAttention($0, rows: rows, keys: keys, decode: decode) }
            ?? attention(rows: rows, keys: keys, decode: decode)
        ops.append(.pass("attention_residual", elements: rows * d, reads: 2))
        if let cross = stack.crossAttention, encoderRows > 0 {
            ops += norm("cross_attention_norm", rows: rows) + crossAttention(cross, rows: rows, encoderRows: encoderRows, decode: decode)
            ops.append(.pass("cross_attention_residual", elements: rows * d, reads: 2))
        }
        if stack.block == .sequential || stack.block == .parallelTwoNorms { ops += norm("ffn_norm", rows: rows) }
        ops += ffn(rows: rows, experts: experts)
        ops.append(.pass("ffn_residual", elements: rows * d, reads: 2))
        return ops
    }

    func attention(rows: Int, keys: Int, decode: Bool) -> [EagerOperator] {
        let bias = stack.attention.qkvBias
        var ops: [EagerOperator]
        if Self.fusedQKVFamilies.contains(family) {
            ops = linear("attention.qkv", rows: rows, inputs: d, outputs: qWidth + 2 * kvWidth, bias: bias)
        } else {
            ops = linear("attention.q", rows: rows, inputs: d, outputs: qWidth, bias: bias)
                + linear("attention.k", rows: rows, inputs: d, outputs: kvWidth, bias: bias)
                + linear("attention.v", rows: rows, inputs: d, outputs: kvWidth, bias: bias)
        }
        if rotary {
            for (t, width) in [("q", qWidth), ("k", kvWidth)] {
                let e = rows * width
                ops += [.pass("attention.rotary_\(t).mul_cos", elements: e), .pass("attention.rotary_\(t).neg", elements: e / 2),
                        .pass("attention.rotary_\(t).cat", elements: e), .pass("attention.rotary_\(t).mul_sin", elements: e),
                        .pass("attention.rotary_\(t).add", elements: e, reads: 2)]
            }
        }
        if decode {
            // DynamicCache.update: torch.cat of the cache and the new position, K and V, the cache
            // read from memory (GPT-2 at 511 cached: 0.22 ms per 1.6 MB cat, 14 GB/s, not the cache's rate).
            ops.append(EagerOperator("attention.cache_cat", .memory(bytes: 4 * 2 * keys * kvWidth, elements: keys * kvWidth), count: 2,
                                     movesColdMemory: true))
        }
        if kvHeads < heads {
            // In decode its 4-D output lands on memory the step's weights evicted: Llama-3.2-1B at 511
            // cached, 10.4 ms a step in the model against 3.3 ms timed alone (perf_counter).
            ops.append(EagerOperator("attention.repeat_kv", .memory(bytes: 4 * keys * (kvWidth + qWidth), elements: keys * qWidth), count: 2,
                                     movesColdMemory: decode))
        }
        ops += attentionCore(rows: rows, keys: keys, queryKeyWidth: headDim, valueWidth: headDim)
        ops += linear("attention.output", rows: rows, inputs: qWidth, outputs: d, bias: stack.attention.outputBias)
        return ops
    }

    /// Eager attention from the per-head queries, keys and values on: scores, scale, bias and
    /// mask, softmax, values, the heads made contiguous again.
    func attentionCore(rows: Int, keys: Int, queryKeyWidth: Int, valueWidth: Int) -> [EagerOperator] {
        let scores = heads * rows * keys
        var ops = [EagerOperator("attention.scores", .gemm(m: rows, n: keys, k: queryKeyWidth, batch: heads, transposedB: true)),
                   .pass("attention.scale", elements: scores)]
        // T5 adds its relative position bias (computed once per stack, `relativeBias`) to the scores.
        if stack.attention.relativeBiasBuckets != nil { ops.append(.pass("attention.position_bias", elements: scores, reads: 2)) }
        if stack.causal { ops.append(EagerOperator("attention.mask", .memory(bytes: 4 * (2 * scores + rows * keys), elements: scores))) }
        return ops + [.pass("attention.softmax", elements: scores, function: .softmax),
                      EagerOperator("attention.values", .gemm(m: rows, n: valueWidth, k: keys, batch: heads)),
                      .pass("attention.contiguous", elements: rows * heads * valueWidth)]
    }

    /// ReLUs are plain passes; every other activation computes an exponential (or erf) per value.
    var activationFunction: EagerOperator.ElementFunction {
        [.relu, .relu2].contains(stack.ffn.activation) ? .plain : .activation
    }

    /// The layer's FFN: the experts of a mixture's sparse layer, else the dense MLP.
    func ffn(rows: Int, experts sparse: Bool = false) -> [EagerOperator] {
        if sparse, let moe = stack.moe { return experts(moe, rows: rows) }
        let bias = stack.ffn.bias, e = rows * ffnWidth
        if stack.ffn.gated { return gatedMLP("ffn", rows: rows, width: ffnWidth, bias: bias) }
        return linear("ffn.up", rows: rows, inputs: d, outputs: ffnWidth, bias: bias) + activation("ffn", elements: e)
            + linear("ffn.down", rows: rows, inputs: ffnWidth, outputs: d, bias: bias)
    }

    /// A gated MLP (`down(act(gate(x)) · up(x))`) of inner `width`, named under `prefix`: the
    /// dense FFN, or a mixture's shared expert.
    func gatedMLP(_ prefix: String, rows: Int, width: Int, bias: Bool) -> [EagerOperator] {
        linear("\(prefix).gate", rows: rows, inputs: d, outputs: width, bias: bias)
            + activation(prefix, elements: rows * width)
            + linear("\(prefix).up", rows: rows, inputs: d, outputs: width, bias: bias)
            + [.pass("\(prefix).gate_times_up", elements: rows * width, reads: 2)]
            + linear("\(prefix).down", rows: rows, inputs: width, outputs: d, bias: bias)
    }

    /// The activation over `elements` values: one kernel, or transformers' composed `gelu_new`.
    func activation(_ prefix: String, elements e: Int) -> [EagerOperator] {
        guard stack.ffn.activation == .geluTanh && Self.composedGELUFamilies.contains(family) else {
            return [.pass("\(prefix).activation", elements: e, function: activationFunction)]
        }
        // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))): pow, three scalar mul, tensor add,
        // tanh, scalar add, tensor mul.
        return [.pass("\(prefix).gelu.pow", elements: e), .pass("\(prefix).gelu.mul_cubic", elements: e),
                .pass("\(prefix).gelu.add", elements: e, reads: 2), .pass("\(prefix).gelu.mul_sqrt", elements: e),
                .pass("\(prefix).gelu.tanh", elements: e, function: .activation), .pass("\(prefix).gelu.add_one", elements: e),
                .pass("\(prefix).gelu.mul_half", elements: e), .pass("\(prefix).gelu.mul", elements: e, reads: 2)]
    }
}
