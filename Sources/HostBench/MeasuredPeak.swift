/// The FP32 peak this CPU sustains, measured with the FMA loop of `CPeakFLOPS` on one thread
/// per core at once.
public struct MeasuredPeak: Codable, Sendable, Equatable {
    public var gflops: Double
    /// Instruction set the loop ran with: "avx512f", "avx2+fma" or "portable".
    public var isa: String
    public var threads: Int
    /// How the figure was obtained, in one sentence.
    public var method: String

    enum CodingKeys: String, CodingKey { case gflops, isa, threads, method }
}
