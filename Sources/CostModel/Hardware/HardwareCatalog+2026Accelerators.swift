import Workload

/// AMD's MI325X and Intel's Gaudi 3, added for 2026.
extension HardwareCatalog {
    /// The MI300X's compute (same CDNA 3 dies) with 256 GB of HBM3E at 6 TB/s, on the same platform.
    public static let mi325x = HardwareSpec(
        name: "mi325x", displayName: "AMD Instinct MI325X 256GB", aliases: ["amd-mi325x"],
        kind: .gpu, densePeaks: peaks(fp32: 163.4, tf32: 653.7, bf16: 1307.4, fp8: 2614.9, int8: 2614.9),
        memoryGigabytes: 256, bandwidth: .giga(6000), tdp: Watts(1000), referencePrice: nil,
        specSource: SourceReference(
            "AMD Instinct MI325X accelerator product page / data sheet",
            url: "https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html",
            dateRead: read2026, note: "dense matrix figures; AMD's sparse FP16/BF16/FP8/INT8 figures are twice these (FP8 5,229.8); 1,000 W board power; no rental price of record in this catalog"),
        priceSource: nil, links: .mi300xPlatform).withSparsePeaksTwiceDense(at: [.bf16, .fp16, .fp8, .int8]).withComputeUnits(304)

    /// Gaudi 3 (HL-325L OAM): the matrix engines' BF16 and FP8 rate. Its scale-up network is
    /// the chip's own 24 × 200 GbE RoCE ports, which the interconnect catalog does not hold.
    public static let gaudi3 = HardwareSpec(
        name: "gaudi3", displayName: "Intel Gaudi 3 128GB (OAM)", aliases: ["intel-gaudi3", "hl-325l"],
        kind: .accelerator, densePeaks: [.bf16: .tera(1835), .fp8: .tera(1835)],
        memoryGigabytes: 128, bandwidth: .giga(3700), tdp: Watts(900), referencePrice: nil,
        specSource: SourceReference(
            "Intel Gaudi 3 AI accelerator white paper",
            url: "https://www.intel.com/content/www/us/en/content-details/817486/intel-gaudi-3-ai-accelerator-white-paper.html",
            dateRead: read2026, note: "MME BF16 and FP8 1,835 TFLOPS (dense; no sparse rate published); 128 GB HBM2e at 3.7 TB/s; 900 W OAM; FP32/TF32 matrix rates not used here; links (integrated RoCE) not catalogued"),
        priceSource: nil, links: nil)
}
