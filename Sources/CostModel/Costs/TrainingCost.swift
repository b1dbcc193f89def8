import Workload

/// What pretraining on D tokens costs, with the exact count beside the seeds' `6·N·D`.
public struct TrainingCost: Sendable {
    public var model: String
    public var tokens: Int128
    /// Training model FLOPs: `trainingFLOPsPerToken × D` (3 × forward, no recomputation) —
    /// exact from the architecture, or the rule `6·N·D` when none is given (`isRule`).
    public var flops: FLOPs
    /// FLOPs the hardware executes: the model FLOPs plus activation recomputation.
    public var hardwareFLOPs: FLOPs
    /// Recomputation counted in `hardwareFLOPs`: none, selective, full.
    public var recompute: String
    /// True when `flops` is the 6·N·D rule (a bare parameter count, no architecture).
    public var isRule: Bool
    /// The rule: `6 · N_active · D`.
    public var ruleFLOPs: FLOPs
    /// Model FLOP utilisation: model FLOPs ÷ (device time × peak).
    public var mfu: Double
    /// Hardware FLOP utilisation: hardware FLOPs ÷ (device time × peak) = MFU × hardware ÷ model.
    public var hfu: Double
    /// Device-seconds.
    public var deviceTime: Seconds
    public var devices: Int
    /// `device time ÷ devices` (perfect scaling assumed; stated).
    public var wallClock: Seconds
    /// `device-hours × $/h`.
    public var dollars: Dollars
    /// `TDP × devices × wall-clock hours × PUE`; nil when the hardware has no stated TDP.
    public var energy: KilowattHours?
    public var energyDollars: Dollars?
    public var explanation: [Explanation]

    /// `exact ÷ rule`: how far 6·N·D is from the exact count.
    public var exactOverRule: Double { FLOPs.ratio(flops, ruleFLOPs) }
    /// `hardware ÷ model`: what recomputation adds.
    public var hardwareOverModel: Double { FLOPs.ratio(hardwareFLOPs, flops) }

    /// ```
    /// model FLOPs    = trainingFLOPsPerToken × D               (3 × forward; MFU is defined on these)
    /// hardware FLOPs = hardwareTrainingFLOPsPerToken × D       (+ recomputation)
    /// device-s       = model FLOPs ÷ (peak × MFU)              stated MFU (datasheet)
    ///                = hardware FLOPs ÷ measured training rate  measured host (its kernels issue hardware FLOPs)
    /// HFU            = MFU × hardware FLOPs ÷ model FLOPs      (≤ 1, else the stated MFU is impossible)
    /// wall-clock     = device-s ÷ G
    /// dollars        = device-s ÷ 3600 × $/h
    /// energy (kWh)   = TDP × G × wall-clock h × PUE ÷ 1000
    /// ```
    /// - Parameters:
    ///   - model: the exact figures of the architecture (`ModelFigures(spec:sequenceLength:)`), or
    ///     the 6·N·D rule (`ModelFigures.rule(name:parameters:)`).
    ///   - tokens: training tokens D, ≥ 1.
    ///   - hardware: a catalog device at a stated MFU (`HardwareProfile.datasheet`) or a measured host.
    ///   - devices: G ≥ 1 devices working in parallel.
    ///   - options: PUE and tariff for the energy figures.
    public static func estimate(model: ModelFigures, tokens: Int128, hardware: HardwareProfile, devices: Int = 1,
                                energy options: EnergyOptions = .standard) throws -> TrainingCost {
        guard tokens >= 1 else { throw CostError(.trainingTokens, "must be at least 1, got \(tokens)") }
        try CostError.count(devices, .devices, maximum: CostLimits.devices)
        let flops: FLOPs, hardwareFLOPs: FLOPs, rule: FLOPs
        do {
            flops = try model.trainingFLOPsPerToken.total(forTokens: tokens)
            hardwareFLOPs = try model.hardwareTrainingFLOPsPerToken.total(forTokens: tokens)
            rule = try FLOPs(6 * ExactCount(model.activeParameters) * ExactCount(tokens), "6·N·D")
        } catch {
            throw CostError(.trainingTokens, "the training FLOPs of \(model.name) on \(tokens) tokens exceed 2^127 and cannot be counted exactly; reduce \(InputParameter.trainingTokens)")
        }
        let ratio = FLOPs.ratio(hardwareFLOPs, flops)
        let deviceTime: Seconds, mfu: Double, hfu: Double
        if hardware.isMeasured {
            hfu = hardware.trainingUtilisation
            mfu = hfu / ratio
            deviceTime = hardware.effectiveTrainingThroughput.time(for: hardwareFLOPs)
        } else {
            mfu = hardware.trainingUtilisation
            hfu = mfu * ratio
            guard hfu <= 1 + 1e-12 else {
                throw CostError(.mfu, "MFU \(CostError.trim(mfu)) with \(model.recompute) recomputation means a hardware FLOP utilisation of "
                    + "\(String(format: "%.3f", hfu)) (MFU × \(String(format: "%.4f", ratio))), above 1; state a lower \(InputParameter.mfu)")
            }
            deviceTime = hardware.effectiveTrainingThroughput.time(for: flops)
        }
        try CostError.finite(deviceTime.value, .trainingTokens)
        let wall = deviceTime / Double(devices)
        let dollars = hardware.pricePerHour.cost(for: deviceTime)
        let kWh = hardware.tdp.map { options.energy(tdp: $0, deviceTime: deviceTime) }
        let energyDollars = kWh.map { options.tariff.cost(of: $0) }

        let flopsName = model.isRule ? "training FLOPs (6·N·D rule)" : "training model FLOPs"
        var explanation = [
            model.isRule
                ? Explanation(flopsName, formula: "6 · N · D (no architecture given: the rule, not an exact count)", inputs: [
                    .init("N", String(model.activeParameters), "parameters", citing: "\(InputParameter.parameters)"),
                    .init("D", String(tokens), "tokens"),
                ], result: "\(flops) FLOP")
                : Explanation(flopsName, formula: "trainingFLOPsPerToken × D (3 × forward, no recomputation; MFU is defined on these)", inputs: [
                    .init("trainingFLOPsPerToken", String(format: "%.6g", model.trainingFLOPsPerToken.value), "FLOP/token",
                          source: "\(model.name) at seq \(model.sequenceLength), \(model.trainingFLOPsPerToken)"),
                    .init("D", String(tokens), "tokens"),
                ], result: "\(flops) FLOP"),
        ]
        if model.recompute != "none" {
            explanation.append(Explanation("training hardware FLOPs", formula: "hardwareTrainingFLOPsPerToken × D (model FLOPs + \(model.recompute) recomputation)", inputs: [
                .init("hardwareTrainingFLOPsPerToken", String(format: "%.6g", model.hardwareTrainingFLOPsPerToken.value), "FLOP/token",
                      source: "\(model.name) at seq \(model.sequenceLength), \(model.hardwareTrainingFLOPsPerToken)"),
                .init("D", String(tokens), "tokens"),
            ], result: "\(hardwareFLOPs) FLOP (hardware ÷ model = \(String(format: "%.4f", ratio)))"))
        }
        if !model.isRule {
            explanation.append(Explanation("rule FLOPs", formula: "6 · N_active · D", inputs: [
                .init("N_active", String(model.activeParameters), "parameters", source: "Workload.ParameterCount"),
                .init("D", String(tokens), "tokens"),
            ], result: "\(rule) FLOP (exact ÷ rule = \(String(format: "%.4f", FLOPs.ratio(flops, rule))))"))
        }
        if hardware.isMeasured {
            explanation.append(Explanation("device time", formula: "hardware FLOPs ÷ measured training rate (the host's kernels issue hardware FLOPs)", inputs: [
                .init("training rate", hardware.effectiveTrainingThroughput.description, "", citing: hardware.sources["training"] ?? "measured"),
            ], result: "\(Quantity.grouped(deviceTime.hours, fractionDigits: 1)) device-hours"))
            explanation.append(Explanation("MFU (implied)", formula: "model FLOPs ÷ (device-s × peak) = HFU × model ÷ hardware", inputs: [
                .init("peak", hardware.peak.description, "", citing: hardware.sources["peak"] ?? "measured"),
                .init("HFU", String(format: "%.4g", hfu), "", source: "measured training rate ÷ peak"),
            ], result: String(format: "%.4g", mfu)))
        } else {
            explanation.append(Explanation("device time", formula: "model FLOPs ÷ (peak × MFU) (MFU is on model FLOPs, so recomputation does not change it)", inputs: [
                .init("peak", hardware.peak.description, "", citing: hardware.sources["peak"] ?? "stated"),
                .init("MFU", String(format: "%.4g", mfu), "", citing: hardware.sources["training_utilisation"] ?? hardware.sources["utilisation"] ?? "stated"),
            ], result: "\(Quantity.grouped(deviceTime.hours, fractionDigits: 1)) device-hours"))
            if model.recompute != "none" { explanation.append(Explanation("HFU (implied)", formula: "MFU × hardware FLOPs ÷ model FLOPs (hardware FLOP utilisation; recomputation is work the hardware does but MFU does not count)", inputs: [
                .init("MFU", String(format: "%.4g", mfu), "", source: hardware.sources["training_utilisation"] == nil ? "stated" : "predicted"),
                .init("hardware ÷ model", String(format: "%.4f", ratio), "", source: "\(model.recompute) recomputation"),
            ], result: String(format: "%.4g", hfu))) }
        }
        explanation += [
            Explanation("wall-clock", formula: "device time ÷ G (perfect scaling assumed)", inputs: [
                .init("G", String(devices), "devices"),
            ], result: "\(Quantity.grouped(wall.days, fractionDigits: 2)) days"),
            Explanation("dollars", formula: "device-hours × $/h", inputs: [
                .init("$/h", hardware.pricePerHour.description, "", citing: hardware.sources["price"] ?? "stated"),
            ], result: dollars.description),
        ]
        if let tdp = hardware.tdp, let kWh, let energyDollars {
            explanation.append(Explanation("energy", formula: "TDP × G × wall-clock h × PUE ÷ 1000 (= TDP × device-h × PUE)", inputs: [
                .init("TDP", tdp.description, "", citing: hardware.sources["tdp"] ?? "stated"),
                .init("PUE", CostError.trim(options.pue), "", citing: options.pueSource),
            ], result: kWh.description))
            explanation.append(Explanation("energy dollars", formula: "kWh × $/kWh", inputs: [
                .init("tariff", options.tariff.description, "", citing: options.tariffSource),
            ], result: energyDollars.description + " (usually already inside a rental price; not added to the dollars)"))
        }
        return TrainingCost(model: model.name, tokens: tokens, flops: flops, hardwareFLOPs: hardwareFLOPs, recompute: model.recompute,
                            isRule: model.isRule, ruleFLOPs: rule, mfu: mfu, hfu: hfu, deviceTime: deviceTime,
                            devices: devices, wallClock: wall, dollars: dollars, energy: kWh,
                            energyDollars: energyDollars, explanation: explanation)
    }
}
