extension FlopReport {
    /// The fraction of the total a component's FLOPs make (0 for an empty report).
    public func share(_ flops: Int128) -> Double { total == 0 ? 0 : Double(flops) / Double(total) }
}

extension GenerationReport {
    /// The beam-search request's FLOPs over the same request decoded greedily; nil without a greedy count.
    public var ratioToGreedy: Double? { greedyTotal > 0 ? Double(report.total) / Double(greedyTotal) : nil }
}
