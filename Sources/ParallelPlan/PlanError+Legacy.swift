import Workload

/// Deprecated-internal: the option-string spelling `AcceleratorChoice` still uses while its
/// owner rewrites it; the string is read back as the parameter it names, so the error is typed.
extension PlanError {
    public init(option: String, _ message: String) { self.init(InputParameter(legacySpelling: option), InputMessage(message)) }
}
