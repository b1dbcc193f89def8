/// gpt-oss's attention sinks as an operation (`GptOssAttention.sinks`, transformers 5.23).
extension StackSpec {
    /// Each head's learned sink logit is concatenated to every query's score row, the softmax runs
    /// over `keys + 1` logits and the sink's probability is dropped. It owns `heads` weights per
    /// layer and adds no GEMM (`FlopCounterMode` counts nothing for it) and no cached state; under
    /// `full` it costs one more softmaxed logit per head and query (exp, sum, divide:
    /// `softmaxPerScore · heads` per row), rerun with the attention core.
    func attentionSinkOperation() -> Operation {
        let heads = attention.heads
        return Operation(.softmax, .elementwise(flopsPerRow: ExactCount.product(heads, ElementwiseCost.softmaxPerScore), rows: .queries),
                         weights: Weights(.attention, ExactCount(heads)), recompute: .attentionCore)
    }
}
