import ParallelPlan

extension TensorParallelStep {
    /// One step part by part, as `plan --serve` and `validate --published` print it.
    var json: JSONValue {
        .object([("attention_projections_seconds", .number(attentionProjections.value)), ("attention_core_seconds", .number(attentionCore.value)),
                 ("ffn_seconds", .number(ffn.value)), ("lm_head_seconds", .number(lmHead.value)),
                 ("elementwise_seconds", .number(elementwise.value)), ("all_reduce_seconds", .number(allReduce.value)), ("seconds", .number(total.value))])
    }
}
