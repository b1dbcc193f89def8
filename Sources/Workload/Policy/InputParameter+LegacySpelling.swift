/// Deprecated-internal: reads an option string that a not-yet-converted caller passes
/// (`Hardware/**` in CostModel, `AcceleratorChoice` in the command line) back as the parameter it
/// spells. Remove with the last string-keyed caller.
extension InputParameter {
    /// Dashes dropped, words joined in camel case (`bandwidth-utilisation` → `bandwidthUtilisation`); an unknown spelling is the hardware
    /// (the only option the legacy callers pass through a variable).
    public init(legacySpelling text: String) {
        var camel = "", upper = false
        for c in text.drop(while: { $0 == "-" }) {
            if c == "-" { upper = true } else { camel += upper ? c.uppercased() : String(c); upper = false }
        }
        self = InputParameter(rawValue: camel) ?? .hardware
    }
}
