import Workload

/// The memory bandwidth a streaming kernel was measured to reach on a device, as a fraction of its
/// datasheet figure: the bandwidth analogue of `AchievableMatmul`.
///
/// Why a planner needs it: the datasheet figure is the HBM interface's raw rate, which no kernel
/// sustains (DRAM refresh, row switches, ECC, the memory controller's scheduling); the best
/// memory-bound kernels published reach about nine tenths of it. Plans and serving steps price
/// memory-bound work (element-wise kernels, the optimizer, weight and KV-cache reads) at the
/// datasheet bandwidth × this fraction.
public typealias AchievableBandwidth = AchievableFraction

extension HardwareCatalog {
    /// Published measurements of memory-bound kernels at their best, GB/s, with the datasheet
    /// figure of the card measured.
    static let measuredBandwidth: [(device: String, measured: Double, datasheet: Double, source: String, url: String)] = [
        ("NVIDIA H800 SXM5", 3000, 3350,
         "DeepSeek-AI, FlashMLA README: MLA decoding \"up to 3000 GB/s in memory-bound configuration … on H800 SXM5\"",
         "https://github.com/deepseek-ai/FlashMLA"),
        ("NVIDIA A100 80GB SXM", 1800, 2039,
         "NVIDIA Developer Forums, \"Trouble to reach peak bandwidth of A100\" (2025): a read kernel at 1.80 TB/s, Nsight Compute 88 % of peak, the thread citing a GTC talk whose best kernel reached about 90 %",
         "https://forums.developer.nvidia.com/t/trouble-to-reach-peak-bandwidth-of-a100/339083"),
    ]

    /// The fraction measured on `device`, with a note on how it applies to this entry.
    static func measuredBandwidth(_ device: String, note: String? = nil) -> AchievableBandwidth {
        let row = measuredBandwidth.first { $0.device == device }!
        return AchievableBandwidth(
            fraction: row.measured / row.datasheet,
            source: SourceReference(row.source, url: row.url, dateRead: "2026-12-07",
                                    note: InputMessage("\(device): \(Int(row.measured)) of \(Int(row.datasheet)) GB/s" + (note.map { "; \($0)" } ?? ""))))
    }

    /// For a device nobody measured: the median of the devices that were (no entry is given a
    /// figure of its own that nobody measured).
    public static let unmeasuredBandwidth: AchievableBandwidth = {
        let fractions = measuredBandwidth.map { $0.measured / $0.datasheet }
        return AchievableBandwidth(
            fraction: Statistics.median(fractions)!,
            source: SourceReference("the median of the \(fractions.count) published memory-bound kernel measurements (FlashMLA on H800, a read kernel on A100 80GB)",
                                    url: measuredBandwidth.map(\.url).joined(separator: " and "), dateRead: "2026-12-07",
                                    note: "not measured for this device"))
    }()
}
