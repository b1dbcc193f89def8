import Foundation

extension LayerShape {
    /// Throws on a zero or negative size, `heads` not dividing `dModel` (unless the heads'
    /// total width is exactly `dModel`), `kvHeads` not dividing `heads`, or a shape whose
    /// products overflow. `dModel` need not equal `heads·headDim`: Gemma's heads are wider.
    public func validate() throws {
        for (field, value) in [("d_model", dModel), ("heads", heads), ("kv_heads", kvHeads),
                               ("head_dim", headDim), ("seq", seq), ("ffn", ffn)] where value <= 0 {
            throw HostBenchError.invalidShape(field: field, reason: "must be positive, got \(value)")
        }
        guard dModel % heads == 0 || heads * headDim == dModel else {
            throw HostBenchError.invalidShape(
                field: "heads", reason: "(\(heads)) must divide d_model (\(dModel))")
        }
        guard heads % kvHeads == 0 else {
            throw HostBenchError.invalidShape(
                field: "kv_heads", reason: "(\(kvHeads)) must divide heads (\(heads))")
        }
        guard workingSetBytes(backward: true) != nil else {
            throw HostBenchError.invalidShape(field: "seq", reason: "makes the working set overflow")
        }
        for (name, value) in [("seq", seq), ("d_model", dModel), ("ffn", ffnInputWidth), ("qkv width", qkvWidth)]
        where Int32(exactly: value) == nil {
            throw HostBenchError.invalidShape(field: name, reason: "(\(value)) does not fit OpenBLAS's 32-bit sizes")
        }
    }

    /// Throws `HostBenchError.insufficientMemory` when the buffers of a layer forward (and
    /// backward) pass at this shape exceed `available` bytes (default: MemAvailable).
    public func checkMemory(backward: Bool, workers: Int = 64, available: Int? = HostMemory.availableBytes()) throws {
        try validate()
        guard let available else { return }
        let needed = workingSetBytes(backward: backward, workers: workers) ?? .max
        if needed > available {
            throw HostBenchError.insufficientMemory(
                neededBytes: needed, availableBytes: available, what: "a layer at \(description)")
        }
    }

    /// Bytes of every buffer the reference layer allocates, or `nil` on overflow.
    ///
    /// Weights `d·qkvW + attnW·d + d·ffnIn + ffn·d`, activations `S·(qkvW + attnW + ffnIn + ffn
    /// + 6·d)` and attention probabilities `heads·S²`; backward doubles the weights (gradients)
    /// and the activations (their gradients) and adds one `S×S` score-gradient scratch per worker
    /// (`workers`; 64 when the caller does not know how many will run).
    public func workingSetBytes(backward: Bool, workers: Int = 64) -> Int? {
        func product(_ xs: Int...) -> Int? {
            var r = 1
            for x in xs {
                let (v, o) = r.multipliedReportingOverflow(by: x)
                if o { return nil }
                r = v
            }
            return r
        }
        guard let wq = product(dModel, qkvWidth), let wo = product(attentionWidth, dModel),
              let w1 = product(dModel, ffnInputWidth), let w2 = product(ffn, dModel),
              let act = product(seq, qkvWidth + attentionWidth + ffnInputWidth + ffn + 6 * dModel),
              let probs = product(heads, seq, seq), let scratch = product(max(1, min(workers, 64)), seq, seq)
        else { return nil }
        let weights = wq + wo + w1 + w2
        var floats = weights + act + probs
        if backward { floats += weights + act + scratch }
        return product(floats, MemoryLayout<Float>.size)
    }
}
