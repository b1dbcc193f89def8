/// The seeds' rule of thumb for one phase, beside the exact count: 2·N FLOPs per token for a
/// forward pass (prefill, decode, generate), 6·N per training token, with N all parameters and
/// with N only the active ones (mixture-of-experts). Computed here so every view shows the
/// same numbers and none multiplies on its own.
public struct RuleOfThumb: Sendable, Equatable, Codable {
    /// 2 forward, 6 training.
    public var multiplier: Int
    /// multiplier × N.
    public var flopsPerToken: Int128
    /// multiplier × N_active (equal to `flopsPerToken` for a dense model).
    public var activeFLOPsPerToken: Int128

    public init(phase: Phase, parameters: ParameterReport) {
        multiplier = phase == .train ? 6 : 2
        flopsPerToken = Int128(multiplier) * parameters.total
        activeFLOPsPerToken = Int128(multiplier) * parameters.active
    }

    /// Whether the active count differs from the total (a mixture-of-experts model).
    public var hasActiveSubset: Bool { activeFLOPsPerToken != flopsPerToken }
}
