/// Times the reference blocks at one layer shape: allocation and warm-up outside the timed
/// region, median of the budget's runs (`Timing.Budget`), FLOPs as the kernels themselves counted them.
struct KernelSuite {
    let threads: Int
    let parallelism: KernelParallelism
    let budget: Timing.Budget

    private func input(_ s: LayerShape) -> Matrix {
        Matrix(rows: s.seq, columns: s.dModel, randomScale: 1, seed: 99)
    }

    private func measure(_ name: String, _ s: LayerShape, bytes: Int, _ body: () throws -> Int) throws -> KernelMeasurement {
        var flops = 0
        let sample = try Timing.sample(budget) { flops = try body() }
        var m = KernelMeasurement(name: name, shape: s.description, sample: sample, flops: flops)
        m.minimumBytes = bytes
        return m
    }

    func attention(_ name: String, _ s: LayerShape) throws -> KernelMeasurement {
        try s.checkMemory(backward: false, workers: threads)
        let block = try AttentionBlock(shape: s, threads: threads, parallelism: parallelism)
        let x = input(s), y = Matrix(rows: s.seq, columns: s.dModel)
        return try measure(name, s, bytes: s.attentionBytes) { try block.forward(x.view, into: y.view) }
    }

    func ffn(_ name: String, _ s: LayerShape) throws -> KernelMeasurement {
        try s.checkMemory(backward: false, workers: threads)
        let block = try FeedForwardBlock(shape: s, threads: threads, parallelism: parallelism)
        let x = input(s), y = Matrix(rows: s.seq, columns: s.dModel)
        return try measure(name, s, bytes: s.ffnBytes) { try block.forward(x.view, into: y.view) }
    }

    func layer(_ s: LayerShape) throws -> KernelMeasurement {
        try s.checkMemory(backward: false, workers: threads)
        let layer = try TransformerLayer(shape: s, threads: threads, parallelism: parallelism)
        let x = input(s), y = Matrix(rows: s.seq, columns: s.dModel)
        return try measure("layer", s, bytes: s.layerBytes) { try layer.forward(x.view, into: y.view) }
    }

    /// Backward only (the forward that fills the cached activations runs once, untimed).
    func attentionBackward(_ s: LayerShape) throws -> KernelMeasurement {
        try s.checkMemory(backward: true, workers: threads)
        let block = try AttentionBlock(shape: s, threads: threads, parallelism: parallelism)
        let x = input(s), y = Matrix(rows: s.seq, columns: s.dModel), dx = Matrix(rows: s.seq, columns: s.dModel)
        try block.forward(x.view, into: y.view)
        return try measure("attention_backward", s, bytes: 2 * s.attentionBytes) {
            try block.backward(x.view, outputGradient: y.view, inputGradient: dx.view)
        }
    }

    func ffnBackward(_ s: LayerShape) throws -> KernelMeasurement {
        try s.checkMemory(backward: true, workers: threads)
        let block = try FeedForwardBlock(shape: s, threads: threads, parallelism: parallelism)
        let x = input(s), y = Matrix(rows: s.seq, columns: s.dModel), dx = Matrix(rows: s.seq, columns: s.dModel)
        try block.forward(x.view, into: y.view)
        return try measure("ffn_backward", s, bytes: 2 * s.ffnBytes) {
            try block.backward(x.view, outputGradient: y.view, inputGradient: dx.view)
        }
    }

    /// The other attention variant of `s`: grouped-query (a quarter, third or half of the heads
    /// as K/V heads) when `s` is multi-head, multi-head when `s` is grouped.
    static func attentionVariant(of s: LayerShape) -> (name: String, shape: LayerShape)? {
        var v = s
        if s.kvHeads < s.heads {
            v.kvHeads = s.heads
            return ("attention_mha", v)
        }
        guard let f = [4, 3, 2].first(where: { s.heads % $0 == 0 && s.heads >= $0 }) else { return nil }
        v.kvHeads = s.heads / f
        return ("attention_gqa", v)
    }

    /// The other FFN variant: SwiGLU when `s` is plain GELU, GELU when it is gated.
    static func ffnVariant(of s: LayerShape) -> (name: String, shape: LayerShape) {
        var v = s
        v.gated.toggle()
        return (s.gated ? "ffn_plain" : "ffn_gated", v)
    }
}
