import Foundation
import Workload

/// The documented range of every cost input: generous enough for any real run or service,
/// tight enough that no figure overflows, rounds to zero or comes out with hundreds of digits.
/// Sizes shared with the other commands (sequence, batch, devices, tokens) are read from the
/// one table, `Limits`; the rows here are the money, energy and rate inputs only cost has.
///
/// An input outside its range is one `CostError` naming the parameter and the range; results are
/// checked against the result limits before they are converted to whole numbers.
public enum CostLimits {
    /// Utilisations (MFU, target, bandwidth, kernel efficiency): below 0.1 % is a typo, not a run.
    public static let utilisation: ClosedRange<Double> = 0.001...1
    /// Dollars per device-hour.
    public static let pricePerHour = 1e6
    /// Watts per device.
    public static let watts = 1e6
    /// Tokens in a count typed as a number (training tokens, a task's tokens or characters): `Limits.tokens`.
    public static let tokens = Limits.tokens.maximum
    /// Characters of a task, and tokens per character (so a task's tokens stay within `tokens`).
    public static let characters = 1e16
    public static let tokensPerCharacter: ClosedRange<Double> = 0.01...100
    /// Devices of one run or one serving replica: `Limits.devices`.
    public static let devices = Limits.devices.maximum
    /// Dollars of one pretraining run.
    public static let pretrainingDollars: ClosedRange<Double> = 0.01...1e13
    /// Dollars per 1K tokens (a price or an inference cost) and per subscriber-month.
    public static let dollarsPer1K: ClosedRange<Double> = 1e-9...1e6
    public static let feePerMonth: ClosedRange<Double> = 1e-6...1e9
    /// Months one pretraining run is amortised over: three days to a century.
    public static let months: ClosedRange<Double> = 0.1...1200
    /// Tokens one subscriber uses per month (per day: ÷ 30).
    public static let tokensPerUserMonth: ClosedRange<Double> = 1...1e15
    public static let tokensPerUserDay: ClosedRange<Double> = 1...3e13
    /// Results: break-even tokens per month and subscribers.
    public static let tokensPerMonth = 1e27
    public static let subscribers = 1e12
    /// Requests per day of a service.
    public static let requestsPerDay: ClosedRange<Double> = 1...1e15
    /// Power usage effectiveness and tariff ($/kWh).
    public static let pue: ClosedRange<Double> = 1...10
    public static let tariff = 1e3
    /// Sequence positions a cost is counted at (prompt, training sequence): `Limits.sequence`.
    public static let sequence = Limits.sequence.maximum
    /// Requests decoded together: `Limits.batch`.
    public static let batch = Limits.batch.maximum
    /// Tokens one request generates: `Limits.newTokens`.
    public static let newTokens = Limits.newTokens.maximum
    /// Generated tokens per second one serving deployment sustains.
    public static let tokensPerSecond = 1e12
}

extension CostError {
    /// A finite value in `range`, e.g. the MFU in [0.001, 1].
    @discardableResult
    public static func within(_ value: Double, _ range: ClosedRange<Double>, _ parameter: InputParameter,
                              _ what: String = "") throws(CostError) -> Double {
        guard value.isFinite else { throw CostError(parameter, "must be a finite number, got \(value)") }
        guard range.contains(value) else {
            throw CostError(parameter, "must lie in [\(bound(range.lowerBound)), \(bound(range.upperBound))]\(what), got \(trim(value))")
        }
        return value
    }

    /// A finite value in (0, `maximum`].
    @discardableResult
    public static func positive(_ value: Double, _ parameter: InputParameter, maximum: Double, _ what: String = "") throws(CostError) -> Double {
        try positive(value, parameter)
        guard value <= maximum else { throw CostError(parameter, "must be at most \(bound(maximum))\(what), got \(trim(value))") }
        return value
    }

    /// A whole number in [`minimum`, `maximum`] (≤ 1e18), exactly as an `Int128`.
    public static func wholeNumber(_ value: Double, _ parameter: InputParameter, minimum: Double = 0,
                                   maximum: Double = CostLimits.tokens) throws(CostError) -> Int128 {
        guard value.isFinite else { throw CostError(parameter, "must be a finite number, got \(value)") }
        guard value >= minimum, value <= maximum else {
            throw CostError(parameter, "must lie in [\(bound(minimum)), \(bound(maximum))], got \(trim(value))")
        }
        guard value == value.rounded(), let exact = Int128(exactly: value) else {
            throw CostError(parameter, "must be a whole number, got \(trim(value))")
        }
        return exact
    }

    /// A limit as people write it: `1000000`, `1e18`, `1e-9`, `0.001`.
    public static func bound(_ v: Double) -> String {
        if abs(v) < 1e7, let whole = Int64(exactly: v) { return String(whole) }
        let text = String(format: "%g", v)
        return text.replacingOccurrences(of: "e+", with: "e").replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e0", with: "e")
    }

    /// A whole count in 1…`maximum` (devices, batch, positions).
    @discardableResult
    public static func count(_ value: Int, _ parameter: InputParameter, maximum: Int) throws(CostError) -> Int {
        try atLeastOne(value, parameter)
        guard value <= maximum else { throw CostError(parameter, "must be at most \(maximum), got \(value)") }
        return value
    }
}
