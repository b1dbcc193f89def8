import Workload

/// NVIDIA parts added for 2026: GB200 (per GPU of an NVL72 rack) and the two GeForce cards
/// people run models on at home.
extension HardwareCatalog {
    /// Date the 2026 additions were read.
    static let read2026 = "2026-12-06"

    /// The GB200 NVL72's NVLink domain: 72 GPUs on fifth-generation NVLink switches, one NDR
    /// InfiniBand NIC per GPU to the rest of the cluster.
    static let nvl72 = NodeLinks(intraNode: .nvlink5, interNode: .infinibandNDR, devicesPerNode: 72)

    /// One Blackwell GPU of a GB200 NVL72 rack: the rack's figures ÷ 72.
    public static let gb200 = HardwareSpec(
        name: "gb200", displayName: "NVIDIA GB200 (per GPU, NVL72)", aliases: ["gb200-nvl72", "b200-gb200"],
        kind: .gpu,
        densePeaks: peaks(fp32: 80, tf32: 1250, bf16: 2500, fp8: 5000, int8: 5000).merging([.fp4: .tera(10_000)]) { $1 },
        memoryGigabytes: 186, bandwidth: .giga(8000), tdp: nil, referencePrice: nil,
        specSource: SourceReference(
            "NVIDIA GB200 NVL72 specifications", url: "https://www.nvidia.com/en-us/data-center/gb200-nvl72/",
            dateRead: read2026,
            note: "rack figures ÷ 72 GPUs: FP4 1,440 PF, FP8/INT8 720, BF16 360, TF32 180 (all with sparsity, halved to dense), FP32 5,760 TF; 13.4 TB HBM3e (186 GB each, rounded down), 576 TB/s; no per-GPU power is published (the superchip's 2,700 W includes the Grace CPU)"),
        priceSource: nil, links: nvl72).withSparsePeaksTwiceDense().withComputeUnits(148)

    /// The Ada whitepaper's GeForce RTX 4090 column: tensor rates with FP32 accumulate (the
    /// rate frameworks train and infer with; FP16 accumulate is twice as fast on GeForce).
    public static let rtx4090 = HardwareSpec(
        name: "rtx-4090", displayName: "NVIDIA GeForce RTX 4090 24GB", aliases: ["4090", "geforce-rtx-4090"],
        kind: .gpu, densePeaks: peaks(fp32: 82.6, tf32: 82.6, bf16: 165.2, fp8: 330.3, int8: 660.6),
        memoryGigabytes: 24, bandwidth: .giga(1008), tdp: Watts(450), referencePrice: nil,
        specSource: SourceReference(
            "NVIDIA Ada GPU Architecture whitepaper (GeForce RTX 4090 column)",
            url: "https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf",
            dateRead: read2026, note: "dense tensor figures with FP32 accumulate (sparse figures twice these); 450 W total graphics power; a workstation card: no rental price or cluster links of record"),
        priceSource: nil, links: nil).withSparsePeaksTwiceDense().withComputeUnits(128)

    /// The RTX 5090 as NVIDIA's product page states it: FP32 shader TFLOP/s and "AI TOPS"
    /// (FP4 with sparsity). Its BF16/FP8 tensor rates depend on the accumulator and are left out.
    public static let rtx5090 = HardwareSpec(
        name: "rtx-5090", displayName: "NVIDIA GeForce RTX 5090 32GB", aliases: ["5090", "geforce-rtx-5090"],
        kind: .gpu, densePeaks: [.fp32: .tera(104.8), .fp4: .tera(1676)], sparsePeaks: [.fp4: .tera(3352)],
        memoryGigabytes: 32, bandwidth: .giga(1792), tdp: Watts(575), referencePrice: nil,
        specSource: SourceReference(
            "NVIDIA GeForce RTX 5090 product page", url: "https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5090/",
            dateRead: read2026, note: "3,352 AI TOPS is FP4 with sparsity (dense 1,676); FP32 104.8 TFLOPS; BF16/FP8 tensor rates not on the page, so absent; 575 W total graphics power; no rental price or cluster links of record"),
        priceSource: nil, links: nil).withComputeUnits(170)
}
