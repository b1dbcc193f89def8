import Foundation
import Testing
@testable import CostModel

@Suite struct MeasuredProfileTests {
    static let sample = """
    {"schema_version": 1, "threads": 2, "peak_gflops": 268.4, "peak_source": "fma-loop (12 chains, avx2)",
     "best_sgemm_gflops": 148.9, "bandwidth_gbps": 21.5,
     "kernels": [{"name": "ffn", "seconds": 0.5, "flops": 70000000000, "gflops": 140.0},
                 {"name": "layer", "seconds": 1.0, "flops": 130000000000, "gflops": 130.0}],
     "host": {"cpu": "AMD EPYC", "cores": 2, "avx2": true, "extra": {"nested": 1}},
     "date": "2026-11-22T10:00:00Z", "llmcost_version": "0.1.0", "unknown_key": [1, 2]}
    """

    @Test func readsTolerantlyAndUsesTheLayerKernel() throws {
        let profile = try MeasuredHostProfile.decode(Data(Self.sample.utf8), path: "p.json")
        #expect(profile.host?["cpu"] == .string("AMD EPYC"))
        #expect(profile.host?["extra"] == .other)
        let hw = try HardwareProfile.measured(profile, path: "p.json", pricePerHour: DollarsPerHour(0.05))
        #expect(hw.origin == .measured(path: "p.json", kernel: "layer"))
        expectClose(hw.effectiveThroughput.value, 130e9, within: 1e-12)
        // Utilisation derived from measurement: 130 ÷ 268.4.
        expectClose(hw.utilisation, 130 / 268.4)
        expectClose(hw.bandwidth?.value ?? 0, 21.5e9)
    }

    @Test func fallsBackToBestSgemmWithoutALayerKernel() throws {
        let profile = MeasuredHostProfile(peakGflops: 268, bestSgemmGflops: 150)
        let hw = try HardwareProfile.measured(profile, path: "p.json", pricePerHour: DollarsPerHour(1))
        #expect(hw.origin == .measured(path: "p.json", kernel: "best_sgemm"))
        expectClose(hw.effectiveThroughput.value, 150e9)
    }

    @Test func utilisationNeverExceedsOne() throws {
        let profile = MeasuredHostProfile(peakGflops: 100, bestSgemmGflops: 150)
        let hw = try HardwareProfile.measured(profile, path: "p.json", pricePerHour: DollarsPerHour(1))
        #expect(hw.utilisation == 1)
        expectClose(hw.effectiveThroughput.value, 150e9)
    }

    @Test func wrongSchemaVersionIsAClearError() {
        expectCostError("--hardware") { _ = try MeasuredHostProfile.decode(Data(#"{"schema_version": 2}"#.utf8), path: "p.json") }
        do { _ = try MeasuredHostProfile.decode(Data(#"{"schema_version": 2}"#.utf8), path: "p.json") } catch {
            #expect("\(error)" == "--hardware: p.json: schema_version 2 is not supported (this llmcost reads version 1)")
        }
        expectCostError("--hardware") { _ = try MeasuredHostProfile.decode(Data(#"{"threads": 2}"#.utf8), path: "p.json") }
        do { _ = try MeasuredHostProfile.decode(Data(#"{"schema_version": "1"}"#.utf8), path: "p.json") } catch {
            #expect("\(error)" == "--hardware: p.json: schema_version must be an integer (expected 1), got 1")
        }
        expectCostError("--hardware") { _ = try MeasuredHostProfile.decode(Data(#"{"schema_version": true}"#.utf8), path: "p.json") }
        expectCostError("--hardware") { _ = try MeasuredHostProfile.decode(Data("[1]".utf8), path: "p.json") }
        expectCostError("--hardware") { _ = try MeasuredHostProfile.decode(Data("not json".utf8), path: "p.json") }
        expectCostError("--hardware") { _ = try MeasuredHostProfile.decode(Data(#"{"schema_version": 1, "threads": "two"}"#.utf8), path: "p.json") }
        expectCostError("--hardware") { _ = try MeasuredHostProfile.load(path: "/nonexistent/profile.json") }
    }

    @Test func aProfileWithoutThroughputOrPriceIsRejected() {
        expectCostError("--hardware") { _ = try HardwareProfile.measured(MeasuredHostProfile(), path: "p.json", pricePerHour: DollarsPerHour(1)) }
        expectCostError("--price-per-hour") { _ = try HardwareProfile.measured(MeasuredHostProfile(bestSgemmGflops: 1), path: "p.json", pricePerHour: nil) }
    }
}
