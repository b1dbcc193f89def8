import Testing
@testable import CostModel

@Suite struct SeedRecomputationTests {
    @Test func datasheetH100AndH200AtStatedMFU() throws {
        let hardware = try SeedAudit.datasheetHardware(mfu: 0.4)
        #expect(hardware.map(\.name) == ["h100-sxm", "h200"])
        let h100 = SeedAudit.recomputed(on: hardware[0])
        let gpt3 = try #require(h100.first { $0.id == "gpt3-pretraining" })
        // 5.25e23 FLOP ÷ (989.4e12 × 0.4) = 1.32656e9 s × $2.94/h ÷ 3600
        expectClose(try #require(gpt3.value), 5.25e23 / (989.4e12 * 0.4) * 2.94 / 3600)
        expectClose(gpt3.seedValue, 1_059_114.583333, within: 1e-9)
        #expect(gpt3.seedText == "$1,059,114.58")   // formatted like the recomputed figure
        let per1K = try #require(h100.first { $0.id == "gpt4-turbo-inference-per-1k" })
        expectClose(try #require(per1K.value), 1000 * 2 * 1.776e12 / (989.4e12 * 0.4) * 2.94 / 3600)
        // H200: same peak, price 4.54 $/h.
        let h200 = SeedAudit.recomputed(on: hardware[1])
        expectClose(try #require(h200.first { $0.id == "gpt3-pretraining" }?.value), 5.25e23 / (989.4e12 * 0.4) * 4.54 / 3600)
    }

    @Test func measuredHostThroughputPassedIn() throws {
        let profile = MeasuredHostProfile(peakGflops: 268, peakSource: "fma-loop", bestSgemmGflops: 150,
                                          kernels: [.init(name: "layer", seconds: 2, flops: 280e9, gflops: nil)])
        let host = try HardwareProfile.measured(profile, path: "host.json", pricePerHour: DollarsPerHour(0.10))
        expectClose(host.effectiveThroughput.value, 140e9)
        let rows = SeedAudit.recomputed(on: host)
        let gpt3 = try #require(rows.first { $0.id == "gpt3-pretraining" })
        expectClose(try #require(gpt3.value), 5.25e23 / 140e9 * 0.10 / 3600)
    }

    @Test func breakEvenThatNeverHappensIsSaidNotInfinite() throws {
        // A slow, expensive device: inference alone costs more than $0.02/1K.
        let slow = try HardwareProfile(name: "slow", origin: .stated, peak: .tera(1), utilisation: 1, bandwidth: nil,
                                       memoryGigabytes: nil, tdp: nil, pricePerHour: DollarsPerHour(10), sources: [:])
        let row = try #require(SeedAudit.recomputed(on: slow).first { $0.id == "breakeven-tokens-per-month" })
        #expect(row.value == nil)
        #expect(row.text.hasPrefix("never"))
    }
}
