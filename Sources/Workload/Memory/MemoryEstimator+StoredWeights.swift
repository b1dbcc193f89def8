extension MemoryEstimator {
    /// Weight bytes as a checkpoint's safetensors files hold them: every stored byte (whatever
    /// its dtype, scales included), with the routed experts apart so a decode step reads only
    /// their routed share. The files may hold more than transformers builds; `storedWeightNotes`
    /// names those groups.
    func storedComponents(_ stored: CheckpointReport) -> [MemoryComponent] {
        let dense = stored.totalBytes - stored.routedExpertBytes
        let types = stored.bytesByDType.map { "\($0.dtype) \($0.bytes) B" }.joined(separator: ", ")
        var components = [MemoryComponent(
            name: "stored_weights", bytes: ExactCount(dense),
            formula: "the safetensors files' tensor bytes (\(types))\(stored.routedExpertBytes > 0 ? " less the routed experts'" : "")")]
        if stored.routedExpertBytes > 0 {
            components.append(MemoryComponent(name: ParameterGroup.experts.rawValue, bytes: ExactCount(stored.routedExpertBytes),
                                              formula: "the routed experts' tensors (….experts.…) as stored"))
        }
        return components
    }

    /// Says that the weights are the checkpoint's stored bytes, and what they hold beyond the model.
    func storedWeightNotes(_ stored: CheckpointReport) -> [String] {
        var notes = ["weights as the checkpoint's \(stored.files.count) safetensors file(s) store them: \(stored.totalBytes) bytes of tensors (a weight dtype, if named, prices the model's parameters instead)"]
        for g in stored.differences {
            notes.append("the files' \(g.name) (\(g.tensors) tensors, \(g.bytes) bytes) are included: \(g.reason)")
        }
        return notes
    }
}
