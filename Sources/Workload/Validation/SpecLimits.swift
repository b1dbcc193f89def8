/// The bounds every spec must respect, whichever file it came from.
///
/// Each size (vocabulary, width, layers, heads, expert count, …) is at most 2^40 ≈ 1.1·10^12 —
/// a thousand times any real model's largest dimension — and a whole model holds at most
/// 2^53 ≈ 9·10^15 parameters (5,000 × the largest published model). Within these bounds
/// every parameter count is exact in an `Int` and even in a `Double`, and the FLOPs of any
/// realistic run stay far inside the `Int128` range the counters use.
public enum SpecLimits {
    /// Largest accepted value of any single size field: 2^40.
    public static let maximumSize = 1 << 40
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
