/// What a DeepSeek checkpoint stores beyond the parameters transformers builds: the
/// multi-token-prediction modules and the routers' score-correction biases. Reported beside the
/// count so the two totals (transformers' and the checkpoint's) can both be read off.
extension ModelSpec {
    /// One multi-token-prediction module (DeepSeek-V3 §2.2, checkpoint `model.layers.<L>`): a
    /// decoder layer like the last one (experts included), `eh_proj` (2d → d, no bias), `enorm`,
    /// `hnorm` and `shared_head.norm`; plus its own copies of the embedding and the LM head
    /// (`copies`, 2·V·d), which share their values with the main model's.
    public func predictionModuleParameters() throws(CountOverflow) -> (module: Int128, copies: Int128) {
        func weights(_ g: LayerGroup) -> ExactCount { g.operations.reduce(ExactCount.zero) { $0 + ($1.weights?.count ?? .zero) } }
        // The last layer is a sparse one whenever any is: the largest layer kind.
        guard let decoder = ModelOperations(self).stacks.first(where: { $0.role == .decoder }),
              let layer = decoder.layers.map(weights).max()
        else { return (0, 0) }
        let d = hiddenSize
        let module = try (layer + ExactCount.product(2, d, d) + ExactCount.product(3, d)).checked("multi-token-prediction module")
        let copies = try ExactCount.product(2, vocabularySize, d).checked("multi-token-prediction copies")
        return (module, copies)
    }

    /// Lines for a parameter report: the checkpoint's extras, each with its size.
    public func checkpointExtraNotes() -> [String] {
        var notes: [String] = []
        if let n = predictionModules, n > 0, let counts = try? predictionModuleParameters() {
            let all = Int128(n) * counts.module
            notes.append("multi-token prediction (num_nextn_predict_layers \(n)): the checkpoint also holds \(n) module(s) of \(all) parameters (+ \(counts.copies) in copies of the embedding and LM head); transformers does not build them, so they are not in the total")
        }
        if let s = decoder, let moe = s.moe, moe.routing?.scoreCorrectionBias == true {
            let values = ExactCount.product(moe.sparseLayers(of: s.layers), moe.experts)
            notes.append("e_score_correction_bias: \(values) values (\(moe.experts) per sparse layer) stored in the checkpoint in fp32; transformers 5.23 holds them as buffers, not parameters, so they are not in the total")
        }
        return notes
    }
}
