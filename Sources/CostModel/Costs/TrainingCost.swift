import Workload

/// What pretraining on D tokens costs, with the exact count beside the seeds' `6·N·D`.
public struct TrainingCost: Sendable {
    public var model: String
    public var tokens: Int128
    /// Exact training FLOPs: `trainingFLOPsPerToken × D`.
    public var flops: FLOPs
    /// The rule: `6 · N_active · D`.
    public var ruleFLOPs: FLOPs
    /// Device-seconds: `FLOPs ÷ (peak × MFU)`.
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

    /// ```
    /// FLOPs        = trainingFLOPsPerToken × D                (exact, Workload)
    /// device-s     = FLOPs ÷ (peak × MFU)
    /// wall-clock   = device-s ÷ G
    /// dollars      = device-s ÷ 3600 × $/h
    /// energy (kWh) = TDP × G × wall-clock h × PUE ÷ 1000
    /// ```
    /// - Parameters:
    ///   - tokens: training tokens D, ≥ 1.
    ///   - devices: G ≥ 1 devices working in parallel.
    public static func estimate(model: ModelFigures, tokens: Int128, hardware: HardwareProfile, devices: Int = 1,
                                energy options: EnergyOptions = .standard) throws -> TrainingCost {
        guard tokens >= 1 else { throw CostError(option: "--tokens", "must be at least 1, got \(tokens)") }
        try CostError.atLeastOne(devices, "--devices")
        let flops = try model.trainingFLOPsPerToken.total(forTokens: tokens)
        let rule = try FLOPs(6 * ExactCount(model.activeParameters) * ExactCount(tokens), "6·N·D")
        let throughput = hardware.effectiveThroughput
        let deviceTime = throughput.time(for: flops)
        try CostError.finite(deviceTime.value, "--tokens")
        let wall = deviceTime / Double(devices)
        let dollars = hardware.pricePerHour.cost(for: deviceTime)
        let kWh = hardware.tdp.map { options.energy(tdp: $0, deviceTime: deviceTime) }
        let energyDollars = kWh.map { options.tariff.cost(of: $0) }

        var explanation = [
            Explanation("training FLOPs", formula: "trainingFLOPsPerToken × D", inputs: [
                .init("trainingFLOPsPerToken", String(format: "%.6g", model.trainingFLOPsPerToken.value), "FLOP/token",
                      source: "\(model.name) at seq \(model.sequenceLength), \(model.trainingFLOPsPerToken)"),
                .init("D", String(tokens), "tokens"),
            ], result: "\(flops) FLOP"),
            Explanation("rule FLOPs", formula: "6 · N_active · D", inputs: [
                .init("N_active", String(model.activeParameters), "parameters", source: "Workload.ParameterCount"),
                .init("D", String(tokens), "tokens"),
            ], result: "\(rule) FLOP (exact ÷ rule = \(String(format: "%.4f", FLOPs.ratio(flops, rule))))"),
            Explanation("device time", formula: "FLOPs ÷ (peak × MFU)", inputs: [
                .init("peak", hardware.peak.description, "", source: hardware.sources["peak"] ?? "stated"),
                .init("MFU", String(format: "%.4g", hardware.utilisation), "", source: hardware.sources["utilisation"] ?? "stated"),
            ], result: "\(Quantity.grouped(deviceTime.hours, fractionDigits: 1)) device-hours"),
            Explanation("wall-clock", formula: "device time ÷ G (perfect scaling assumed)", inputs: [
                .init("G", String(devices), "devices"),
            ], result: "\(Quantity.grouped(wall.days, fractionDigits: 2)) days"),
            Explanation("dollars", formula: "device-hours × $/h", inputs: [
                .init("$/h", hardware.pricePerHour.description, "", source: hardware.sources["price"] ?? "stated"),
            ], result: dollars.description),
        ]
        if let tdp = hardware.tdp, let kWh, let energyDollars {
            explanation.append(Explanation("energy", formula: "TDP × G × wall-clock h × PUE ÷ 1000 (= TDP × device-h × PUE)", inputs: [
                .init("TDP", tdp.description, "", source: hardware.sources["tdp"] ?? "stated"),
                .init("PUE", String(options.pue), "", source: options.pue == EnergyOptions.defaultPUE ? "default (typical modern data centre)" : "--pue"),
            ], result: kWh.description))
            explanation.append(Explanation("energy dollars", formula: "kWh × $/kWh", inputs: [
                .init("tariff", options.tariff.description, "", source: "--electricity (default $0.10/kWh)"),
            ], result: energyDollars.description + " (usually already inside a rental price)"))
        }
        return TrainingCost(model: model.name, tokens: tokens, flops: flops, ruleFLOPs: rule, deviceTime: deviceTime,
                            devices: devices, wallClock: wall, dollars: dollars, energy: kWh,
                            energyDollars: energyDollars, explanation: explanation)
    }
}
