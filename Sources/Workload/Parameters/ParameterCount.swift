/// Counts the parameters of a model exactly as its reference code instantiates them.
///
/// Tied weights count once: the LM head of a tied model, and the token table shared by the
/// encoder and decoder of T5 and BART. Buffers (BART's `final_logits_bias`, rotary frequencies,
/// Gemma's embedding scale) are not parameters.
public enum ParameterCount {
    public static func report(for spec: ModelSpec) throws(CountOverflow) -> ParameterReport {
        try ParameterReport(model: spec.name, components: components(of: spec))
    }

    static func components(of spec: ModelSpec) -> [ParameterComponent] {
        let d = spec.hiddenSize
        let embeddingWidth = spec.embeddingProjectionSize ?? d
        var parts: [ParameterComponent] = [
            .init(name: "token_embedding", kind: .embedding,
                  parameters: .product(spec.vocabularySize, embeddingWidth),
                  formula: "vocab \(spec.vocabularySize) × \(embeddingWidth)"),
        ]
        if let e = spec.embeddingProjectionSize {
            parts.append(.init(name: "embedding_projection", kind: .embedding,
                               parameters: .product(2, e, d),
                               formula: "project_in \(e)×\(d) + project_out \(d)×\(e), no bias"))
        }
        for (role, stack) in spec.stacks {
            let prefix = spec.isEncoderDecoder ? "\(role.rawValue)." : ""
            parts += stackComponents(stack, width: d, prefix: prefix)
        }
        if spec.pooler {
            parts.append(.init(name: "pooler", kind: .pooler, parameters: .product(d, d) + d,
                               formula: "dense \(d)×\(d) + bias \(d)"))
        }
        if let head = spec.lmHead {
            let weights = head.tied ? .zero : ExactCount.product(spec.vocabularySize, embeddingWidth)
            let bias = head.bias ? ExactCount(spec.vocabularySize) : .zero
            let formula = (head.tied ? "tied to token_embedding" : "\(embeddingWidth) × vocab \(spec.vocabularySize)")
                + (head.bias ? " + bias \(spec.vocabularySize)" : "")
            parts.append(.init(name: "lm_head", kind: .lmHead, parameters: weights + bias, formula: formula))
        }
        return parts.filter { $0.parameters != .zero || $0.name == "lm_head" }
    }

    static func stackComponents(_ s: StackSpec, width d: Int, prefix: String) -> [ParameterComponent] {
        let L = s.layers
        var parts: [ParameterComponent] = []
        func add(_ name: String, _ kind: ComponentKind, _ count: ExactCount,
                 active: ExactCount? = nil, _ formula: String) {
            parts.append(.init(name: prefix + name, kind: kind, parameters: count,
                               activeParameters: active, formula: formula))
        }
        if let rows = s.learnedPositions {
            add("position_embedding", .embedding, .product(rows, d), "\(rows) positions × \(d)")
        }
        if s.tokenTypes > 0 {
            add("token_type_embedding", .embedding, .product(s.tokenTypes, d), "\(s.tokenTypes) types × \(d)")
        }
        if s.embeddingNorm {
            add("embedding_norm", .norm, ExactCount(s.norm.parameters(width: d)), "one norm over \(d)")
        }
        let a = s.attention
        add("attention", .attention, L * a.projectionParameters(width: d),
            "\(L) layers × q,k,v,o (\(a.heads) heads, \(a.kvHeads) kv heads, head_dim \(a.headDim))")
        if let scope = a.qkNorm {
            add("qk_norms", .norm, ExactCount(L) * a.qkNormParameters(scope, s.norm), "\(L) layers × q and k \(s.norm.kind.rawValue) (\(scope.rawValue))")
        }
        if a.relativeBiasBuckets != nil {
            add("relative_attention_bias", .attention, a.relativeBiasParameters,
                "first layer: \(a.relativeBiasBuckets ?? 0) buckets × \(a.heads) heads")
        }
        if let x = s.crossAttention {
            add("cross_attention", .attention, L * x.projectionParameters(width: d),
                "\(L) layers × q,k,v,o (\(x.heads) heads, head_dim \(x.headDim))")
        }
        let ffn = s.ffn.parameters(width: d)
        if let moe = s.moe {
            let sparse = ExactCount(moe.sparseLayers(of: s.layers)), expert = moe.expert(of: s.ffn)
            let perExpert = expert.parameters(width: d)
            add("experts", .experts, sparse * moe.experts * perExpert, active: sparse * moe.topK * perExpert,
                "\(sparse) layers × \(moe.experts) experts (\(moe.topK) active) × FFN \(d)→\(expert.intermediateSize)")
            add("router", .router, sparse * moe.routerParameters(width: d), "\(sparse) layers × \(d)×\(moe.experts)")
            if let shared = moe.sharedExpert(of: s.ffn) {
                let gate = moe.sharedExpertGate ? ExactCount(d) : .zero
                add("shared_expert", .ffn, sparse * (shared.parameters(width: d) + gate),
                    "\(sparse) layers × shared FFN \(d)→\(shared.intermediateSize)\(moe.sharedExpertGate ? " + its \(d)×1 gate" : "")")
            }
            if moe.denseLayers > 0 {
                add("ffn", .ffn, ExactCount(moe.denseLayers) * ffn,
                    "\(moe.denseLayers) dense layers × FFN \(d)→\(s.ffn.intermediateSize)\(s.ffn.gated ? " gated" : "")")
            }
        } else {
            add("ffn", .ffn, L * ffn, "\(L) layers × FFN \(d)→\(s.ffn.intermediateSize)\(s.ffn.gated ? " gated" : "")")
        }
        add("norms", .norm, ExactCount.product(L, s.normsPerLayer, s.norm.parameters(width: d)),
            "\(L) layers × \(s.normsPerLayer) \(s.norm.kind.rawValue)")
        if s.finalNorm {
            add("final_norm", .norm, ExactCount(s.norm.parameters(width: d)), "one \(s.norm.kind.rawValue)")
        }
        return parts
    }
}
