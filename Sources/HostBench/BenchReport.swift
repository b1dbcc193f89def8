import Foundation

/// A measured host profile: the peak, the best SGEMM, the memory bandwidth and every reference
/// kernel, with the FLOPs each issued. JSON keys are snake_case and stable (scripts and the
/// cost model read them); `schema_version` changes when they do. Schema: `README.md` beside this.
/// The measured figures go to the cost model as `measurement` (CostModel's `HostMeasurement`,
/// whose Codable is also the schema of those keys in a saved profile).
public struct BenchReport: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var llmcostVersion: String
    /// ISO 8601, UTC.
    public var date: String
    public var host: HostDescription
    /// Worker threads the kernels ran on (and OpenBLAS threads for the SGEMM sweep).
    public var threads: Int
    public var quick: Bool
    public var shape: LayerShape
    /// The peak the fractions are taken of: the measured FMA peak, or the best rate observed if
    /// some kernel beat it (then `peak_source` says so), so no fraction exceeds 100 %.
    public var peakGFLOPS: Double
    public var peakSource: String
    public var measuredPeak: MeasuredPeak
    /// `cores × FLOP/cycle × clock` from /proc/cpuinfo; `nil` when the clock is unreadable.
    public var nominalPeakGFLOPS: Double?
    public var nominalPeak: NominalPeak
    public var bestSGEMMGFLOPS: Double
    public var bestSGEMMShape: String
    /// STREAM triad, best pass, GB/s (1e9 bytes).
    public var bandwidthGBPS: Double
    public var bandwidthBytesPerArray: Int
    public var kernels: [KernelMeasurement]
    /// Backward seconds / forward seconds per block (`attention`, `ffn`); FLOPs ratio is 2.
    public var backwardForwardRatios: [String: Double]
    public var notes: [String]
    /// How the kernels used the cores (nil in a profile written before llmcost reported it).
    public var threading: BenchThreading? = nil

    /// The kernel called `name`, if measured.
    public func kernel(_ name: String) -> KernelMeasurement? { kernels.first { $0.name == name } }
}
