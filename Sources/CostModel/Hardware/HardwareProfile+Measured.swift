extension HardwareProfile {
    /// Which measured kernel stands for "the throughput a transformer gets" on a host.
    public static let preferredKernel = "layer"

    /// A measured profile knows what the host does, not what an hour of it costs.
    public static let missingMeasuredPrice = CostError(
        option: "--price-per-hour", "a measured host profile carries no price; pass --price-per-hour (dollars per host-hour)")

    /// A host measured by `llmcost bench --save`.
    ///
    /// ```
    /// effective = gflops(kernel "layer")   — else best_sgemm_gflops
    /// peak      = peak_gflops              — else the effective figure itself (utilisation 1)
    /// utilisation = effective ÷ peak       — derived, never above 1
    /// ```
    /// A profile carries no price: `pricePerHour` must be given.
    public static func measured(_ profile: MeasuredHostProfile, path: String, pricePerHour: DollarsPerHour?,
                                tdp: Watts? = nil) throws(CostError) -> HardwareProfile {
        guard let price = pricePerHour else { throw missingMeasuredPrice }
        let kernelName: String, gflops: Double
        if let layer = profile.kernel(preferredKernel), let g = layer.measuredGflops {
            kernelName = preferredKernel; gflops = g
        } else if let sgemm = profile.bestSgemmGflops, sgemm.isFinite, sgemm > 0 {
            kernelName = "best_sgemm"; gflops = sgemm
        } else {
            throw CostError(option: "--hardware", "\(path): no usable throughput (neither a 'layer' kernel nor best_sgemm_gflops)")
        }
        var notes: [String: String] = [:]
        var peak = gflops
        if let measuredPeak = profile.peakGflops, measuredPeak.isFinite, measuredPeak > 0 {
            if measuredPeak >= gflops { peak = measuredPeak } else {
                notes["peak"] = "profile peak \(measuredPeak) GFLOP/s is below the measured kernel; the kernel's \(gflops) GFLOP/s taken as the peak"
            }
        }
        let bandwidth = profile.bandwidthGbps.flatMap { $0.isFinite && $0 > 0 ? BytesPerSecond.giga($0) : nil }
        let when = profile.date.map { " on \($0)" } ?? ""
        var sources: [String: String] = [
            "peak": notes["peak"] ?? "\(path): peak_gflops \(peak) (\(profile.peakSource ?? "source not stated"))",
            "utilisation": "derived: kernel '\(kernelName)' \(gflops) GFLOP/s ÷ peak \(peak) GFLOP/s, measured\(when)",
            "price": "--price-per-hour",
        ]
        if bandwidth != nil { sources["bandwidth"] = "\(path): bandwidth_gbps, measured\(when)" }
        if tdp != nil { sources["tdp"] = "--tdp" }
        return try HardwareProfile(
            name: "host (\(path))", origin: .measured(path: path, kernel: kernelName), peak: .giga(peak),
            utilisation: min(1, gflops / peak), bandwidth: bandwidth, memoryGigabytes: nil, tdp: tdp,
            pricePerHour: price, sources: sources)
    }
}
