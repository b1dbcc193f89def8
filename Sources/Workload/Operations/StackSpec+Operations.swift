/// `count` layers of a stack that run the same operations.
public struct LayerGroup: Sendable, Equatable {
    public var count: Int
    public var operations: [Operation]
}

/// A stack's operations: its layers, grouped by kind, and what runs once per call around them.
public struct StackOperations: Sendable, Equatable {
    public var role: StackRole
    public var spec: StackSpec
    public var layers: [LayerGroup]
    /// Embedding tables and adds, the embedding and final norms, the rotary table, T5's
    /// relative-position bias (held by the first layer, applied by all).
    public var once: [Operation]
}

extension StackSpec {
    /// The stack as operations. Layers differ in their attention reach, in whether they rotate
    /// positions and in whether they hold experts; which layers do does not change a count, so
    /// they are grouped by kind (`layerKindCounts`). `latentDecode` says how latent attention (if
    /// the stack has it) turns its cache into attention; other layers do not read it.
    func operations(role: StackRole, width d: Int, latentDecode: LatentAttentionDecode = .transformers) -> StackOperations {
        StackOperations(role: role, spec: self, layers: layerGroups(width: d, latentDecode: latentDecode), once: onceOperations(width: d))
    }

    private func layerGroups(width d: Int, latentDecode: LatentAttentionDecode) -> [LayerGroup] {
        if let stateSpace {
            guard let hybrid else { return [LayerGroup(count: layers, operations: stateSpaceOperations(stateSpace, width: d))] }
            return hybridLayerGroups(hybrid, width: d)
        }
        // Gated DeltaNet in every layer but the layout's attention layers (none without a layout).
        if linearAttention != nil { return hybridLayerGroups(hybrid ?? HybridLayout(attentionLayers: 0), width: d) }
        return layerKindCounts.map { kind, count in
            var ops = attention.latent.map { latentAttentionOperations($0, width: d, decode: latentDecode) }
                ?? selfAttentionOperations(width: d, kind: kind)
            if let crossAttention { ops += crossAttentionOperations(crossAttention, width: d) }
            if kind.experts, let moe { ops += expertOperations(moe, width: d) } else { ops += feedForwardOperations(ffn, .ffn, width: d) }
            ops += normAndResidualOperations(width: d)
            return LayerGroup(count: count, operations: ops)
        }
    }

    /// The keys a layer of `reach` reads, and how many positions its cache keeps at most.
    private func selfAttentionKeys(_ reach: LayerKind.Reach) -> (keys: Keys, cap: Int?) {
        switch reach {
        case .full: (.selfAttention(causal: causal, window: nil), nil)
        case .sliding: (.selfAttention(causal: causal, window: slidingWindow), slidingWindow)
        case .chunked:
            attentionChunkSize.map { (.chunked(size: $0), $0) } ?? (.selfAttention(causal: causal, window: nil), nil)
        }
    }

    /// q, k, v projections, the q/k norms and rotary (or, on a layer without rotary, Llama 4's
    /// query temperature), scores, softmax, attention·values, output.
    func selfAttentionOperations(width d: Int, kind: LayerKind) -> [Operation] {
        let a = attention, q = a.queryWidth, kv = a.keyValueWidth
        let (keys, cap) = selfAttentionKeys(kind.attention)
        // Gated attention's `q_proj` also produces the output gate, one per query element.
        let qkvWidth = (a.outputGate ? 2 * q : q) + 2 * kv
        var ops = [Operation(.attentionQKV, .linear(inputs: d, outputs: qkvWidth, rows: .queries),
                             weights: Weights(.attention, ExactCount.product(d, qkvWidth) + (a.qkvBias ? qkvWidth : 0),
                                              matrices: [WeightMatrix(inputs: d, outputs: qkvWidth - 2 * kv), WeightMatrix(inputs: d, outputs: kv, count: 2)]),
                             saved: .init(bytesPerRow: ExactCount(2 * d), replicatedBytesPerRow: ExactCount(2 * d)), tensorShard: .column)]
        if a.qkvBias { ops.append(.elementwise(.biasAdds, ExactCount(qkvWidth))) }
        let rotates = kind.rotary ? rotaryDimensions : nil
        // Llama 4's weightless L2 norm runs only where rotary does.
        if let scope = a.qkNorm, scope != .l2 || rotates != nil {
            ops.append(Operation(.qkNorms, .elementwise(flopsPerRow: ExactCount.product(a.qkNormElements, ElementwiseCost.qkNorm(scope, norm)), rows: .queries),
                                 weights: Weights(.qkNorms, a.qkNormParameters(scope, norm))))
        }
        if let r = rotates {
            ops.append(.elementwise(.rotaryApply, ExactCount.product(a.heads + a.kvHeads, r, ElementwiseCost.rotaryPerElement)))
        } else if a.queryTemperature, positions.kind == .rotary {
            ops.append(.elementwise(.queryTemperature, ExactCount(q + ElementwiseCost.temperaturePerPosition)))
        }
        let perScore = ElementwiseCost.softmaxPerScore + ElementwiseCost.scalePerScore + (causal ? ElementwiseCost.maskPerScore : 0)
        ops += [
            Operation(.attentionScores, .attention(heads: a.heads, headDim: a.headDim, keys: keys), recompute: .attentionCore,
                      saved: .init(bytesPerRow: 2 * ExactCount(q + kv), bytesPerScore: 5, scoreHeads: a.heads),
                      cache: .selfKeyValues(elements: 2 * a.kvHeads * a.headDim, window: cap)),
            Operation(.softmax, .perScore(flops: perScore, heads: a.heads, keys: keys), recompute: .attentionCore),
            Operation(.attentionValues, .attention(heads: a.heads, headDim: a.headDim, keys: keys), recompute: .attentionCore,
                      saved: .init(bytesPerRow: 2 * ExactCount(kv + q))),
            Operation(.attentionOutput, .linear(inputs: q, outputs: d, rows: .queries),
                      weights: Weights(.attention, ExactCount.product(q, d) + (a.outputBias ? d : 0)),
                      saved: .init(bytesPerRow: ExactCount(d), replicatedBytesPerRow: ExactCount(d)), tensorShard: .row(closesBlock: true)),
        ]
        if a.outputGate {
            // `attn_output * sigmoid(gate)` before `o_proj`: element-wise, keeping the gate.
            ops.insert(Operation(.attentionGate, .elementwise(flopsPerRow: ExactCount.product(q, ElementwiseCost.sigmoidPerElement + ElementwiseCost.gatePerElement), rows: .queries),
                                 saved: .init(bytesPerRow: ExactCount(2 * q))), at: ops.count - 1)
        }
        if a.outputBias { ops.append(.elementwise(.biasAdds, ExactCount(d))) }
        if a.sinks { ops.append(attentionSinkOperation()) }
        return ops
    }

    /// Queries from the decoder, K/V projected once from the encoder output (then cached).
    private func crossAttentionOperations(_ x: AttentionSpec, width d: Int) -> [Operation] {
        let q = x.queryWidth, kv = x.keyValueWidth
        var ops = [Operation(.crossAttentionQ, .linear(inputs: d, outputs: q, rows: .crossQueries),
                             weights: Weights(.crossAttention, ExactCount.product(d, q) + (x.qkvBias ? q : 0)),
                             saved: .init(bytesPerRow: ExactCount(2 * d), replicatedBytesPerRow: ExactCount(2 * d)), tensorShard: .column)]
        if x.qkvBias { ops.append(.elementwise(.biasAdds, ExactCount(q), rows: .crossQueries)) }
        ops.append(Operation(.crossAttentionKV, .linear(inputs: d, outputs: 2 * kv, rows: .crossKeys),
                             weights: Weights(.crossAttention, ExactCount.product(d, 2 * kv) + (x.qkvBias ? 2 * kv : 0),
                                              matrices: [WeightMatrix(inputs: d, outputs: kv, count: 2)]),
                             cache: .crossKeyValues(elements: 2 * x.kvHeads * x.headDim), tensorShard: .column))
        if x.qkvBias { ops.append(.elementwise(.crossKVBiasAdds, ExactCount(2 * kv), rows: .crossKeys)) }
        ops += [
            Operation(.crossAttentionScores, .attention(heads: x.heads, headDim: x.headDim, keys: .cross), recompute: .attentionCore,
                      saved: .init(bytesPerRow: 2 * ExactCount(q + kv), bytesPerScore: 5, scoreHeads: x.heads)),
            Operation(.softmax, .perScore(flops: ElementwiseCost.softmaxPerScore + ElementwiseCost.scalePerScore, heads: x.heads, keys: .cross),
                      recompute: .attentionCore),
            Operation(.crossAttentionValues, .attention(heads: x.heads, headDim: x.headDim, keys: .cross), recompute: .attentionCore,
                      saved: .init(bytesPerRow: 2 * ExactCount(kv + q))),
            Operation(.crossAttentionOutput, .linear(inputs: q, outputs: d, rows: .crossQueries),
                      weights: Weights(.crossAttention, ExactCount.product(q, d) + (x.outputBias ? d : 0)),
                      saved: .init(bytesPerRow: ExactCount(d), replicatedBytesPerRow: ExactCount(d)), tensorShard: .row(closesBlock: true)),
            .elementwise(.residuals, ExactCount(d), rows: .crossQueries),
        ]
        if x.outputBias { ops.append(.elementwise(.biasAdds, ExactCount(d), rows: .crossQueries)) }
        return ops
    }

    /// One FFN (`copies` of it per token, for routed experts): input projection(s), activation,
    /// output projection. `stored` experts hold weights, `copies` of them run per token.
    func feedForwardOperations(_ f: FFNSpec, _ component: FlopComponentName, group: ParameterGroup? = nil,
                               width d: Int, copies: Int = 1, stored: Int = 1) -> [Operation] {
        let g = f.inputProjections, F = f.intermediateSize
        let group = group ?? (component == .ffn ? .ffn : .sharedExpert)
        // Every stored expert's matrices (g input projections and the output projection each), of which `copies` run.
        func weights(_ perCopy: ExactCount, _ matrix: WeightMatrix) -> Weights {
            Weights(group, ExactCount(stored) * perCopy, active: ExactCount(copies) * perCopy, matrices: [matrix])
        }
        var ops = [Operation(component, .linear(inputs: d, outputs: F, copies: g * copies, rows: .queries),
                             weights: weights(ExactCount.product(g, d, F) + (f.bias ? g * F : 0), WeightMatrix(inputs: d, outputs: F, count: g * stored)),
                             saved: .init(bytesPerRow: ExactCount(copies) * (ExactCount(2 * d) + ExactCount.product(2, g, F)),
                                          replicatedBytesPerRow: ExactCount.product(copies, 2 * d)), tensorShard: .column)]
        if f.bias { ops.append(.elementwise(.biasAdds, ExactCount.product(copies, g, F))) }
        let activationCost = ElementwiseCost.activation(f.activation) + (f.gated ? ElementwiseCost.gatePerElement : 0)
        ops.append(.elementwise(.activations, ExactCount.product(copies, F, activationCost)))
        ops.append(Operation(component, .linear(inputs: F, outputs: d, copies: copies, rows: .queries),
                             weights: weights(ExactCount.product(F, d) + (f.bias ? d : 0), WeightMatrix(inputs: F, outputs: d, count: stored)),
                             saved: .init(bytesPerRow: ExactCount(copies) * (ExactCount.product(2, g, F) + ExactCount(d)),
                                          replicatedBytesPerRow: ExactCount.product(copies, d)),
                             tensorShard: .row(closesBlock: component != .sharedExpert)))
        if f.bias { ops.append(.elementwise(.biasAdds, ExactCount.product(copies, d))) }
        return ops
    }

    /// The router, the top-k routed experts, the shared expert (and its gate), the weighted sum.
    func expertOperations(_ moe: MoESpec, width d: Int) -> [Operation] {
        var ops = [Operation(.router, .linear(inputs: d, outputs: moe.experts, rows: .queries),
                             weights: Weights(.router, moe.routerParameters(width: d)))]
        if let l = moe.latentSize { ops += latentProjection(inputs: d, outputs: l) }
        ops += feedForwardOperations(moe.expert(of: ffn), .experts, group: .experts, width: moe.latentSize ?? d,
                                     copies: moe.topK, stored: moe.experts)
        if let l = moe.latentSize { ops += latentProjection(inputs: l, outputs: d) }
        var sharedAdd = 0
        if let shared = moe.sharedExpert(of: ffn) {
            ops += feedForwardOperations(shared, .sharedExpert, width: d)
            if moe.sharedExpertGate {
                ops.append(Operation(.sharedExpert, .linear(inputs: d, outputs: 1, rows: .queries), weights: Weights(.sharedExpert, ExactCount(d))))
            }
            // Its output is added (after scaling by one sigmoid per token, when gated).
            sharedAdd = moe.sharedExpertGate ? 2 * d + ElementwiseCost.sigmoidPerElement : d
        }
        ops.append(.elementwise(.routing, moe.scoringFlopsPerToken + ExactCount.product(2, moe.topK, d) + sharedAdd))
        return ops
    }

    /// Nemotron-H's `fc1_latent_proj` / `fc2_latent_proj` around the routed experts: dense weights
    /// (with the FFN's bias) every token runs, held whole by each tensor-parallel rank.
    private func latentProjection(inputs: Int, outputs: Int) -> [Operation] {
        var ops = [Operation(.experts, .linear(inputs: inputs, outputs: outputs, rows: .queries),
                             weights: Weights(.ffn, ExactCount.product(inputs, outputs) + (ffn.bias ? outputs : 0)),
                             saved: .init(bytesPerRow: ExactCount(2 * inputs), replicatedBytesPerRow: ExactCount(2 * inputs)))]
        if ffn.bias { ops.append(.elementwise(.biasAdds, ExactCount(outputs))) }
        return ops
    }

    /// The layer's norms (each keeps its 16-bit input) and its two residual adds.
    func normAndResidualOperations(width d: Int) -> [Operation] {
        [
            Operation(.norms, .elementwise(flopsPerRow: ExactCount.product(normsPerLayer, d, ElementwiseCost.norm(norm)), rows: .queries),
                      weights: Weights(.norms, ExactCount.product(normsPerLayer, norm.parameters(width: d))),
                      saved: .init(bytesPerRow: ExactCount.product(2, d, normsPerLayer), replicatedBytesPerRow: ExactCount.product(2, d, normsPerLayer))),
            .elementwise(.residuals, ExactCount.product(2, d)),
        ]
    }

    /// Position and token-type tables and their adds, the embedding norm, T5's relative-position
    /// bias, the final norm and the rotary table: outside the layers, never recomputed.
    private func onceOperations(width d: Int) -> [Operation] {
        var ops: [Operation] = []
        func outside(_ op: Operation) -> Operation { var op = op; op.recompute = .outsideLayers; return op }
        if let rows = learnedPositions { ops.append(Operation(nil, .lookup, weights: Weights(.positionEmbedding, .product(rows, d)))) }
        if tokenTypes > 0 { ops.append(Operation(nil, .lookup, weights: Weights(.tokenTypeEmbedding, .product(tokenTypes, d)))) }
        let adds = (learnedPositions != nil ? 1 : 0) + (tokenTypes > 0 ? 1 : 0)
        if adds > 0 { ops.append(outside(.elementwise(.embeddingAdds, ExactCount.product(adds, d)))) }
        let normFLOPs = ExactCount.product(d, ElementwiseCost.norm(norm)), normWeights = ExactCount(norm.parameters(width: d))
        if embeddingNorm {
            ops.append(outside(Operation(.norms, .elementwise(flopsPerRow: normFLOPs, rows: .queries), weights: Weights(.embeddingNorm, normWeights))))
        }
        if attention.relativeBiasBuckets != nil {
            ops.append(Operation(nil, .lookup, weights: Weights(.relativeAttentionBias, attention.relativeBiasParameters)))
        }
        if hybrid?.multipliers == true { ops.append(outside(.elementwise(.multipliers, ExactCount(d)))) }
        if finalNorm {
            ops.append(outside(Operation(.norms, .elementwise(flopsPerRow: normFLOPs, rows: .queries), weights: Weights(.finalNorm, normWeights))))
        }
        if let r = rotaryDimensions {
            ops.append(Operation(.rotaryFrequencies, .positionTable(frequencies: r / 2, tables: positions.rotaryTables ?? 1),
                                 backwardProducts: 0, recompute: .outsideLayers))
        }
        return ops
    }
}

extension Operation {
    /// Element-wise work on each row of `rows`, part of a layer.
    static func elementwise(_ component: FlopComponentName, _ flopsPerRow: ExactCount, rows: Rows = .queries) -> Operation {
        Operation(component, .elementwise(flopsPerRow: flopsPerRow, rows: rows))
    }
}
