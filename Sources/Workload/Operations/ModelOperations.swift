/// A whole model as operations: the token embedding, each stack, and the projections around
/// them (OPT's embedding projections, BERT's pooler, the LM head). Built once per model; every
/// count is a fold over it.
public struct ModelOperations: Sendable, Equatable {
    public let spec: ModelSpec
    public let stacks: [StackOperations]
    /// Operations outside the stacks, in the order of the forward pass.
    public let head: [Operation]

    /// - Parameters:
    ///   - spec: a validated spec (`ModelSpec.validated(file:)`; the loader's specs are).
    ///   - latentDecode: the form latent attention takes (see `LatentAttentionDecode`);
    ///     parameters and memory are the same under both.
    public init(_ spec: ModelSpec, latentDecode: LatentAttentionDecode = .transformers) {
        self.spec = spec
        stacks = spec.stacks.map { $0.stack.operations(role: $0.role, width: spec.hiddenSize, latentDecode: latentDecode) }
        head = Self.headOperations(spec)
    }

    /// The prefix of a stack's lines in a breakdown: its role, when the model has two stacks.
    func prefix(_ role: StackRole) -> String { spec.isEncoderDecoder ? "\(role.rawValue)." : "" }

    private static func headOperations(_ spec: ModelSpec) -> [Operation] {
        let d = spec.hiddenSize, V = spec.vocabularySize, e = spec.embeddingProjectionSize ?? d
        func outside(_ component: FlopComponentName?, _ work: Work, _ weights: Weights?) -> Operation {
            Operation(component, work, weights: weights, recompute: .outsideLayers)
        }
        var ops = [outside(nil, .lookup, Weights(.tokenEmbedding, .product(V, e)))]
        if spec.embeddingProjectionSize != nil {
            // OPT-350m: project_in into the residual stream, project_out back before the LM head.
            ops.append(outside(.embeddingProjection, .linear(inputs: e, outputs: d, rows: .queries), Weights(.embeddingProjection, .product(e, d))))
            ops.append(outside(.embeddingProjection, .linear(inputs: d, outputs: e, rows: .queries), Weights(.embeddingProjection, .product(d, e))))
        }
        if spec.pooler {
            ops.append(outside(.pooler, .linear(inputs: d, outputs: d, rows: .firstToken), Weights(.pooler, .product(d, d) + d)))
            ops.append(outside(.poolerElementwise, .elementwise(flopsPerRow: ExactCount.product(d, 2), rows: .firstToken), nil))
        }
        if let lmHead = spec.lmHead {
            let weights = (lmHead.tied ? .zero : ExactCount.product(V, e)) + (lmHead.bias ? V : 0)
            // A tied head's matrix is the embedding's (stored once, as a lookup table).
            ops.append(outside(.lmHead, .linear(inputs: e, outputs: V, rows: .logits),
                               Weights(.lmHead, weights, matrices: lmHead.tied ? [] : nil)))
            if lmHead.bias { ops.append(outside(.lmHeadBias, .elementwise(flopsPerRow: ExactCount(V), rows: .logits), nil)) }
            if spec.decoder?.hybrid?.multipliers == true {
                ops.append(outside(.lmHeadMultiplier, .elementwise(flopsPerRow: ExactCount(V), rows: .logits), nil))
            }
        }
        return ops
    }
}
