import Foundation
import Workload

extension HostMeasurement {
    /// The largest figures a host measurement may hold: 10 PFLOP/s (10^7 GFLOP/s) of throughput,
    /// 100 TB/s of bandwidth, a million threads, a backward pass 1000 × its forward.
    public static let maximumGflops = 1e7
    public static let maximumBandwidthGbps = 1e5
    public static let maximumThreads = 1 << 20
    public static let maximumBackwardForwardRatio = 1e3
    /// How far a kernel's `gflops` may sit from its `flops ÷ seconds ÷ 10⁹` (bench writes one from
    /// the other, so they agree to the last digit; 10⁻⁶ leaves room for a hand-rounded file).
    public static let rateTolerance = 1e-6

    /// Checks every figure the measurement holds, and that they agree with each other. A present
    /// figure is finite, greater than zero and within the maxima above; a kernel's `gflops` is its
    /// `flops ÷ seconds`; no rate exceeds `peak_gflops` (bench raises the peak to the best rate it
    /// saw, so a rate above it means the file was altered). Anything else is refused with one line
    /// naming the file and the field, under `parameter` (the input that gave the file) — never repaired. (An absent figure is derived as
    /// `HardwareProfile.measured` states, and the derivation is said.)
    public func validate(path: String, parameter: InputParameter = .hardware) throws(CostError) {
        func refuse(_ field: String, _ value: CustomStringConvertible, _ rule: String) -> CostError {
            CostError(parameter, "\(path): field '\(field)' \(rule), got \(value)")
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
            try checkSpread(kernel, field, refuse: refuse, check: check)
            if let flops = kernel.flops, let seconds = kernel.seconds {
                let rate = flops / seconds / 1e9
                try check(rate, "\(field).flops ÷ seconds", maximum: Self.maximumGflops, " GFLOP/s")
                if let gflops = kernel.gflops, abs(gflops - rate) > Self.rateTolerance * rate {
                    throw CostError(parameter, "\(path): field '\(field).gflops' is \(gflops), but its flops ÷ seconds ÷ 1e9 is \(rate) GFLOP/s; the fields disagree")
                }
            }
        }
        for (name, ratio) in (backwardForwardRatios ?? [:]).sorted(by: { $0.key < $1.key }) {
            try check(ratio, "backward_forward_ratios.\(name)", maximum: Self.maximumBackwardForwardRatio, "")
        }
        try checkRatesWithinPeak(path: path, parameter: parameter)
    }

    /// min ≤ median ≤ max seconds, the median the kernel's `seconds`; a load share in 0…1.
    private func checkSpread(
        _ kernel: Kernel, _ field: String,
        refuse: (String, CustomStringConvertible, String) -> CostError,
        check: (Double?, String, Double, String) throws(CostError) -> Void
    ) throws(CostError) {
        try check(kernel.minSeconds, "\(field).min_seconds", 1e9, " s")
        try check(kernel.medianSeconds, "\(field).median_seconds", 1e9, " s")
        try check(kernel.maxSeconds, "\(field).max_seconds", 1e9, " s")
        let ordered = [kernel.minSeconds, kernel.medianSeconds ?? kernel.seconds, kernel.maxSeconds].compactMap { $0 }
        if ordered != ordered.sorted() {
            throw refuse("\(field).min_seconds/median_seconds/max_seconds", ordered.map { "\($0)" }.joined(separator: ", "), "must be in order, min ≤ median ≤ max")
        }
        if let median = kernel.medianSeconds, let seconds = kernel.seconds, abs(median - seconds) > Self.rateTolerance * seconds {
            throw refuse("\(field).median_seconds", median, "must equal the kernel's seconds (\(seconds))")
        }
        if let load = kernel.foreignLoad, !(load.isFinite && (0...1).contains(load)) {
            throw refuse("\(field).foreign_load", load, "must be a share between 0 and 1")
        }
        try check(kernel.minimumBytes, "\(field).minimum_bytes", 1e30, " bytes")
        if let attempts = kernel.attempts, !(1...100).contains(attempts) {
            throw refuse("\(field).attempts", attempts, "must be between 1 and 100")
        }
    }

    /// No measured rate above `peak_gflops`: the peak is at least every rate measured.
    func checkRatesWithinPeak(path: String, parameter: InputParameter) throws(CostError) {
        guard let peak = peakGflops else { return }
        var rates: [(String, Double)] = bestSgemmGflops.map { [("best_sgemm_gflops", $0)] } ?? []
        for (i, kernel) in (kernels ?? []).enumerated() {
            if let rate = kernel.measuredGflops { rates.append(("kernels[\(i)] (\(kernel.name))", rate)) }
        }
        for (field, rate) in rates where rate > peak * (1 + Self.rateTolerance) {
            throw CostError(parameter, "\(path): field 'peak_gflops' is \(peak), below the \(rate) GFLOP/s of '\(field)' (\(String(format: "%.3g", rate / peak)) × the peak); a peak is at least every rate measured")
        }
    }
}
