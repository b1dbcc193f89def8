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
        let profile = try HostProfileFile.decode(Data(Self.sample.utf8), path: "p.json")
        #expect(profile.peakSource == "fma-loop (12 chains, avx2)")
        let hw = try HardwareProfile.measured(profile, path: "p.json", pricePerHour: DollarsPerHour(0.05))
        #expect(hw.origin == .measured(path: "p.json", kernel: "layer"))
        expectClose(hw.effectiveThroughput.value, 130e9, within: 1e-12)
        // Utilisation derived from measurement: 130 ÷ 268.4.
        expectClose(hw.utilisation, 130 / 268.4)
        expectClose(hw.bandwidth?.value ?? 0, 21.5e9)
    }

    @Test func trainingOnAMeasuredHostUsesTheMeasuredBackward() throws {
        // layer 130e9 FLOP in 1 s; attention_backward 100e9 in 0.6 s; ffn_backward 160e9 in 0.9 s:
        // (130 + 100 + 160)e9 ÷ 2.5 s = 156 GFLOP/s, not the forward-only 130.
        let profile = HostMeasurement(peakGflops: 268, bestSgemmGflops: 150, kernels: [
            .init(name: "layer", seconds: 1, flops: 130e9, gflops: nil),
            .init(name: "attention_backward", seconds: 0.6, flops: 100e9, gflops: nil),
            .init(name: "ffn_backward", seconds: 0.9, flops: 160e9, gflops: nil),
        ])
        let hw = try HardwareProfile.measured(profile, path: "p.json", pricePerHour: DollarsPerHour(0.1))
        expectClose(hw.effectiveThroughput.value, 130e9)
        expectClose(hw.effectiveTrainingThroughput.value, 156e9)
        // 6 × 1e6 parameters × 1e6 tokens = 6e12 FLOP ÷ 156e9 FLOP/s = 38.4615 s.
        let cost = try TrainingCost.estimate(model: .rule(name: "m", parameters: 1_000_000), tokens: 1_000_000, hardware: hw)
        expectClose(cost.deviceTime.value, 6e12 / 156e9)
        expectClose(cost.hfu, 156 / 268.0)
    }

    @Test func backwardRatiosStandInForMissingBackwardKernels() throws {
        // layer 80e9 FLOP in 1 s; attention 0.4 s and ffn 0.5 s forward, backward 2× and 2.2× as long:
        // 3 × 80e9 ÷ (1 + 2 × 0.4 + 2.2 × 0.5) = 240e9 ÷ 2.9 s = 82.76 GFLOP/s.
        let profile = HostMeasurement(peakGflops: 200, kernels: [
            .init(name: "layer", seconds: 1, flops: 80e9, gflops: nil),
            .init(name: "attention", seconds: 0.4, flops: 30e9, gflops: nil),
            .init(name: "ffn", seconds: 0.5, flops: 50e9, gflops: nil),
        ], backwardForwardRatios: ["attention": 2, "ffn": 2.2])
        let hw = try HardwareProfile.measured(profile, path: "p.json", pricePerHour: DollarsPerHour(0.1))
        expectClose(hw.effectiveTrainingThroughput.value, 240e9 / 2.9)
    }

    @Test func anExplicitMFUOnAMeasuredProfileIsRejected() {
        let profile = HostMeasurement(peakGflops: 268, bestSgemmGflops: 140)
        expectCostError(.mfu) { _ = try HardwareProfile.measured(profile, path: "p.json", pricePerHour: DollarsPerHour(1), mfu: 0.9) }
        do { _ = try HardwareProfile.measured(profile, path: "p.json", pricePerHour: DollarsPerHour(1), mfu: 0.9) } catch {
            #expect("\(error)".contains("0.522 here"))   // 140 ÷ 268
        }
    }

    @Test func measuredBandwidthIsAlreadyAchieved() throws {
        let hw = try HardwareProfile.measured(HostMeasurement(peakGflops: 268, bestSgemmGflops: 140, bandwidthGbps: 20),
                                              path: "p.json", pricePerHour: DollarsPerHour(1))
        #expect(hw.bandwidthUtilisation == 1)
        expectClose(hw.effectiveBandwidth?.value ?? 0, 20e9)
    }

    @Test func fallsBackToBestSgemmWithoutALayerKernel() throws {
        let profile = HostMeasurement(peakGflops: 268, bestSgemmGflops: 150)
        let hw = try HardwareProfile.measured(profile, path: "p.json", pricePerHour: DollarsPerHour(1))
        #expect(hw.origin == .measured(path: "p.json", kernel: "best_sgemm"))
        expectClose(hw.effectiveThroughput.value, 150e9)
    }

    @Test func utilisationNeverExceedsOne() throws {
        // Without a stated peak the highest measured rate is the peak: utilisation 1, said to be derived.
        let profile = HostMeasurement(bestSgemmGflops: 150)
        let hw = try HardwareProfile.measured(profile, path: "p.json", pricePerHour: DollarsPerHour(1))
        #expect(hw.utilisation == 1)
        expectClose(hw.effectiveThroughput.value, 150e9)
        // A rate above a stated peak is refused (HostProfileRepairTests), never clamped to 1.
    }

    @Test func wrongSchemaVersionIsAClearError() {
        expectCostError(.hardware) { _ = try HostProfileFile.decode(Data(#"{"schema_version": 2}"#.utf8), path: "p.json") }
        do { _ = try HostProfileFile.decode(Data(#"{"schema_version": 2}"#.utf8), path: "p.json") } catch {
            #expect((error as? CostError)?.message.description == "p.json: schema_version 2 is not supported (this llmcost reads version 1)")
        }
        expectCostError(.hardware) { _ = try HostProfileFile.decode(Data(#"{"threads": 2}"#.utf8), path: "p.json") }
        do { _ = try HostProfileFile.decode(Data(#"{"schema_version": "1"}"#.utf8), path: "p.json") } catch {
            #expect((error as? CostError)?.message.description == "p.json: schema_version must be an integer (expected 1), got the string \"1\"")
        }
        expectCostError(.hardware) { _ = try HostProfileFile.decode(Data(#"{"schema_version": true}"#.utf8), path: "p.json") }
        expectCostError(.hardware) { _ = try HostProfileFile.decode(Data("[1]".utf8), path: "p.json") }
        expectCostError(.hardware) { _ = try HostProfileFile.decode(Data("not json".utf8), path: "p.json") }
        expectCostError(.hardware) { _ = try HostProfileFile.decode(Data(#"{"schema_version": 1, "threads": "two"}"#.utf8), path: "p.json") }
        expectCostError(.hardware) { _ = try HostProfileFile.read(path: "/nonexistent/profile.json") }
    }

    @Test func aProfileWithoutThroughputOrPriceIsRejected() {
        expectCostError(.hardware) { _ = try HardwareProfile.measured(HostMeasurement(), path: "p.json", pricePerHour: DollarsPerHour(1)) }
        expectCostError(.pricePerHour) { _ = try HardwareProfile.measured(HostMeasurement(bestSgemmGflops: 1), path: "p.json", pricePerHour: nil) }
    }
}
