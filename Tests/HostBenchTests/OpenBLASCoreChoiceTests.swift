import Testing
@testable import HostBench

/// When OpenBLAS's own CPU detection is overruled, and to what.
@Suite struct OpenBLASCoreChoiceTests {
    static let sapphireRapids = """
        processor\t: 0
        vendor_id\t: GenuineIntel
        model name\t: Intel(R) Xeon(R) Processor
        flags\t\t: fpu sse sse2 avx avx2 fma avx512f avx512dq avx512bw avx512vl avx512_bf16 avx512_fp16
        """
    static let epyc = """
        processor\t: 0
        vendor_id\t: AuthenticAMD
        flags\t\t: fpu sse sse2 avx avx2 fma
        """

    @Test func aFallbackCoreOnAnAVX512CPUBecomesSkylakeX() {
        #expect(OpenBLASCoreChoice.correction(chosen: "Prescott", environment: [:], cpuinfo: Self.sapphireRapids) == "SkylakeX")
        #expect(OpenBLASCoreChoice.correction(chosen: "Nehalem", environment: [:], cpuinfo: Self.epyc) == "Zen")
    }

    @Test func aRecognisedCPUOrAUserChoiceIsLeftAlone() {
        #expect(OpenBLASCoreChoice.correction(chosen: "SkylakeX", environment: [:], cpuinfo: Self.sapphireRapids) == nil)
        #expect(OpenBLASCoreChoice.correction(chosen: "Zen", environment: [:], cpuinfo: Self.epyc) == nil)
        #expect(OpenBLASCoreChoice.correction(chosen: "Prescott", environment: ["OPENBLAS_CORETYPE": "Prescott"],
                                              cpuinfo: Self.sapphireRapids) == nil)
        // Restarted once already: never loop.
        #expect(OpenBLASCoreChoice.correction(chosen: "Prescott", environment: ["LLMCOST_OPENBLAS_FALLBACK": "Prescott"],
                                              cpuinfo: Self.sapphireRapids) == nil)
    }

    @Test func aCPUWithoutAVX2KeepsItsFallback() {
        let old = "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu sse sse2 sse3\n"
        #expect(OpenBLASCoreChoice.correction(chosen: "Prescott", environment: [:], cpuinfo: old) == nil)
    }
}
