/// Counts the FLOPs of a model's phases under one convention.
///
/// `matmul`, `causal` and `full` are built component by component from the architecture;
/// `kaplan` and `rule` from the parameter counts, as their authors define them.
public struct FlopCounter: Sendable {
    public let spec: ModelSpec
    public let convention: Convention
    /// How decode steps of latent attention are counted (no effect on other models).
    public let latentDecode: LatentAttentionDecode
    /// The model as operations, built once: every phase folds it at its own scale.
    let operations: ModelOperations
    /// The operations of a decode step: `operations` unless latent attention decodes absorbed.
    let decodeOperations: ModelOperations
    let parameters: ParameterReport

    /// A counter for `spec`: the operations are built once here, so counting many phases and
    /// scales is cheap. The default convention, `matmul`, is what PyTorch's `FlopCounterMode`
    /// reports for the transformers model; `latentDecode` matters only for latent attention
    /// (transformers re-expands the cache; serving engines decode absorbed).
    public init(spec: ModelSpec, convention: Convention = .matmul,
                latentDecode: LatentAttentionDecode = .transformers) throws(CountOverflow) {
        self.spec = spec
        self.convention = convention
        self.latentDecode = latentDecode
        operations = ModelOperations(spec)
        decodeOperations = latentDecode == .transformers || !spec.hasLatentAttention ? operations
            : ModelOperations(spec, latentDecode: latentDecode)
        parameters = try operations.parameterReport()
    }

    /// FLOPs of one model call, as a phase-less component list.
    func components(of call: ForwardPass) -> [FlopComponent] {
        switch convention {
        case .matmul, .causal, .full: (call.decodeStep ? decodeOperations : operations).flopComponents(call, convention)
        case .kaplan: kaplanComponents(call)
        case .rule: ruleComponents(call)
        }
    }

    /// Tokens a call processes: decoder (or only-stack) queries plus encoder positions when the
    /// encoder runs; the denominator of `flops_per_token` and the token count of the rule.
    func processedTokens(_ call: ForwardPass) -> ExactCount {
        let encoder = spec.isEncoderDecoder && call.runsEncoder ? call.encoderTokens : 0
        return ExactCount(call.batch) * (ExactCount(call.decoderQueries) + encoder)
    }

    /// `2·N` per processed token (total N, including embeddings).
    private func ruleComponents(_ call: ForwardPass) -> [FlopComponent] {
        [.init(name: "rule_2N", flops: 2 * processedTokens(call) * ExactCount(parameters.total),
               formula: "2 · N \(parameters.total) · \(processedTokens(call)) tokens")]
    }

    /// Kaplan et al. 2020: `2·N_nonembedding` per token plus `2·n_layer·n_ctx·d_attn` per token of
    /// each stack, with n_ctx the keys a token attends to (cache + new positions).
    private func kaplanComponents(_ call: ForwardPass) -> [FlopComponent] {
        var context = ExactCount.zero
        for (role, stack) in spec.stacks {
            let encoderSide = role == .encoder && spec.isEncoderDecoder
            if encoderSide && !call.runsEncoder { continue }
            let queries = encoderSide ? call.encoderTokens : call.decoderQueries
            let keys = encoderSide ? call.encoderTokens : call.decoderPast + call.decoderQueries
            context += 2 * ExactCount.product(call.batch, queries, stack.layers, keys, stack.attention.queryWidth)
        }
        return [
            .init(name: "non_embedding_weights", flops: 2 * processedTokens(call) * ExactCount(parameters.nonEmbedding),
                  formula: "2 · N_nonembedding \(parameters.nonEmbedding) · tokens"),
            .init(name: KaplanComponent.attentionContext, flops: context, formula: "2 · n_layer · n_ctx · d_attn per token"),
        ]
    }
}

extension FlopCounter {
    /// Notes every report of this model carries.
    var modelNotes: [InputMessage] {
        var notes: [InputMessage] = ["convention \(convention.rawValue): \(convention.summary)"]
        if spec.stacks.contains(where: { $0.stack.moe != nil }), !spec.referenceRunsEveryExpert, convention != .rule, convention != .kaplan {
            notes.append("mixture-of-experts: FLOPs follow the top-k active experts plus the router; "
                + "PyTorch FlopCounterMode under transformers 5.x misses the grouped expert GEMMs, llmcost counts them")
        }
        if spec.hasLatentAttention, convention != .rule, convention != .kaplan {
            notes += latentAttentionNotes
        }
        if spec.decoder?.slidingWindow != nil, convention == .matmul || convention == .full {
            notes.append("sliding window: eager attention computes the full rectangle and masks it (counted); "
                + "`\(InputParameter.convention) causal` counts only the window's band")
        }
        if let d = spec.decoder, let c = d.attentionChunkSize, d.layers(reaching: .chunked) > 0, convention != .rule, convention != .kaplan {
            notes.append(convention == .causal
                ? "chunked attention \(c) on \(d.layers(reaching: .chunked)) of \(d.layers) layers: counted over the chunk band (the query at position a reads ((a − 1) mod \(c)) + 1 keys); the other layers attend globally"
                : "chunked attention \(c) on \(d.layers(reaching: .chunked)) of \(d.layers) layers: eager attention multiplies the whole rectangle its cache hands it (a prefill's queries × queries, however many chunks; a cached step at most \(c - 1) past keys + the new) and masks it (counted); `\(InputParameter.convention) causal` counts only the chunk band")
        }
        if let d = spec.decoder, let l = d.linearAttention, convention != .rule, convention != .kaplan {
            notes.append("linear attention (Gated DeltaNet) on \(d.mixerLayerCount) of \(d.layers) layers: a prompt runs the chunked delta rule "
                + "over chunks of \(l.chunkSize) — the sequence is padded to a multiple of \(l.chunkSize) and the padding is multiplied too (counted, as "
                + "transformers runs it); a cached one-token step runs the recurrent rule, element-wise only (0 under matmul and causal; "
                + "7·dk·dv + 2·dv per value head under full), on a fixed state: only the \(d.attentionLayerCount) full-attention layers' work grows with the context")
        }
        if spec.referenceRunsEveryExpert, spec.decoder?.moe != nil, convention != .rule, convention != .kaplan {
            notes.append("mixture-of-experts (Llama 4): FLOPs follow the top-k experts each token is routed to plus the router and the shared expert; transformers' Llama4TextExperts runs every expert on every token (scaled by a zero score when not chosen), so FlopCounterMode sees experts/top-k times the routed-expert FLOPs")
        }
        return notes
    }
}

/// Line names of the whole-model formulas, which are not folds over operations.
enum KaplanComponent {
    /// Kaplan's `2·n_layer·n_ctx·d_attn`: the attention work selective recomputation repeats.
    static let attentionContext = "attention_context"
}
