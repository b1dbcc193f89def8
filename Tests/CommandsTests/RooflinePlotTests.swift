import Foundation
import Testing
@testable import Commands
@testable import HostBench

/// `bench --plot`: the measured roofline as SVG, every kernel placed by its intensity.
@Suite struct RooflinePlotTests {
    static func report() -> BenchReport {
        let shape = LayerShape.default
        var gemm = KernelMeasurement(name: "sgemm_512x512x64", shape: "", seconds: 0.001, bestSeconds: 0.001, flops: 2 * 512 * 512 * 64, repeats: 5)
        gemm.minimumBytes = LayerShape.compulsoryBytes(m: 512, n: 512, k: 64)
        var ffn = KernelMeasurement(name: "ffn", shape: shape.description, seconds: 0.05, bestSeconds: 0.05, flops: shape.ffnFLOPs, repeats: 5)
        ffn.minimumBytes = shape.ffnBytes
        let unknown = KernelMeasurement(name: "old_kernel", shape: "", seconds: 0.05, bestSeconds: 0.05, flops: 1000, repeats: 5)
        return BenchRunner.assemble(
            configuration: BenchConfiguration(quick: true), host: HostDescription(
                cpuModel: "Test CPU", isa: "avx2+fma", cores: 2, logicalCPUs: 2, openblasConfig: "OpenBLAS",
                openblasCore: "Zen", memAvailableBytes: nil),
            measured: MeasuredPeak(gflops: 200, isa: "avx2+fma", threads: 2, method: "FMA loop"), nominal: .estimate(cpuinfo: "", maxFrequencyKHz: nil),
            bandwidth: 20, kernels: [gemm, ffn, unknown], ratios: [:])
    }

    @Test func everyKernelWithAKnownIntensityIsPlacedUnderTheRoof() throws {
        let plot = RooflinePlot(report: Self.report())
        #expect(plot.points.map(\.name) == ["sgemm_512x512x64", "ffn"], "a kernel without bytes has no intensity to plot")
        let gemm = try #require(plot.points.first)
        // 2·m·n·k ÷ 4·(mk + kn + mn) FLOP per byte.
        #expect(abs(gemm.intensity - Double(2 * 512 * 512 * 64) / Double(4 * (512 * 64 + 64 * 512 + 512 * 512))) < 1e-12)
        let svg = plot.svg()
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(svg.contains("FMA peak 200 GFLOP/s") && svg.contains("20.0 GB/s"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2 * plot.points.count)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test func onlySVGIsWritten() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("roofline-\(UUID().uuidString).png").path
        #expect(throws: (any Error).self) { try RooflinePlot(report: Self.report()).write(to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
