import Testing
@testable import CostModel

@Suite struct HardwareCatalogTests {
    @Test func catalogHoldsTheDatasheetDevicesThenThe2026Additions() {
        #expect(HardwareCatalog.all.map(\.name) == ["a100-40gb-sxm", "a100-80gb-sxm", "h100-sxm", "h100-pcie", "h200",
                                                   "b200", "l4", "l40s", "mi300x", "cpu-server",
                                                   "gb200", "h800", "rtx-4090", "rtx-5090", "mi325x", "gaudi3",
                                                   "tpu-v5e", "tpu-v5p", "tpu-v6e", "m3-max", "m4-max"])
        // Every name and alias finds one device.
        let spellings = HardwareCatalog.all.flatMap { [$0.name] + $0.aliases }.map(HardwareCatalog.normalised)
        #expect(Set(spellings).count == spellings.count)
    }

    @Test func peaksAreDenseNotSparse() throws {
        // Datasheet starred (2:4 sparse) figures: A100 BF16 624, H100 SXM 1979, L40S 733.
        #expect(try HardwareCatalog.named("a100").peak(.bf16).teraFLOPs == 312)
        #expect(try HardwareCatalog.named("h100").peak(.bf16).teraFLOPs == 989.4)
        #expect(try HardwareCatalog.named("l40s").peak(.bf16).teraFLOPs == 362.05)
        #expect(HardwareCatalog.h100SXM.sparsePeaks[.bf16]?.teraFLOPs == 1978.8)
        #expect(HardwareCatalog.b200.sparsePeaks[.fp4]?.teraFLOPs == 18_000)
        #expect(HardwareCatalog.gb200.densePeaks[.bf16]?.teraFLOPs == 2500)
        for spec in HardwareCatalog.all {
            if spec.kind == .gpu, spec.densePeaks[.bf16] != nil { #expect(spec.densePeaks[.fp16] == spec.densePeaks[.bf16], "\(spec.name)") }
            // A sparse figure is never below the dense one, never at FP32, and only where a dense one is known.
            for (precision, sparse) in spec.sparsePeaks {
                #expect(precision != .fp32, "\(spec.name)")
                #expect(sparse.value >= (spec.densePeaks[precision]?.value ?? 0), "\(spec.name) \(precision)")
            }
            #expect(spec.specSource.url.hasPrefix("https://") && spec.specSource.dateRead.hasPrefix("2026-"), "\(spec.name)")
            #expect(spec.memoryGigabytes > 0 && spec.bandwidth.value > 0, "\(spec.name)")
            #expect((spec.tdp?.value ?? 1) > 0 && (spec.referencePrice?.value ?? 1) > 0, "\(spec.name)")
            // A price comes with its source.
            #expect((spec.referencePrice == nil) == (spec.priceSource == nil), "\(spec.name)")
        }
    }

    /// Figures a vendor does not publish are absent, not filled in.
    @Test func unpublishedFiguresAreAbsent() {
        for tpu in [HardwareCatalog.tpuV5e, HardwareCatalog.tpuV5p, HardwareCatalog.tpuV6e] {
            #expect(tpu.sparsePeaks.isEmpty && tpu.tdp == nil && tpu.densePeaks[.fp32] == nil, "\(tpu.name)")
        }
        for apple in [HardwareCatalog.m3Max, HardwareCatalog.m4Max] {
            #expect(apple.densePeaks.isEmpty && apple.tdp == nil && apple.links == nil, "\(apple.name)")
        }
        #expect(HardwareCatalog.m4Max.bandwidth.value == 546e9)
        #expect(HardwareCatalog.gaudi3.sparsePeaks.isEmpty)
        #expect(HardwareCatalog.rtx5090.densePeaks[.bf16] == nil)
    }

    @Test func aDeviceWithoutAPriceOrAPeakAsksForTheParameter() throws {
        expectCostError(.pricePerHour) { _ = try HardwareProfile.datasheet(HardwareCatalog.tpuV6e, mfu: 0.4) }
        let priced = try HardwareProfile.datasheet(HardwareCatalog.tpuV6e, mfu: 0.4, pricePerHour: DollarsPerHour(2.7))
        #expect(priced.peak.teraFLOPs == 918 && priced.tdp == nil)
        expectCostError(.precision) { _ = try HardwareProfile.datasheet(HardwareCatalog.m4Max, mfu: 0.4, pricePerHour: DollarsPerHour(1)) }
        do { _ = try HardwareCatalog.m4Max.peak(.bf16) } catch {
            #expect("\(error)".contains("none published"))
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
            #expect("\(error)".contains("did you mean 'a100-40gb-sxm'"))
        }
    }

    @Test func missingPrecisionIsAnError() {
        expectCostError(.precision) { _ = try HardwareCatalog.a100_40gb.peak(.fp8) }
        expectCostError(.precision) { _ = try HardwareCatalog.cpuServer.peak(.tf32) }
    }
}

/// A stated MFU is labelled as the user's; only an absent one is called the default.
@Suite struct StatedUtilisationTests {
    @Test func anExplicitMFUEqualToTheDefaultIsNotCalledTheDefault() throws {
        let given = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, mfu: HardwareProfile.defaultMFU)
        let absent = try HardwareProfile.datasheet(HardwareCatalog.h100SXM, mfu: nil)
        #expect(given.utilisation == absent.utilisation)
        #expect(given.sources["utilisation"]?.description.contains("default") == false)
        #expect(absent.sources["utilisation"]?.description.contains("default;") == true)
    }
}

extension StatedUtilisationTests {
    /// Far from every name, a lookup suggests nothing rather than three arbitrary devices.
    @Test func aNameFarFromEveryDeviceSuggestsNothing() {
        #expect(HardwareCatalog.suggestions(for: "zzzzqqq").isEmpty)
        #expect(HardwareCatalog.didYouMean("zzzzqqq").isEmpty)
        #expect(HardwareCatalog.didYouMean("h100sxmx").hasPrefix("; did you mean 'h100-sxm'"))
    }
}

/// Each catalog device's matmul ceiling is a measurement with its source, or the measured devices'
/// median where nobody measured it; none is invented for a device.
@Suite struct AchievableMatmulTests {
    @Test func measuredDevicesCarryTheTablesFraction() throws {
        #expect(HardwareCatalog.a100_80gb.matmulCeiling.fraction == 267.9 / 312)
        #expect(HardwareCatalog.a100_40gb.matmulCeiling.fraction == 267.9 / 312)
        #expect(HardwareCatalog.h100SXM.matmulCeiling.fraction == 792.1 / 989)
        #expect(HardwareCatalog.mi300x.matmulCeiling.fraction == 781.9 / 1300)
        let h800 = try HardwareCatalog.named("h800")
        #expect(h800.matmulCeiling.fraction == 792.1 / 989)
        #expect(h800.matmulCeiling.source.note?.description.contains("H100") == true)
    }

    /// Six measured devices: the median is the mean of the middle two (H100 SXM, A100 PCIe).
    @Test func unmeasuredDevicesGetTheMedianOfTheMeasuredOnes() throws {
        let median = (792.1 / 989 + 256.4 / 312) / 2
        #expect(abs(HardwareCatalog.unmeasuredMatmul.fraction - median) < 1e-15)
        for name in ["h100-pcie", "h200", "b200", "tpu-v5p"] {
            let spec = try HardwareCatalog.named(name)
            #expect(spec.achievableMatmul == nil, "\(name)")
            #expect(spec.matmulCeiling == HardwareCatalog.unmeasuredMatmul, "\(name)")
        }
    }

    /// FP8 on the H800 and H100 SXM prices at DeepGEMM's measured FP8 ceiling; every other
    /// precision, and FP8 on a device nobody measured it on, at the BF16 fraction.
    @Test func fp8OnHopperTakesDeepGEMMsCeilingAndEverythingElseTheBF16Fraction() throws {
        for name in ["h800", "h100-sxm"] {
            let spec = try HardwareCatalog.named(name)
            #expect(spec.matmulCeiling(.fp8).fraction == 1550 / 1978.9, "\(name)")
            #expect(spec.matmulCeiling(.bf16) == spec.matmulCeiling, "\(name)")
        }
        for name in ["a100-80gb", "h200", "mi300x"] {
            let spec = try HardwareCatalog.named(name)
            #expect(spec.matmulCeiling(.fp8) == spec.matmulCeiling, "\(name)")
        }
    }
}
