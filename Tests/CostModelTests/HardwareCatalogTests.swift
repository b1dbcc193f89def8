import Testing
@testable import CostModel

@Suite struct HardwareCatalogTests {
    @Test func catalogHoldsTheTenDevices() {
        #expect(HardwareCatalog.all.map(\.name) == ["a100-40gb-sxm", "a100-80gb-sxm", "h100-sxm", "h100-pcie", "h200",
                                                   "b200", "l4", "l40s", "mi300x", "cpu-server"])
    }

    @Test func peaksAreDenseNotSparse() throws {
        // Datasheet starred (2:4 sparse) figures: A100 BF16 624, H100 SXM 1979, L40S 733.
        #expect(try HardwareCatalog.named("a100").peak(.bf16).teraFLOPs == 312)
        #expect(try HardwareCatalog.named("h100").peak(.bf16).teraFLOPs == 989.4)
        #expect(try HardwareCatalog.named("l40s").peak(.bf16).teraFLOPs == 362.05)
        for spec in HardwareCatalog.all {
            if spec.kind == .gpu { #expect(spec.densePeaks[.fp16] == spec.densePeaks[.bf16], "\(spec.name)") }
            #expect(spec.specSource.dateRead == "2026-11-22" && spec.priceSource.url.hasPrefix("https://"), "\(spec.name)")
            #expect(spec.memoryGigabytes > 0 && spec.bandwidth.value > 0 && spec.tdp.value > 0 && spec.referencePrice.value > 0)
        }
    }

    @Test func lookupIgnoresCaseAndPunctuation() throws {
        #expect(try HardwareCatalog.named("H100_SXM").name == "h100-sxm")
        #expect(try HardwareCatalog.named("MI300X").name == "mi300x")
    }

    @Test func unknownHardwareSuggestsNearestNames() {
        #expect(HardwareCatalog.suggestions(for: "h100-sxn").first == "h100-sxm")
        #expect(HardwareCatalog.suggestions(for: "h20").contains("h200"))
        expectCostError(.hardware) { _ = try HardwareCatalog.named("h100-sxn") }
        do { _ = try HardwareCatalog.named("a10") } catch {
            #expect("\(error)".contains("did you mean a100-40gb-sxm"))
        }
    }

    @Test func missingPrecisionIsAnError() {
        expectCostError(.precision) { _ = try HardwareCatalog.a100_40gb.peak(.fp8) }
        expectCostError(.precision) { _ = try HardwareCatalog.cpuServer.peak(.tf32) }
    }
}
