import CostModel
import ParallelPlan

extension PredictedGeneration.Step {
    /// One step part by part, as `plan --serve`, `validate --published` and `cost infer` print it.
    var json: JSONValue {
        .object(parts.map { ("\($0.key)_seconds", .number($0.time.value)) }
            + [("compute_bound_seconds", .number(computeBound.value)), ("memory_bound_seconds", .number(memoryBound.value)),
               ("seconds", .number(total.value))])
    }
}

extension TensorParallelStep {
    var json: JSONValue { byPart.json }
}
