/// Activation and cache memory, folded from the operations' `saved` and `cache` descriptions.
extension StackOperations {
    /// Bytes one layer of `group` keeps per token for the backward pass, and of those the bytes
    /// every tensor-parallel rank keeps whole.
    public func savedBytesPerToken(_ group: LayerGroup) -> (total: ExactCount, replicated: ExactCount) {
        group.operations.reduce((ExactCount.zero, ExactCount.zero)) { ($0.0 + $1.saved.bytesPerRow, $0.1 + $1.saved.replicatedBytesPerRow) }
    }

    /// Bytes one layer of `group` keeps per query·key pair (summed over heads and over its
    /// self- and cross-attention): what selective recomputation drops.
    public func savedBytesPerScore(_ group: LayerGroup) -> ExactCount {
        group.operations.reduce(ExactCount.zero) { $0 + ExactCount.product($1.saved.bytesPerScore, $1.saved.scoreHeads) }
    }

    /// Bytes the whole stack keeps per token, layer by layer (each group × its layer count), on
    /// one rank of a tensor-parallel group of `tp`: the replicated bytes whole, the rest split.
    /// Only the operations `including` accepts count. What a forward's element-wise kernels
    /// (norms, activations, rotary, residual adds) write and read around the GEMMs.
    public func keptBytesPerToken(tp: Int = 1, including: (Operation) -> Bool = { _ in true }) -> Double {
        let t = Double(max(1, tp))
        return layers.reduce(0.0) { sum, group in
            group.operations.filter(including).reduce(sum) { sum, op in
                let replicated = op.saved.replicatedBytesPerRow.doubleValue
                return sum + Double(group.count) * (replicated + (op.saved.bytesPerRow.doubleValue - replicated) / t)
            }
        }
    }

    /// The layer kind that keeps the most per token: what a pipeline stage holding any kind
    /// must plan for.
    public var largestLayer: LayerGroup? {
        layers.max { savedBytesPerToken($0).total < savedBytesPerToken($1).total }
    }

    /// Cached elements per new position over all layers (K and V of each self-attention layer),
    /// ignoring windows: what one more token adds until a window fills.
    var cachedElementsPerToken: ExactCount {
        fold { op, count in
            switch op.cache {
            case let .selfKeyValues(elements, _)?, let .latent(elements)?: ExactCount.product(count, elements)
            default: nil
            }
        }
    }

    /// Cached self-attention elements of one sequence of `seq` positions: windowed layers keep
    /// at most their window.
    func cachedSelfElements(seq: Int) -> ExactCount {
        fold { op, count in
            switch op.cache {
            case let .selfKeyValues(elements, window)?: ExactCount.product(count, elements, min(seq, window ?? seq))
            case let .latent(elements)?: ExactCount.product(count, elements, seq)
            default: nil
            }
        }
    }

    /// Recurrent-state elements of one sequence over all state-space layers (conv windows and SSM
    /// states): the same at any context length.
    var recurrentElementsPerSequence: ExactCount {
        fold { op, count in
            if case let .recurrentState(conv, state) = op.cache { ExactCount.product(count, conv + state) } else { nil }
        }
    }

    /// Cross-attention K/V elements of one sequence attending to `encoderPositions`.
    func cachedCrossElements(encoderPositions: Int) -> ExactCount {
        fold { op, count in if case let .crossKeyValues(elements) = op.cache { ExactCount.product(count, elements, encoderPositions) } else { nil } }
    }

    private func fold(_ value: (Operation, Int) -> ExactCount?) -> ExactCount {
        layers.reduce(ExactCount.zero) { sum, group in
            group.operations.reduce(sum) { $0 + (value($1, group.count) ?? .zero) }
        }
    }
}

extension StackOperations {
    /// Tensor-parallel reductions one layer's forward pass ends its blocks with (attention,
    /// cross-attention, FFN or experts: the row-parallel GEMMs that close a block), in the layer
    /// kind that has the most. The backward pass all-reduces as many input gradients.
    public var tensorParallelReductionsPerLayer: Int {
        layers.map { group in
            group.operations.filter { $0.tensorShard == .row(closesBlock: true) }.count
        }.max() ?? 0
    }

    /// Elements per token of the narrow all-reduces the stack's forward pass makes inside its
    /// blocks (Mamba's `x_proj` output), over all its layers.
    public var tensorParallelNarrowReductionElements: Int {
        layers.reduce(0) { total, group in
            total + group.count * group.operations.reduce(0) { sum, op in
                if case let .rowPartial(outputs) = op.tensorShard { sum + outputs } else { sum }
            }
        }
    }
}
