import Foundation
import Testing
@testable import HostBench

@Suite struct ReportTests {
    static let cpuinfo = """
        processor\t: 0
        model name\t: AMD EPYC
        cpu MHz\t\t: 2596.000
        physical id\t: 0
        core id\t\t: 0
        flags\t\t: fpu sse sse2 avx fma avx2

        processor\t: 1
        model name\t: AMD EPYC
        cpu MHz\t\t: 2445.426
        physical id\t: 0
        core id\t\t: 1
        flags\t\t: fpu sse sse2 avx fma avx2

        """

    @Test func nominalPeakIsCoresTimesFLOPPerCycleTimesClock() throws {
        let peak = NominalPeak.estimate(cpuinfo: Self.cpuinfo, maxFrequencyKHz: nil)
        #expect(peak.cores == 2)
        #expect(peak.flopsPerCycle == 32)
        #expect(peak.isa == "avx2+fma")
        // 2 cores × 32 FLOP/cycle × 2596 MHz = 166.144 GFLOP/s (the highest 'cpu MHz' is used).
        #expect(abs(try #require(peak.gflops) - 166.144) < 1e-9)
        #expect(peak.assumptions.count == 3)
        #expect(peak.assumptions.contains { $0.contains("cpu MHz") })
        let boosted = NominalPeak.estimate(cpuinfo: Self.cpuinfo, maxFrequencyKHz: 4_200_000)
        #expect(abs(try #require(boosted.gflops) - 268.8) < 1e-9)
        #expect(boosted.assumptions.contains { $0.contains("cpuinfo_max_freq") })
    }

    /// One logical CPU of an AMD part: `family`/`model` as /proc/cpuinfo prints them (decimal).
    static func amd(family: Int, model: Int, flags: String) -> String {
        "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: \(family)\nmodel\t\t: \(model)\n"
            + "cpu MHz\t\t: 2000.000\nflags\t\t: \(flags)\n"
    }

    @Test func amdCoresWithNarrowDatapathsGetTheirRealFLOPPerCycle() {
        // Zen 4 (Genoa, family 0x19 model 0x11): AVX-512 flags, 256-bit FMA pipes.
        let zen4 = NominalPeak.estimate(cpuinfo: Self.amd(family: 25, model: 17, flags: "avx fma avx2 avx512f"), maxFrequencyKHz: nil)
        #expect(zen4.flopsPerCycle == 32)
        #expect(zen4.isa == "avx512f")
        #expect(zen4.assumptions[0].contains("Zen 4"))
        // Zen 5 (Turin, family 0x1A): full 512-bit datapaths.
        #expect(NominalPeak.estimate(cpuinfo: Self.amd(family: 26, model: 2, flags: "avx fma avx2 avx512f"), maxFrequencyKHz: nil).flopsPerCycle == 64)
        // Zen 1 (Naples, family 0x17 model 1): AVX2 on 128-bit pipes; Zen 2 (Rome, model 0x31) does not.
        #expect(NominalPeak.estimate(cpuinfo: Self.amd(family: 23, model: 1, flags: "avx fma avx2"), maxFrequencyKHz: nil).flopsPerCycle == 16)
        #expect(NominalPeak.estimate(cpuinfo: Self.amd(family: 23, model: 49, flags: "avx fma avx2"), maxFrequencyKHz: nil).flopsPerCycle == 32)
    }

    @Test func smtSiblingsCountAsOneCore() {
        let smt = Self.cpuinfo.replacingOccurrences(of: "core id\t\t: 1", with: "core id\t\t: 0")
        #expect(NominalPeak.estimate(cpuinfo: smt, maxFrequencyKHz: nil).cores == 1)
    }

    static func sampleReport() -> BenchReport {
        let nominal = NominalPeak.estimate(cpuinfo: cpuinfo, maxFrequencyKHz: nil)
        let measured = MeasuredPeak(gflops: 268, isa: "avx2+fma", threads: 2, method: "test")
        let kernels = [
            KernelMeasurement(name: "sgemm_1024x1024x1024", shape: "m=n=k=1024", seconds: 0.0143, bestSeconds: 0.014, flops: 2 << 30, repeats: 3),
            KernelMeasurement(name: "ffn", shape: LayerShape.default.description, seconds: 0.035, bestSeconds: 0.034, flops: LayerShape.default.ffnFLOPs, repeats: 3),
            // A rate above the measured peak: the peak must follow it so no fraction exceeds 1.
            KernelMeasurement(name: "attention", shape: "", seconds: 1e-3, bestSeconds: 1e-3, flops: 300_000_000_000, repeats: 3),
        ]
        return BenchRunner.assemble(
            configuration: BenchConfiguration(quick: true), host: HostDescription(
                cpuModel: "AMD EPYC", isa: "avx2+fma", cores: 2, logicalCPUs: 2, openblasConfig: "OpenBLAS 0.3.21",
                openblasCore: "Zen", memAvailableBytes: nil),
            measured: measured, nominal: nominal, bandwidth: 20, kernels: kernels, ratios: ["attention": 2.1, "ffn": 2.0])
    }

    @Test func fractionsOfPeakNeverExceedOne() {
        let report = Self.sampleReport()
        #expect(report.kernels.allSatisfy { $0.fractionOfPeak <= 1 && $0.fractionOfBestSGEMM <= 1 })
        #expect(report.notes.contains { $0.hasPrefix("attention ran at") })
        #expect(report.peakGFLOPS == 300_000)
        #expect(report.peakSource.hasPrefix("best observed rate (attention"))
        #expect(report.notes.contains { $0.contains("nominal peak") })
    }

    @Test func jsonKeysAreTheDocumentedSnakeCaseNames() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Self.sampleReport().jsonData()) as? [String: Any])
        for key in ["schema_version", "llmcost_version", "date", "host", "threads", "peak_gflops", "peak_source",
                    "nominal_peak_gflops", "best_sgemm_gflops", "bandwidth_gbps", "kernels", "backward_forward_ratios"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let kernel = try #require((json["kernels"] as? [[String: Any]])?.first)
        for key in ["name", "seconds", "flops", "gflops", "fraction_of_best_sgemm", "fraction_of_peak", "shape"] {
            #expect(kernel[key] != nil, "missing kernels[].\(key)")
        }
        let host = try #require(json["host"] as? [String: Any])
        for key in ["cpu_model", "isa", "cores", "openblas_config"] { #expect(host[key] != nil, "missing host.\(key)") }
    }

    @Test func anUnknownNominalPeakIsNullNotMissing() throws {
        var report = Self.sampleReport()
        report.nominalPeakGFLOPS = nil
        let text = try #require(String(data: try report.jsonData(), encoding: .utf8))
        #expect(text.contains("\"nominal_peak_gflops\" : null"))
        #expect(try JSONDecoder().decode(BenchReport.self, from: report.jsonData()) == report)
    }

    @Test func profileRoundTripsThroughAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hostbench-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = Self.sampleReport()
        try report.save(to: path)
        #expect(try BenchReport.load(from: path) == report)
    }

    @Test func unwritableAndUnreadablePathsThrowClearErrors() {
        let report = Self.sampleReport()
        #expect(throws: HostBenchError.unwritablePath(path: "/no/such/dir/p.json", reason: "directory /no/such/dir does not exist")) {
            try report.save(to: "/no/such/dir/p.json")
        }
        #expect(throws: HostBenchError.self) { try report.save(to: FileManager.default.temporaryDirectory.path) }
        #expect(throws: HostBenchError.self) { try BenchReport.load(from: "/no/such/profile.json") }
    }

    @Test func badConfigurationsThrowBeforeMeasuring() {
        #expect(throws: HostBenchError.self) { try BenchConfiguration(threads: 0).validate() }
        #expect(throws: HostBenchError.self) { try BenchConfiguration(repeats: 0).validate() }
        #expect(throws: HostBenchError.self) { try BenchConfiguration(squareSizes: [-4]).validate() }
        #expect(throws: HostBenchError.self) {
            try BenchRunner.run(configuration: BenchConfiguration(shape: LayerShape(dModel: 8, heads: 3, seq: 4, ffn: 4)))
        }
    }

    @Test func variantsAreTheOtherAttentionAndFFNKinds() throws {
        let gqa = try #require(KernelSuite.attentionVariant(of: .default))
        #expect(gqa.name == "attention_gqa" && gqa.shape.kvHeads == 3)
        var grouped = LayerShape.default
        grouped.kvHeads = 4
        #expect(KernelSuite.attentionVariant(of: grouped)?.name == "attention_mha")
        #expect(KernelSuite.ffnVariant(of: .default).name == "ffn_gated")
    }
}
