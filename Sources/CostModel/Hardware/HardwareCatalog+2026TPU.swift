import Workload

/// Google Cloud TPUs, per chip, as the Cloud TPU system-architecture pages give them. Google
/// publishes no sparse rate, no FP32 rate and no chip power, so those are absent; the chips'
/// inter-chip interconnect (ICI torus) is not in the interconnect catalog.
extension HardwareCatalog {
    static func tpuSource(_ version: String, _ path: String, _ note: InputMessage) -> SourceReference {
        SourceReference("Google Cloud TPU documentation, TPU \(version) system architecture",
                        url: "https://cloud.google.com/tpu/docs/\(path)", dateRead: read2026, note: note)
    }

    public static let tpuV5e = HardwareSpec(
        name: "tpu-v5e", displayName: "Google Cloud TPU v5e (per chip)", aliases: ["v5e", "tpu-v5-lite"],
        kind: .tpu, densePeaks: [.bf16: .tera(197), .int8: .tera(393)],
        memoryGigabytes: 16, bandwidth: .giga(819), tdp: nil, referencePrice: nil,
        specSource: tpuSource("v5e", "v5e", "197 bf16 TFLOPs, 393 int8 TOPs, 16 GB HBM2 at 819 GBps per chip; no power, sparse or fp32 figure published"),
        priceSource: nil, links: nil)

    public static let tpuV5p = HardwareSpec(
        name: "tpu-v5p", displayName: "Google Cloud TPU v5p (per chip)", aliases: ["v5p"],
        kind: .tpu, densePeaks: [.bf16: .tera(459)],
        memoryGigabytes: 95, bandwidth: .giga(2765), tdp: nil, referencePrice: nil,
        specSource: tpuSource("v5p", "v5p", "459 bf16 TFLOPs, 95 GB HBM2e at 2765 GBps per chip (the page gives no int8 figure); no power, sparse or fp32 figure published"),
        priceSource: nil, links: nil)

    public static let tpuV6e = HardwareSpec(
        name: "tpu-v6e", displayName: "Google Cloud TPU v6e Trillium (per chip)", aliases: ["v6e", "trillium"],
        kind: .tpu, densePeaks: [.bf16: .tera(918), .int8: .tera(1836)],
        memoryGigabytes: 32, bandwidth: .giga(1638), tdp: nil, referencePrice: nil,
        specSource: tpuSource("v6e (Trillium)", "v6e", "918 bf16 TFLOPs, 1836 int8 TOPs, 32 GB HBM at 1638 GBps per chip; no power, sparse or fp32 figure published"),
        priceSource: nil, links: nil)
}
