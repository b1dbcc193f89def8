import Workload

/// A cost input that cannot produce a finite, meaningful figure: one line naming the parameter.
///
/// Every entry point validates its inputs with the helpers below, so no NaN or infinity reaches
/// a result: prices, token counts and throughputs are positive, finite and within `CostLimits`,
/// utilisations lie in [0.001, 1], device counts are at least 1. The parameter is typed; the
/// command line spells it as its option.
public struct CostError: InputError, Sendable, Equatable {
    public var parameter: InputParameter
    public var message: InputMessage
    public init(_ parameter: InputParameter, _ message: InputMessage) { self.parameter = parameter; self.message = message }
}

extension CostError {
    /// A finite value greater than zero.
    @discardableResult
    public static func positive(_ value: Double, _ parameter: InputParameter) throws(CostError) -> Double {
        guard value.isFinite else { throw CostError(parameter, "must be a finite number, got \(value)") }
        guard value > 0 else { throw CostError(parameter, "must be greater than zero, got \(trim(value))") }
        return value
    }

    /// A finite value of zero or more (a token count on one side of a task).
    @discardableResult
    public static func nonNegative(_ value: Double, _ parameter: InputParameter) throws(CostError) -> Double {
        guard value.isFinite else { throw CostError(parameter, "must be a finite number, got \(value)") }
        guard value >= 0 else { throw CostError(parameter, "must be zero or more, got \(trim(value))") }
        return value
    }

    /// A utilisation in [0.001, 1] (`CostLimits.utilisation`): model FLOP utilisation, target
    /// utilisation, bandwidth utilisation. Below 0.1 % a figure would run to hundreds of digits.
    @discardableResult
    public static func fraction(_ value: Double, _ parameter: InputParameter) throws(CostError) -> Double {
        guard value.isFinite, CostLimits.utilisation.contains(value) else {
            throw CostError(parameter, "must lie in [0.001, 1] (a fraction, e.g. 0.4), got \(trim(value))")
        }
        return value
    }

    /// A whole count of at least one (devices, batch, tokens).
    @discardableResult
    public static func atLeastOne(_ value: Int, _ parameter: InputParameter) throws(CostError) -> Int {
        guard value >= 1 else { throw CostError(parameter, "must be at least 1, got \(value)") }
        return value
    }

    /// A result that must be finite (guards against overflow to infinity in extreme inputs).
    @discardableResult
    static func finite(_ value: Double, _ parameter: InputParameter) throws(CostError) -> Double {
        guard value.isFinite else { throw CostError(parameter, "the result is not a finite number; the inputs are out of range") }
        return value
    }

    static func trim(_ v: Double) -> String { abs(v) < 1e15 ? Int64(exactly: v).map { String($0) } ?? "\(v)" : "\(v)" }
    /// `0.4`, `1`: a stated figure as typed.
    public static func trimmed(_ v: Double) -> String { trim(v) }
}
