/// Summary statistics every module takes the same way.
public enum Statistics {
    /// The middle value of `values` (the mean of the middle two for an even count); nil when there
    /// are none. The one median a fit, a timing and a catalog figure take: robust to one outlying
    /// run, which a mean is not.
    public static func median(_ values: [Double]) -> Double? {
        let s = values.sorted()
        guard !s.isEmpty else { return nil }
        let mid = s.count / 2
        return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }
}
