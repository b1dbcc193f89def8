import Workload

/// The largest BF16 matmul rate measured on a device with its vendor's libraries, as a fraction of
/// its dense BF16 peak: Bekman's "maximum achievable matmul FLOPS" (MAMF), found by a search over
/// shapes on one card.
///
/// Why a planner needs it beside the datasheet: the peak is the tensor cores at boost clock, which
/// a card with saturated matrix units does not hold within its power limit, and the libraries leave
/// their own margin. The margin differs by generation — an A100 SXM reaches 86 % of its peak, an
/// H100 SXM 80 % — so one framework efficiency over the datasheet peak would price every Hopper
/// step too fast against Ampere. Plans price GEMMs at peak × this fraction × η, where η is what a
/// training framework sustains of the achievable rate.
public typealias AchievableMatmul = AchievableFraction

/// A rate measured on a device ÷ the datasheet figure it was compared with, in (0, 1], and where
/// the measurement was published: what a datasheet ceiling becomes once a kernel has run against
/// it (`AchievableMatmul`, `AchievableBandwidth`).
public struct AchievableFraction: Sendable, Equatable {
    public var fraction: Double
    public var source: SourceReference

    public init(fraction: Double, source: SourceReference) {
        self.fraction = fraction; self.source = source
    }
}

extension HardwareCatalog {
    static let mamfTable = "Bekman, \"Machine Learning Engineering Open Book\", Maximum Achievable Matmul FLOPS comparison table (BF16, no sparsity; mamf-finder.py)"
    static let mamfURL = "https://github.com/stas00/ml-engineering/tree/master/compute/accelerator#maximum-achievable-matmul-flops-comparison-table"

    /// The table's rows, TFLOP/s measured and the peak it compares with (CUDA 12.1 for A100 and
    /// H100, 12.5 for GH200, ROCm 6.2 for AMD; MI250X per GCD).
    static let measuredMatmul: [(device: String, measured: Double, peak: Double)] = [
        ("NVIDIA A100 SXM", 267.9, 312), ("NVIDIA GH200 SXM", 821.0, 989), ("NVIDIA A100 PCIe", 256.4, 312),
        ("NVIDIA H100 SXM", 792.1, 989), ("AMD MI250X", 147.0, 191.5), ("AMD MI300X", 781.9, 1300),
    ]

    /// The fraction the table measured for `device`, with a note on how it applies to this entry.
    static func measuredMatmul(_ device: String, note: String? = nil) -> AchievableMatmul {
        let row = measuredMatmul.first { $0.device == device }!
        return AchievableMatmul(
            fraction: row.measured / row.peak,
            source: SourceReference(mamfTable, url: mamfURL, dateRead: "2026-12-07",
                                    note: InputMessage("\(device): \(row.measured) of \(row.peak) TFLOP/s" + (note.map { "; \($0)" } ?? ""))))
    }

    /// For a device the table did not measure: the median of the devices it did (no entry is
    /// given a figure of its own that nobody measured).
    public static let unmeasuredMatmul: AchievableMatmul = {
        let fractions = measuredMatmul.map { $0.measured / $0.peak }
        return AchievableMatmul(
            fraction: Statistics.median(fractions)!,
            source: SourceReference(mamfTable, url: mamfURL, dateRead: "2026-12-07",
                                    note: InputMessage("not measured for this device: the median of the \(fractions.count) devices the table measured")))
    }()
}

extension HardwareCatalog {
    /// DeepGEMM's FP8 GEMM (DeepSeek's, with its 128-wide block scaling), the kernels DeepSeek-V3
    /// trains and serves with: "up to 1550 TFLOPS on H800" against its 1,979 dense FP8 peak.
    /// The one published FP8 figure of a maximum over shapes; its early per-shape table (1,009–1,426
    /// TFLOPS at 4,096 rows) shows the search it takes.
    static let deepGEMMMeasured = (tflops: 1550.0, peak: 1978.9)

    static func deepGEMMFP8(note: String? = nil) -> AchievableMatmul {
        AchievableMatmul(
            fraction: deepGEMMMeasured.tflops / deepGEMMMeasured.peak,
            source: SourceReference("DeepSeek-AI, DeepGEMM README (news of 2025.04.18: \"DeepGEMM now achieves up to 1550 TFLOPS on H800\")",
                                    url: "https://github.com/deepseek-ai/DeepGEMM", dateRead: "2026-12-07",
                                    note: InputMessage("H800 SXM5: 1550 of 1978.9 TFLOP/s dense FP8" + (note.map { "; \($0)" } ?? ""))))
    }
}
