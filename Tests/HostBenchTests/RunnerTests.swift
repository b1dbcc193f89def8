import Testing
@testable import HostBench

/// The whole run at a tiny shape: names, FLOPs and progress, never timings.
@Suite struct RunnerTests {
    @Test func aTinyRunReportsEveryKernelWithItsFLOPs() throws {
        let shape = LayerShape(dModel: 24, heads: 3, kvHeads: 3, headDim: 8, seq: 7, ffn: 40)
        var lines: [String] = []
        let report = try BenchRunner.run(
            configuration: BenchConfiguration(shape: shape, threads: 2, quick: true, repeats: 1,
                                              squareSizes: [16, 32], bandwidthBytesPerArray: 1 << 20,
                                              minimumSecondsPerKernel: 0)
        ) { lines.append($0) }
        let names = Set(report.kernels.map(\.name))
        #expect(names.isSuperset(of: ["sgemm", "attention", "attention_gqa", "ffn", "ffn_gated", "layer",
                                      "attention_backward", "ffn_backward", "sgemm_32x32x32", "sgemm_7x72x24"]))
        #expect(report.kernel("attention")?.flops == shape.attentionFLOPs)
        #expect(report.kernel("ffn")?.flops == shape.ffnFLOPs)
        #expect(report.kernel("layer")?.flops == shape.layerFLOPs)
        #expect(report.kernel("attention_backward")?.flops == 2 * shape.attentionFLOPs)
        #expect(report.kernel("ffn_backward")?.flops == 2 * shape.ffnFLOPs)
        #expect(report.kernel("sgemm_32x32x32")?.flops == 2 * 32 * 32 * 32)
        #expect(report.kernels.allSatisfy { $0.fractionOfPeak <= 1 && $0.gflops >= 0 })
        #expect(report.threads == 2 && report.schemaVersion == 1)
        #expect(Set(report.backwardForwardRatios.keys) == ["attention", "ffn"])
        #expect(lines.count > 5)
    }

    @Test func theModuleEntryPointIsHostBenchRun() {
        // Compile-time check that the CLI can write `HostBench.run(configuration:progress:)`.
        let entry: (BenchConfiguration, (String) -> Void) throws -> BenchReport = HostBench.run(configuration:progress:)
        _ = entry
    }
}
