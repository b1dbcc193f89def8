import Workload

/// The H800: the export variant of the H100 SXM5 that DeepSeek-V3 was trained on — the same
/// GH100 compute, memory and 132 SMs, with NVLink cut to 400 GB/s.
extension HardwareCatalog {
    static let deepSeekV3Report = "DeepSeek-AI 2024, \"DeepSeek-V3 Technical Report\", arXiv:2412.19437"

    /// An HGX H800 node as DeepSeek-V3's cluster has it: eight GPUs on NVLink/NVSwitch, every GPU
    /// on 400 Gb/s InfiniBand across nodes.
    static let hgxH800 = NodeLinks(intraNode: .nvlinkH800, interNode: .infinibandNDR, devicesPerNode: 8)

    public static let h800 = HardwareSpec(
        name: "h800", displayName: "NVIDIA H800 SXM5 80GB", aliases: ["h800-sxm", "h800-sxm5"],
        kind: .gpu, densePeaks: peaks(fp32: 66.9, tf32: 494.7, bf16: 989.4, fp8: 1978.9, int8: 1978.9),
        memoryGigabytes: 80, bandwidth: .giga(3350), tdp: Watts(700), referencePrice: DollarsPerHour(2),
        specSource: SourceReference(
            "NVIDIA H100 Tensor Core GPU datasheet (SXM column) for the GH100 compute the H800 shares", url: h100Datasheet.url,
            dateRead: read2026, note: "H800 = H100 SXM5 compute, memory and bandwidth with NVLink at 400 GB/s; 132 SMs (\(deepSeekV3Report), §3.2.2: 20 of the 132 SMs run communication)"),
        priceSource: SourceReference(deepSeekV3Report, url: "https://arxiv.org/abs/2412.19437", dateRead: read2026,
                                     note: "Table 1: \"assuming the rental price of the H800 GPU is $2 per GPU hour\""),
        links: hgxH800).withSparsePeaksTwiceDense().withComputeUnits(132)
        .withMeasuredMatmul("NVIDIA H100 SXM", note: "the H800 is the H100 SXM5's GH100 with the same SMs and clocks (its NVLink is cut, not its compute): the H100's figure")
        .withMeasuredFP8Matmul()
        .withMeasuredBandwidth("NVIDIA H800 SXM5")
}
