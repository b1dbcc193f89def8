import Benchmark
import Foundation
import Workload

// ordo-one/benchmark suite for the counting side: the whole catalog (every ModelSpecs/ file)
// loaded and counted, so "counting the catalog takes milliseconds" is a measurement, not a claim.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal], warmupIterations: 3,
        scalingFactor: .one, maxDuration: .seconds(3), maxIterations: 500)

    /// Parameters, a 2048-token prefill, a decode step (models that decode) and training.
    func countEverything(_ spec: ModelSpec) throws -> Int128 {
        let parameters = try ParameterCount.report(for: spec).total
        let counter = try FlopCounter(spec: spec, convention: .matmul)
        let seq = min(2048, spec.contextWindow ?? 2048)
        let prefill = try counter.prefill(batch: 1, seq: seq).total
        let decode = spec.lmHead != nil && spec.decoder != nil ? try counter.decode(batch: 1, context: seq - 1).total : 0
        let train = try counter.train(batch: 1, seq: seq).total
        return parameters &+ prefill &+ decode &+ train
    }

    Benchmark("catalog: load every spec file and count it", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            var checksum: Int128 = 0
            for entry in try ModelCatalog.entries() {
                checksum &+= try countEverything(try ModelLoader.load(entry.name).spec)
            }
            blackHole(checksum)
        }
    }

    Benchmark("catalog: count every spec (already parsed)", configuration: configuration) { benchmark in
        let specs = try ModelCatalog.entries().map { try ModelLoader.load($0.name).spec }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var checksum: Int128 = 0
            for spec in specs { checksum &+= try countEverything(spec) }
            blackHole(checksum)
        }
    }
}
