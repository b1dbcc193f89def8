import Workload

extension HardwareProfile {
    /// Which measured kernel stands for "the throughput a transformer gets" on a host.
    public static let preferredKernel = "layer"
    /// The measured backward kernels a training rate is built from, beside the forward `layer`.
    public static let backwardKernels = ["attention_backward", "ffn_backward"]

    /// A measured profile knows what the host does, not what an hour of it costs.
    public static let missingMeasuredPrice = CostError(
        .pricePerHour, "a measured host profile carries no price; pass \(InputParameter.pricePerHour) (dollars per host-hour)")

    /// An MFU given for a measured profile: the utilisation is the measurement, not a statement.
    public static func mfuOnMeasuredProfile(derived: Double) -> CostError {
        CostError(.mfu, "a measured host profile derives its utilisation from the measured kernels "
            + "(\(String(format: "%.3f", derived)) here); \(InputParameter.mfu) applies to catalog devices only — drop it, or use a catalog name")
    }

    /// The host kernels measure FP32 GEMMs: weights and KV cache on a measured host default to fp32.
    public static let measuredDataTypeNote: InputMessage = "weights and KV cache in fp32 by default on a measured host (its kernels are FP32 SGEMM); "
        + "pass \(InputParameter.weightType)/\(InputParameter.kvType) to change"

    /// A host measured by HostBench: in process (`BenchReport.measurement`) or read from a
    /// saved profile (`HostProfileFile.read`). `path` names where the figures come from.
    ///
    /// ```
    /// effective  = gflops(kernel "layer")   — else best_sgemm_gflops
    /// peak       = peak_gflops              — else derived: the highest measured rate (utilisation 1), said so
    /// utilisation = effective ÷ peak        — derived, never above 1 (a rate above peak_gflops is refused)
    /// training   = (F_layer + F_attention_backward + F_ffn_backward)
    ///              ÷ (s_layer + s_attention_backward + s_ffn_backward)     (= 3 × forward FLOPs ÷ (forward s + backward s))
    ///              — else layer s × (1 + backward_forward_ratios) — else the forward rate (stated)
    /// bandwidth  = bandwidth_gbps (STREAM triad: already achieved, utilisation 1)
    /// ```
    /// A profile carries no price: `pricePerHour` must be given. `mfu`, when given, is rejected.
    /// Every figure present is checked first (`HostMeasurement.validate`): a corrupt or
    /// inconsistent one is an error naming `parameter`, the file and the field, never replaced.
    public static func measured(_ profile: HostMeasurement, path: String, pricePerHour: DollarsPerHour?,
                                tdp: Watts? = nil, mfu: Double? = nil, parameter: InputParameter = .hardware) throws(CostError) -> HardwareProfile {
        try profile.validate(path: path, parameter: parameter)
        guard let price = pricePerHour else { throw missingMeasuredPrice }
        let kernelName: String, gflops: Double
        let layer = profile.kernel(preferredKernel)
        if let layer, let g = layer.measuredGflops {
            kernelName = preferredKernel; gflops = g
        } else if let sgemm = profile.bestSgemmGflops {
            kernelName = "best_sgemm"; gflops = sgemm
        } else {
            throw CostError(parameter, "\(path): no usable throughput (neither a 'layer' kernel nor best_sgemm_gflops)")
        }
        let (trainingGflops, trainingSource) = trainingRate(profile, forward: layer, forwardGflops: gflops, kernelName: kernelName)
        guard trainingGflops.isFinite, trainingGflops <= HostMeasurement.maximumGflops else {
            throw CostError(parameter, "\(path): the training rate derived from the kernels, \(trainingGflops) GFLOP/s, is beyond \(CostError.bound(HostMeasurement.maximumGflops)) GFLOP/s; the kernels' flops or seconds are wrong")
        }
        let peak: Double, peakSource: String
        if let stated = profile.peakGflops {
            // validate() has checked every measured rate against it; the training rate is derived
            // from those rates and the backward ratios, so it is checked here.
            if trainingGflops > stated * (1 + HostMeasurement.rateTolerance) {
                throw CostError(parameter, "\(path): field 'peak_gflops' is \(stated), below the training rate \(trainingGflops) GFLOP/s derived from the kernels (\(trainingSource)); a peak is at least every rate measured")
            }
            peak = stated
            peakSource = "\(path): peak_gflops \(stated) (\(profile.peakSource ?? "source not stated"))"
        } else {
            peak = max(gflops, trainingGflops)
            peakSource = "derived: \(path) has no peak_gflops; the highest measured rate, \(peak) GFLOP/s (\(peak == gflops ? "kernel '\(kernelName)'" : "the training rate")), taken as the peak (utilisation 1 at that rate)"
        }
        for (what, rate) in [("kernel '\(kernelName)'", gflops), ("the training rate", trainingGflops)] where rate / peak < CostLimits.utilisation.lowerBound {
            throw CostError(parameter, "\(path): \(what) reaches \(rate) GFLOP/s, under 0.1 % of peak_gflops \(peak); one of the two is wrong")
        }
        if mfu != nil { throw mfuOnMeasuredProfile(derived: min(1, gflops / peak)) }
        let bandwidth = profile.bandwidth
        let when = profile.date.map { " on \($0)" } ?? ""
        var sources: [String: InputMessage] = [
            "peak": InputMessage(peakSource),
            "utilisation": "derived: kernel '\(kernelName)' \(gflops) GFLOP/s ÷ peak \(peak) GFLOP/s, measured\(when)",
            "training": InputMessage(trainingSource),
            "price": "\(InputParameter.pricePerHour)",
            "weights": measuredDataTypeNote,
        ]
        if bandwidth != nil {
            sources["bandwidth"] = "\(path): bandwidth_gbps, measured\(when)"
            sources["bandwidth_utilisation"] = "1 (STREAM triad is already achieved bandwidth)"
        }
        if tdp != nil { sources["tdp"] = "\(InputParameter.tdp)" }
        return try HardwareProfile(
            name: path.hasPrefix("host") ? path : "host (\(path))", origin: .measured(path: path, kernel: kernelName), peak: .giga(peak),
            utilisation: min(1, gflops / peak), trainingUtilisation: min(1, trainingGflops / peak),
            bandwidth: bandwidth, bandwidthUtilisation: 1, memoryGigabytes: nil, tdp: tdp,
            pricePerHour: price, sources: sources)
    }

    /// The host's training rate in GFLOP/s and how it was obtained.
    static func trainingRate(_ profile: HostMeasurement, forward: HostMeasurement.Kernel?, forwardGflops: Double,
                             kernelName: String) -> (Double, String) {
        let backward = backwardKernels.compactMap { profile.kernel($0) }
        if let forward, let fs = forward.seconds, let ff = forward.flops, fs > 0, ff > 0, backward.count == backwardKernels.count,
           backward.allSatisfy({ ($0.seconds ?? 0) > 0 && ($0.flops ?? 0) > 0 }) {
            let flops = ff + backward.reduce(0) { $0 + ($1.flops ?? 0) }
            let seconds = fs + backward.reduce(0) { $0 + ($1.seconds ?? 0) }
            let rate = flops / seconds / 1e9
            return (rate, "derived: (layer + attention_backward + ffn_backward FLOPs) ÷ (their seconds) = "
                + "\(String(format: "%.4g", flops)) FLOP ÷ \(String(format: "%.4g", seconds)) s = \(String(format: "%.4g", rate)) GFLOP/s (forward + measured backward)")
        }
        if let forward, let fs = forward.seconds, let ff = forward.flops, fs > 0, ff > 0,
           let attention = profile.kernel("attention"), let ffn = profile.kernel("ffn"),
           let sa = attention.seconds, let sf = ffn.seconds, sa > 0, sf > 0,
           let ra = profile.backwardForwardRatios?["attention"], let rf = profile.backwardForwardRatios?["ffn"],
           ra.isFinite, rf.isFinite, ra > 0, rf > 0 {
            let seconds = fs + ra * sa + rf * sf
            let rate = 3 * ff / seconds / 1e9
            return (rate, "derived: 3 × layer FLOPs ÷ (layer s + ratio_attention × attention s + ratio_ffn × ffn s) "
                + "from backward_forward_ratios = \(String(format: "%.4g", rate)) GFLOP/s")
        }
        return (forwardGflops, "no measured backward kernels: training priced at the forward '\(kernelName)' rate \(forwardGflops) GFLOP/s (backward assumed as fast as forward)")
    }
}
