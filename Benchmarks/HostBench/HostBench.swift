import Benchmark
import HostBench

// ordo-one/benchmark suite for the reference kernels at the NumPy peer's shape (d 768, 12 heads,
// seq 512, ffn 3072). Throughput is in FLOPs: scaledIterations × the FLOPs one run issues.
// Thread counts are pinned: two threads, the kernels' default (hybrid) parallelism, which sets
// OpenBLAS's thread count itself in every phase (2 for projections, 1 inside the head workers),
// so runs are comparable between machines and days.
let benchmarks: @Sendable () -> Void = {
    let workers = 2
    let shape = LayerShape.default
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], warmupIterations: 2,
        scalingFactor: .one, maxDuration: .seconds(3), maxIterations: 50)

    func input() -> Matrix { Matrix(rows: shape.seq, columns: shape.dModel, randomScale: 1, seed: 1) }

    Benchmark("sgemm 2048 (OpenBLAS 2 threads)", configuration: configuration) { benchmark in
        let a = Matrix(rows: 2048, columns: 2048, randomScale: 1, seed: 1)
        let b = Matrix(rows: 2048, columns: 2048, randomScale: 1, seed: 2)
        let c = Matrix(rows: 2048, columns: 2048)
        BLAS.setThreads(workers)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try BLAS.gemm(a.view, b.view, into: c.view)) }
    }

    Benchmark("attention forward", configuration: configuration) { benchmark in
        let block = try AttentionBlock(shape: shape, threads: workers)
        let x = input(), y = Matrix(rows: shape.seq, columns: shape.dModel)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try block.forward(x.view, into: y.view)) }
    }

    Benchmark("ffn forward", configuration: configuration) { benchmark in
        let block = try FeedForwardBlock(shape: shape, threads: workers)
        let x = input(), y = Matrix(rows: shape.seq, columns: shape.dModel)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try block.forward(x.view, into: y.view)) }
    }

    Benchmark("layer forward", configuration: configuration) { benchmark in
        let layer = try TransformerLayer(shape: shape, threads: workers)
        let x = input(), y = Matrix(rows: shape.seq, columns: shape.dModel)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try layer.forward(x.view, into: y.view)) }
    }

    Benchmark("attention backward", configuration: configuration) { benchmark in
        let block = try AttentionBlock(shape: shape, threads: workers)
        let x = input(), y = Matrix(rows: shape.seq, columns: shape.dModel), dx = Matrix(rows: shape.seq, columns: shape.dModel)
        try block.forward(x.view, into: y.view)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try block.backward(x.view, outputGradient: y.view, inputGradient: dx.view))
        }
    }

    Benchmark("ffn backward", configuration: configuration) { benchmark in
        let block = try FeedForwardBlock(shape: shape, threads: workers)
        let x = input(), y = Matrix(rows: shape.seq, columns: shape.dModel), dx = Matrix(rows: shape.seq, columns: shape.dModel)
        try block.forward(x.view, into: y.view)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try block.backward(x.view, outputGradient: y.view, inputGradient: dx.view))
        }
    }
}
