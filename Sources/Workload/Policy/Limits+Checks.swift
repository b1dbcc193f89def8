extension Limits.Bound where Value == Int {
    /// `value` lies in 1…maximum, else one error naming `parameter` and the range.
    @discardableResult
    public func check(_ value: Int, _ parameter: InputParameter) throws(PhaseError) -> Int {
        guard value >= 1, value <= maximum else {
            throw PhaseError(parameter, "must be between 1 and \(written), got \(value)")
        }
        return value
    }
}
