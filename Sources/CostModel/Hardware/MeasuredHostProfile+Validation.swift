extension MeasuredHostProfile {
    /// The largest figures a host profile may hold: 10 PFLOP/s (10^7 GFLOP/s) of throughput,
    /// 100 TB/s of bandwidth, a million threads, a backward pass 1000 × its forward.
    public static let maximumGflops = 1e7
    public static let maximumBandwidthGbps = 1e5
    public static let maximumThreads = 1 << 20
    public static let maximumBackwardForwardRatio = 1e3

    /// Checks every figure the profile holds: a present figure is finite, greater than zero and
    /// within the maxima above, or the profile is refused with one line naming the file and the
    /// field — a corrupt figure is never replaced by another one. (An absent optional field
    /// falls back as `HardwareProfile.measured` states.)
    public func validate(path: String, option: String = "--hardware") throws(CostError) {
        func refuse(_ field: String, _ value: CustomStringConvertible, _ rule: String) -> CostError {
            CostError(option: option, "\(path): field '\(field)' \(rule), got \(value)")
        }
        func check(_ value: Double?, _ field: String, maximum: Double, _ unit: String) throws(CostError) {
            guard let value else { return }
            guard value.isFinite, value > 0, value <= maximum else {
                throw refuse(field, value, "must be a finite number greater than 0 and at most \(CostError.bound(maximum))\(unit)")
            }
        }
        if let threads, !(1...Self.maximumThreads).contains(threads) {
            throw refuse("threads", threads, "must be between 1 and \(Self.maximumThreads)")
        }
        try check(peakGflops, "peak_gflops", maximum: Self.maximumGflops, " GFLOP/s")
        try check(bestSgemmGflops, "best_sgemm_gflops", maximum: Self.maximumGflops, " GFLOP/s")
        try check(bandwidthGbps, "bandwidth_gbps", maximum: Self.maximumBandwidthGbps, " GB/s")
        for (i, kernel) in (kernels ?? []).enumerated() {
            let field = "kernels[\(i)] (\(kernel.name))"
            try check(kernel.seconds, "\(field).seconds", maximum: 1e9, " s")
            try check(kernel.flops, "\(field).flops", maximum: 1e30, " FLOP")
            try check(kernel.gflops, "\(field).gflops", maximum: Self.maximumGflops, " GFLOP/s")
            if let flops = kernel.flops, let seconds = kernel.seconds {
                try check(flops / seconds / 1e9, "\(field).flops ÷ seconds", maximum: Self.maximumGflops, " GFLOP/s")
            }
        }
        for (name, ratio) in (backwardForwardRatios ?? [:]).sorted(by: { $0.key < $1.key }) {
            try check(ratio, "backward_forward_ratios.\(name)", maximum: Self.maximumBackwardForwardRatio, "")
        }
    }
}
