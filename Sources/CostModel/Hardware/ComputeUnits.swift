/// A GPU's parallel compute units (NVIDIA's streaming multiprocessors, AMD's compute units) and
/// the output tile one unit computes at a time in a large GEMM: what decides how much of the peak
/// a product of a given shape can use.
///
/// A GEMM's `m × n` output is cut into tiles, one per unit at a time, so the grid is padded to
/// whole tiles (tile quantization) and the tiles run in whole waves over the units (wave
/// quantization): a shape whose tiles overflow one wave by a few runs a second wave almost empty
/// (NVIDIA, "Matrix Multiplication Background User's Guide", §2.2–2.3, the A100 example with 108
/// SMs and 256 × 128 tiles). The tile is that guide's; cuBLAS picks others for small shapes, so the
/// figure is for the large products of training, not a model of every kernel choice.
public struct ComputeUnits: Sendable, Equatable {
    public var count: Int
    public var tileRows: Int
    public var tileColumns: Int
    public var source: SourceReference

    public init(count: Int, tileRows: Int = 256, tileColumns: Int = 128, source: SourceReference) {
        self.count = count; self.tileRows = tileRows; self.tileColumns = tileColumns; self.source = source
    }

    /// The fraction of the units' work that is useful for an `m × n` output: useful elements ÷
    /// elements of the whole waves computed, in (0, 1].
    public func shapeEfficiency(m: Int, n: Int) -> Double {
        guard m > 0, n > 0, count > 0, tileRows > 0, tileColumns > 0 else { return 1 }
        // In Doubles: tile counts of a hostile shape pass Int's range; whole numbers stay exact far beyond any GEMM.
        let tiles = (Double(m) / Double(tileRows)).rounded(.up) * (Double(n) / Double(tileColumns)).rounded(.up)
        let waves = (tiles / Double(count)).rounded(.up)
        return (Double(m) * Double(n)) / (waves * Double(count) * Double(tileRows) * Double(tileColumns))
    }
}

extension HardwareCatalog {
    static let matmulGuide = SourceReference(
        "NVIDIA Deep Learning Performance Guide, \"Matrix Multiplication Background User's Guide\" (tile and wave quantization, 256 × 128 tiles)",
        url: "https://docs.nvidia.com/deeplearning/performance/dl-performance-matrix-multiplication/index.html",
        dateRead: "2026-12-06", note: "unit counts from each architecture's whitepaper (A100 108 SMs, H100 SXM5 132, H100 PCIe 114), set on each catalog entry")
}
