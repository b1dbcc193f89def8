/// The bounds every spec must respect, whichever file it came from: the architecture rows of
/// the one limits table (`Limits.modelSize`, `Limits.parameters`, with their reasons), under the
/// names the importers and validation use.
public enum SpecLimits {
    /// Largest accepted value of any single size field: 2^31 (`Limits.modelSize`).
    public static let maximumSize = Limits.modelSize.maximum
    /// Why a size past `maximumSize` is refused, for the error message.
    static let sizeLimitReason = "exceeds \(Limits.modelSize.written) = \(Limits.modelSize.maximum), the largest accepted size (\(Limits.modelSize.reason))"

    /// Largest accepted parameter total (an upper bound computed before counting): 2^53 (`Limits.parameters`).
    public static let maximumParameters = Limits.parameters.maximum
}

/// Multiplication and addition that report overflow instead of trapping, for bounds on
/// user-supplied sizes.
enum CheckedArithmetic {
    static func product(_ factors: Int...) -> Int? {
        var result = 1
        for f in factors {
            let (r, o) = result.multipliedReportingOverflow(by: f)
            if o { return nil }
            result = r
        }
        return result
    }

    static func sum(_ terms: Int?...) -> Int? {
        var result = 0
        for t in terms {
            guard let t else { return nil }
            let (r, o) = result.addingReportingOverflow(t)
            if o { return nil }
            result = r
        }
        return result
    }
}
