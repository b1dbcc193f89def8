/// The bounds every spec must respect, whichever file it came from.
///
/// Each size (vocabulary, width, layers, heads, expert count, …) is at most 2^31 ≈ 2.1·10^9 —
/// far above any real model's largest dimension (a 256K vocabulary, a 10M-token context) —
/// because the counting code multiplies two sizes in an `Int`, and 2^31 · 2^31 =
/// 2^62 cannot overflow. A whole model holds at most 2^53 ≈ 9·10^15 parameters (5,000 × the
/// largest published model), so every parameter count is exact in an `Int` and even in a
/// `Double`, and the FLOPs of any realistic run stay far inside the `Int128` the counters use.
public enum SpecLimits {
    /// Largest accepted value of any single size field: 2^31.
    public static let maximumSize = 1 << 31
    /// Why a size past `maximumSize` is refused, for the error message.
    static let sizeLimitReason = "exceeds 2^31 = 2147483648, the largest accepted size (the counters multiply two sizes in an Int, which must not overflow)"

    /// Largest accepted parameter total (an upper bound computed before counting): 2^53.
    public static let maximumParameters = 1 << 53
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
