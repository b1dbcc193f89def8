import Workload

/// Deprecated-internal: the option-string spellings that `Hardware/**` still uses while it is
/// being rewritten. The string is read back as the parameter whose name it spells
/// (an option spelled `price-per-hour` after its dashes → `.pricePerHour`), so the error is typed all the same and the command
/// line prints it unchanged. Remove once no caller passes a string.
extension CostError {
    public init(option: String, _ message: String) { self.init(InputParameter(legacySpelling: option), InputMessage(message)) }

    @discardableResult
    public static func positive(_ value: Double, _ option: String) throws(CostError) -> Double {
        try positive(value, InputParameter(legacySpelling: option))
    }

    @discardableResult
    public static func fraction(_ value: Double, _ option: String) throws(CostError) -> Double {
        try fraction(value, InputParameter(legacySpelling: option))
    }

    @discardableResult
    public static func positive(_ value: Double, _ option: String, maximum: Double, _ what: String = "") throws(CostError) -> Double {
        try positive(value, InputParameter(legacySpelling: option), maximum: maximum, what)
    }
}
