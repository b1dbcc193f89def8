import Testing
@testable import CostModel

@Suite struct SeedRecomputationTests {
    @Test func datasheetH100AndH200AtStatedMFU() throws {
        let hardware = try SeedAudit.datasheetHardware(mfu: 0.4)
        #expect(hardware.map(\.name) == ["h100-sxm", "h200"])
        let h100 = try SeedAudit.recomputed(on: hardware[0])
        let gpt3 = try #require(h100.first { $0.id == "gpt3-pretraining" })
        // Exact 5.38186715136e23 FLOP ÷ (989.4e12 × 0.4) × $2.94/h ÷ 3600 = $1,110,569.92
        expectClose(try #require(gpt3.value), 1_076_373_430_272 * 500e9 / (989.4e12 * 0.4) * 2.94 / 3600)
        expectClose(gpt3.seedValue, 1_059_114.583333, within: 1e-9)
        #expect(gpt3.seedText == "$1,059,114.58")   // formatted like the recomputed figure
        let h200 = try SeedAudit.recomputed(on: hardware[1])
        expectClose(try #require(h200.first { $0.id == "gpt3-pretraining" }?.value), 1_076_373_430_272 * 500e9 / (989.4e12 * 0.4) * 4.54 / 3600)
    }

    @Test func recomputedInferenceCountsEachDevicesBandwidth() throws {
        let hardware = try SeedAudit.datasheetHardware(mfu: 0.4)
        // Batch 256, all experts read, each device at the share of its bandwidth a memory-bound kernel
        // was measured to reach (H100: 3,000 of 3,350 GB/s; H200, unmeasured: the measured median):
        // 3.552e12 B ÷ (3.35e12 × 0.896) = 1.184 s per step on H100, ÷ (4.8e12 × 0.889) = 0.832 s on
        // H200; compute 256 × 8.88e11 ÷ 395.76e12 = 0.5744 s: memory-bound on both.
        let h100u = 3000.0 / 3350, h200u = (3000.0 / 3350 + 1800.0 / 2039) / 2
        let h100 = try #require(try SeedAudit.recomputed(on: hardware[0]).first { $0.id == "gpt4-turbo-inference-per-1k" })
        expectClose(try #require(h100.value), 1000 * (3.552e12 / (3.35e12 * h100u)) / 256 * 2.94 / 3600)
        let h200 = try #require(try SeedAudit.recomputed(on: hardware[1]).first { $0.id == "gpt4-turbo-inference-per-1k" })
        expectClose(try #require(h200.value), 1000 * (3.552e12 / (4.8e12 * h200u)) / 256 * 4.54 / 3600)
        #expect(h200.description.contains("memory-bound"))
        // At batch 4096 the same step is compute-bound: 4096 × 8.88e11 ÷ 395.76e12 = 9.19 s > 1.184 s.
        let big = try #require(try SeedAudit.recomputed(on: hardware[0], batch: 4096).first { $0.id == "gpt4-turbo-inference-per-1k" })
        expectClose(try #require(big.value), 1000 * 2 * 444e9 / (989.4e12 * 0.4) * 2.94 / 3600)
    }

    @Test func measuredHostThroughputPassedIn() throws {
        let profile = HostMeasurement(peakGflops: 268, peakSource: "fma-loop", bestSgemmGflops: 150,
                                          kernels: [.init(name: "layer", seconds: 2, flops: 280e9, gflops: nil)])
        let host = try HardwareProfile.measured(profile, path: "host.json", pricePerHour: DollarsPerHour(0.10))
        expectClose(host.effectiveThroughput.value, 140e9)
        let rows = try SeedAudit.recomputed(on: host)
        let gpt3 = try #require(rows.first { $0.id == "gpt3-pretraining" })
        // No backward kernels in this profile: training at the forward rate, 140 GFLOP/s.
        expectClose(try #require(gpt3.value), 1_076_373_430_272 * 500e9 / 140e9 * 0.10 / 3600)
    }

    @Test func breakEvenThatNeverHappensIsSaidNotInfinite() throws {
        // A slow, expensive device: inference alone costs more than $0.02/1K.
        let slow = try HardwareProfile(name: "slow", origin: .stated, peak: .tera(1), utilisation: 1, bandwidth: nil,
                                       memoryGigabytes: nil, tdp: nil, pricePerHour: DollarsPerHour(10), sources: [:])
        let row = try #require(try SeedAudit.recomputed(on: slow).first { $0.id == "breakeven-tokens-per-month" })
        #expect(row.value == nil)
        #expect(row.text.hasPrefix("never"))
    }
}
