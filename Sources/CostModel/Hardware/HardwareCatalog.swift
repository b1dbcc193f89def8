import Workload

/// The datasheet catalog: every device with its dense (and, where printed, sparse) peaks,
/// memory, bandwidth, power and a reference price where there is one, each figure with its
/// source and the date it was read. The devices added for 2026 (`HardwareCatalog+2026*.swift`)
/// have the same shape of entry; a figure their vendor does not publish is absent, not guessed.
///
/// All tensor-core peaks are **dense**. Datasheets print the 2:4-sparsity figure (twice the
/// dense rate) beside or instead of the dense one; where only the sparse figure is printed
/// the catalog halves it and says so in the source note.
public enum HardwareCatalog {
    /// Date the figures below were read (through the stored copies of the cited pages).
    static let read = "2026-11-22"

    public static let all: [HardwareSpec] = nvidia + [mi300x, cpuServer] + added2026

    /// Datacenter parts of 2024–25 and what people own or rent for local inference in 2026.
    static let added2026: [HardwareSpec] = [gb200, h800, rtx4090, rtx5090, mi325x, gaudi3, tpuV5e, tpuV5p, tpuV6e, m3Max, m4Max]

    static let nvidia: [HardwareSpec] = [a100_40gb, a100_80gb, h100SXM, h100PCIe, h200, b200, l4, l40s]

    /// Builds the peak table from TFLOP/s figures; `fp16` mirrors `bf16`.
    static func peaks(fp32: Double, tf32: Double?, bf16: Double, fp8: Double?, int8: Double?) -> [Precision: FLOPsPerSecond] {
        var table: [Precision: FLOPsPerSecond] = [.fp32: .tera(fp32), .bf16: .tera(bf16), .fp16: .tera(bf16)]
        if let tf32 { table[.tf32] = .tera(tf32) }
        if let fp8 { table[.fp8] = .tera(fp8) }
        if let int8 { table[.int8] = .tera(int8) }
        return table
    }

    /// One provider's price list, on-demand column (the catalog's other prices are of the same kind).
    static func runPodPricing(_ row: String) -> SourceReference {
        SourceReference("Deploybase, RunPod GPU pricing: 2026 comprehensive pricing guide (data as of March 2026)",
                        url: "https://deploybase.ai/articles/runpod-gpu-pricing", dateRead: read,
                        note: "\(row); indicative, one provider — pass \(InputParameter.pricePerHour)")
    }

    static let a100Datasheet = SourceReference(
        "NVIDIA A100 Tensor Core GPU datasheet",
        url: "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf",
        dateRead: read, note: "dense figures; the datasheet's starred figures (TF32 312, BF16 624, INT8 1248) are with sparsity; no FP8")

    /// 312 TFLOP/s dense BF16 is the seeds' "312 TFLOPS" (which they mislabel "per Watt").
    public static let a100_40gb = HardwareSpec(
        name: "a100-40gb-sxm", displayName: "NVIDIA A100 40GB SXM4", aliases: ["a100", "a100-40gb", "a100-sxm4-40gb"],
        kind: .gpu, densePeaks: peaks(fp32: 19.5, tf32: 156, bf16: 312, fp8: nil, int8: 624),
        memoryGigabytes: 40, bandwidth: .giga(1555), tdp: Watts(400), referencePrice: DollarsPerHour(2.2659),
        specSource: a100Datasheet,
        priceSource: SourceReference(
            "Azure Linux VM pricing, ND96asr A100 v4, 3-year reserved, per GPU (the seeds' figure)",
            url: "https://azure.microsoft.com/en-us/pricing/details/virtual-machines/linux/#pricing",
            dateRead: read, note: "as quoted by seeds 002/003 (2024); not re-read from Azure"),
        links: .hgxA100).withSparsePeaksTwiceDense().withComputeUnits(108)
        .withMeasuredMatmul("NVIDIA A100 SXM", note: "the table does not say 40 or 80 GB: one GA100 chip at the same clocks")

    public static let a100_80gb = HardwareSpec(
        name: "a100-80gb-sxm", displayName: "NVIDIA A100 80GB SXM4", aliases: ["a100-80gb", "a100-sxm4-80gb"],
        kind: .gpu, densePeaks: peaks(fp32: 19.5, tf32: 156, bf16: 312, fp8: nil, int8: 624),
        memoryGigabytes: 80, bandwidth: .giga(2039), tdp: Watts(400), referencePrice: DollarsPerHour(2.45),
        specSource: a100Datasheet,
        priceSource: runPodPricing("A100 SXM 80GB on-demand (spot $1.39; the $1.19 often quoted is A100 PCIe spot)"),
        links: .hgxA100).withSparsePeaksTwiceDense().withComputeUnits(108)
        .withMeasuredMatmul("NVIDIA A100 SXM", note: "the table does not say 40 or 80 GB: one GA100 chip at the same clocks")
        .withMeasuredBandwidth("NVIDIA A100 80GB SXM")

    static let h100Datasheet = SourceReference(
        "NVIDIA H100 Tensor Core GPU datasheet (SXM and PCIe columns)",
        url: "https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet",
        dateRead: read, note: "datasheet prints sparse tensor figures (BF16 1,979 SXM / 1,513 PCIe); halved to dense; SXM dense values as tabulated at glennklockwood.com/garden/processors/h100")

    public static let h100SXM = HardwareSpec(
        name: "h100-sxm", displayName: "NVIDIA H100 SXM5 80GB", aliases: ["h100", "h100-sxm5"],
        kind: .gpu, densePeaks: peaks(fp32: 66.9, tf32: 494.7, bf16: 989.4, fp8: 1978.9, int8: 1978.9),
        memoryGigabytes: 80, bandwidth: .giga(3350), tdp: Watts(700), referencePrice: DollarsPerHour(2.94),
        specSource: h100Datasheet,
        priceSource: SourceReference("gpu.blog, NVIDIA H100 SXM provider marketplace (\"enterprise choice\")",
                                     url: "https://gpu.blog/gpus/nvidia-h100-sxm", dateRead: read,
                                     note: "indicative on-demand; the same page lists $1.90 as cheapest"),
        links: .hgxH100).withSparsePeaksTwiceDense().withComputeUnits(132).withMeasuredMatmul("NVIDIA H100 SXM")
        .withMeasuredFP8Matmul(note: "the H100 SXM5 has the H800's GH100 SMs and clocks")
        .withMeasuredBandwidth("NVIDIA H800 SXM5", note: "the H100 SXM5 has the H800's memory: the same five HBM3 stacks at 3.35 TB/s")

    public static let h100PCIe = HardwareSpec(
        name: "h100-pcie", displayName: "NVIDIA H100 PCIe 80GB", aliases: ["h100-pcie-80gb"],
        kind: .gpu, densePeaks: peaks(fp32: 51, tf32: 378, bf16: 756, fp8: 1513, int8: 1513),
        memoryGigabytes: 80, bandwidth: .giga(2000), tdp: Watts(350), referencePrice: DollarsPerHour(2.39),
        specSource: h100Datasheet,
        priceSource: SourceReference("gpu.blog, NVIDIA H100 PCIe provider marketplace (RunPod)",
                                     url: "https://gpu.blog/gpus/nvidia-h100-pcie", dateRead: read,
                                     note: "indicative on-demand"),
        links: .pcieH100).withSparsePeaksTwiceDense().withComputeUnits(114)

    public static let h200 = HardwareSpec(
        name: "h200", displayName: "NVIDIA H200 SXM 141GB", aliases: ["h200-sxm"],
        kind: .gpu, densePeaks: peaks(fp32: 66.9, tf32: 494.7, bf16: 989.4, fp8: 1978.9, int8: 1978.9),
        memoryGigabytes: 141, bandwidth: .giga(4800), tdp: Watts(700), referencePrice: DollarsPerHour(4.54),
        specSource: SourceReference(
            "NVIDIA H200 Tensor Core GPU product page / datasheet", url: "https://www.nvidia.com/en-us/data-center/h200/",
            dateRead: read, note: "same GH100 compute as H100 SXM; sparse tensor figures (BF16 1,979, FP8 3,958) halved to dense"),
        priceSource: SourceReference("Spheron, NVIDIA H200 vs B200 vs GB200 (on-demand, 17 Mar 2026)",
                                     url: "https://www.spheron.network/blog/nvidia-h200-vs-b200-vs-gb200", dateRead: read,
                                     note: "indicative on-demand, one provider"),
        links: .hgxH100).withSparsePeaksTwiceDense().withComputeUnits(132)

    /// HGX B200 board figures ÷ 8, halved from sparse; FP4 144 PF sparse per board → 9 PF dense per GPU.
    static let b200Peaks = peaks(fp32: 75, tf32: 1125, bf16: 2250, fp8: 4500, int8: 4500).merging([.fp4: .tera(9000)]) { $1 }

    public static let b200 = HardwareSpec(
        name: "b200", displayName: "NVIDIA B200 (HGX, 1000 W)", aliases: ["b200-sxm", "hgx-b200"],
        kind: .gpu, densePeaks: b200Peaks,
        memoryGigabytes: 180, bandwidth: .giga(8000), tdp: Watts(1000), referencePrice: DollarsPerHour(6.03),
        specSource: SourceReference(
            "NVIDIA HGX platform specifications (HGX B200, 8 GPUs)", url: "https://www.nvidia.com/en-us/data-center/hgx/",
            dateRead: read, note: "per GPU = 8-GPU board figures ÷ 8 (TF32 18 PF, BF16 36 PF, FP8/INT8 72 P, FP4 144 PF sparse → halved); GB200's 1200 W B200 is faster (BF16 2.5 PF dense)"),
        priceSource: SourceReference("Spheron, NVIDIA H200 vs B200 vs GB200 (on-demand, 17 Mar 2026)",
                                     url: "https://www.spheron.network/blog/nvidia-h200-vs-b200-vs-gb200", dateRead: read,
                                     note: "indicative on-demand, one provider"),
        links: .hgxB200).withSparsePeaksTwiceDense().withComputeUnits(148)

    public static let l4 = HardwareSpec(
        name: "l4", displayName: "NVIDIA L4 24GB", aliases: ["nvidia-l4"],
        kind: .gpu, densePeaks: peaks(fp32: 30.3, tf32: 60, bf16: 121, fp8: 242.5, int8: 242.5),
        memoryGigabytes: 24, bandwidth: .giga(300), tdp: Watts(72), referencePrice: DollarsPerHour(0.78),
        specSource: SourceReference(
            "NVIDIA L4 Tensor Core GPU datasheet", url: "https://www.nvidia.com/en-us/data-center/l4/",
            dateRead: read, note: "datasheet prints sparse figures (TF32 120, BF16 242, FP8/INT8 485); halved to dense"),
        priceSource: runPodPricing("L4 on-demand (spot $0.44; Modal lists $0.80)"),
        links: .pcieInference).withSparsePeaksTwiceDense().withComputeUnits(58)

    public static let l40s = HardwareSpec(
        name: "l40s", displayName: "NVIDIA L40S 48GB", aliases: ["nvidia-l40s"],
        kind: .gpu, densePeaks: peaks(fp32: 91.6, tf32: 183, bf16: 362.05, fp8: 733, int8: 733),
        memoryGigabytes: 48, bandwidth: .giga(864), tdp: Watts(350), referencePrice: DollarsPerHour(1.861),
        specSource: SourceReference(
            "NVIDIA L40S GPU datasheet", url: "https://www.nvidia.com/en-us/data-center/l40s/",
            dateRead: read, note: "starred datasheet figures (TF32 366, BF16 733, FP8 1,466) are with sparsity; dense used"),
        priceSource: SourceReference("Modal, How much does it cost to run NVIDIA L40S GPUs in 2025 (AWS g6e, on-demand, us-east-1)",
                                     url: "https://modal.com/blog/nvidia-l40s-price-article", dateRead: read,
                                     note: "indicative on-demand, August 2025"),
        links: .pcieInference).withSparsePeaksTwiceDense().withComputeUnits(142)

    public static let mi300x = HardwareSpec(
        name: "mi300x", displayName: "AMD Instinct MI300X 192GB", aliases: ["amd-mi300x"],
        kind: .gpu, densePeaks: peaks(fp32: 163.4, tf32: 653.7, bf16: 1307.4, fp8: 2614.9, int8: 2614.9),
        memoryGigabytes: 192, bandwidth: .giga(5300), tdp: Watts(750), referencePrice: DollarsPerHour(1.85),
        specSource: SourceReference(
            "AMD Instinct MI300X data sheet",
            url: "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/amd-instinct-mi300x-data-sheet.pdf",
            dateRead: read, note: "dense matrix figures; AMD's sparse figures are twice these"),
        priceSource: SourceReference("gpu.blog, AMD Instinct MI300X provider marketplace (Vultr)",
                                     url: "https://gpu.blog/gpus/instinct-mi300x-mi300x", dateRead: read,
                                     note: "indicative on-demand"),
        links: .mi300xPlatform).withSparsePeaksTwiceDense(at: [.bf16, .fp16, .fp8, .int8]).withComputeUnits(304)
        .withMeasuredMatmul("AMD MI300X", note: "ROCm 6.2; compared with AMD's 1,300 TFLOP/s (the catalog's 1,307.4)")

    /// A typical two-socket CPU server: 2 × AMD EPYC 9654 (Zen 4, 96 cores each).
    ///
    /// Peaks are derived, not printed by AMD: 192 cores × 2.4 GHz base × FLOP/cycle, where a Zen 4
    /// core retires two 256-bit FMA per cycle (32 FP32 FLOP), AVX512-BF16 dot products double that
    /// (64), and AVX512-VNNI int8 quadruples it (128 op/cycle). Memory: 12 channels of DDR5-4800
    /// per socket (460.8 GB/s each); 768 GB assumed. Power: 2 × 360 W CPU TDP, the rest of the
    /// server excluded.
    public static let cpuServer = HardwareSpec(
        name: "cpu-server", displayName: "2 × AMD EPYC 9654 server (derived peaks)", aliases: ["cpu", "epyc-9654"],
        kind: .cpu,
        densePeaks: [.fp32: .tera(14.7456), .bf16: .tera(29.4912), .int8: .tera(58.9824)],
        memoryGigabytes: 768, bandwidth: .giga(921.6), tdp: Watts(720), referencePrice: DollarsPerHour(9.85),
        specSource: SourceReference(
            "AMD EPYC 9654 product page (96 cores, 2.4 GHz base, 12 × DDR5-4800, 360 W)",
            url: "https://www.amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series/amd-epyc-9654.html",
            dateRead: read, note: "peaks derived: cores × base clock × FLOP/cycle (32 fp32, 64 bf16, 128 int8); no tf32 or fp8"),
        priceSource: SourceReference("AWS EC2 on-demand pricing, c7a.48xlarge (192 Zen 4 cores), us-east-1",
                                     url: "https://aws.amazon.com/ec2/pricing/on-demand/", dateRead: read,
                                     note: "not confirmed from a stored copy; indicative only — pass \(InputParameter.pricePerHour)"),
        links: .standalone)
}
