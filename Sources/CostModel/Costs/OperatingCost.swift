import Workload
/// What serving a daily load costs (the question seed 000 sets out to answer).
public struct OperatingCost: Sendable {
    public var requestsPerDay: Double
    public var tokensPerRequest: Int
    public var targetUtilisation: Double
    /// Device-seconds of work per day: `requests × device time per request`.
    public var busyDeviceTime: Seconds
    /// `ceil(busy device-seconds ÷ (86 400 × utilisation))`, rounded up to whole serving groups.
    public var devices: Int
    public var computeDollarsPerDay: Dollars
    public var energyPerDay: KilowattHours?
    public var energyDollarsPerDay: Dollars?
    /// Whether the energy dollars are added to the total: only when the rental price excludes
    /// energy (an owner's amortised price); a rental price normally includes it.
    public var energyAddedToTotal: Bool
    /// `compute $/day`, plus `energy $/day` when the price excludes energy.
    public var totalDollarsPerDay: Dollars
    public var dollarsPer1KTokens: Dollars
    public var inference: InferenceCost
    public var explanation: [Explanation]

    /// ```
    /// busy device-s/day = requests/day × device-s/request        (at batch B: `InferenceCost`)
    /// devices           = ceil(busy ÷ (86 400 × u))               u = target utilisation
    /// compute $/day     = devices × 24 h × $/h
    /// energy kWh/day    = devices × TDP × 24 h × PUE ÷ 1000
    /// total $/day       = compute $/day                           (rental price includes energy: default)
    ///                   = compute + energy $/day                  (priceExcludesEnergy)
    /// $/1K tokens       = total $/day ÷ (requests × (P + N) ÷ 1000)
    /// ```
    /// Provisioned devices are paid for all day; energy is priced as if at full TDP all day (an
    /// upper bound). A rental price normally includes energy, so energy is shown beside the total,
    /// not added to it, unless `priceExcludesEnergy` says the price is for the hardware alone.
    public static func estimate(model: ModelFigures, requestsPerDay: Double, promptTokens: Int, outputTokens: Int,
                                batch: Int = 1, hardware: HardwareProfile, devicesPerReplica: Int = 1,
                                targetUtilisation: Double = 0.6, energy options: EnergyOptions = .standard,
                                priceExcludesEnergy: Bool = false,
                                communication: InferenceCost.Communication? = nil,
                                predicted: PredictedGeneration? = nil) throws(CostError) -> OperatingCost {
        try CostError.within(requestsPerDay, CostLimits.requestsPerDay, .requestsPerDay, " requests a day")
        try CostError.fraction(targetUtilisation, .targetUtilisation)
        let inference = try InferenceCost.estimate(model: model, promptTokens: promptTokens, outputTokens: outputTokens,
                                                   batch: batch, hardware: hardware, devices: devicesPerReplica,
                                                   communication: communication, predicted: predicted)
        let busy = inference.deviceTimePerRequest * requestsPerDay
        let replicas = (busy.value / (86_400 * targetUtilisation * Double(devicesPerReplica))).rounded(.up)
        try CostError.finite(replicas, .requestsPerDay)
        guard replicas < 1e12 else { throw CostError(.requestsPerDay, "needs more than 10^12 devices; check the inputs") }
        // Checked: replicas < 10^12 and devicesPerReplica ≤ 2^20, so the product fits an Int.
        guard let whole = Int(exactly: max(1, replicas)) else { throw CostError(.requestsPerDay, "needs \(replicas) replicas; check the inputs") }
        let devices = whole * devicesPerReplica
        let day = Seconds(hours: 24)
        let compute = hardware.pricePerHour.cost(for: day) * Double(devices)
        let kWh = hardware.tdp.map { options.energy(tdp: $0, deviceTime: day * Double(devices)) }
        let energyDollars = kWh.map { options.tariff.cost(of: $0) }
        let addEnergy = priceExcludesEnergy && energyDollars != nil
        let total = addEnergy ? compute + (energyDollars ?? .zero) : compute
        let tokens = requestsPerDay * Double(promptTokens + outputTokens)
        let per1K = total / (tokens / 1000)
        try CostError.finite(per1K.value, .requestsPerDay)
        let explanation = inference.explanation + [
            Explanation("devices", formula: "ceil(requests/day × device-s/request ÷ (86 400 × u))", inputs: [
                .init("requests/day", Quantity.grouped(requestsPerDay, fractionDigits: 0), ""),
                .init("device-s/request", String(format: "%.6g", inference.deviceTimePerRequest.value), "s", source: "\(predicted == nil ? "roofline" : "per-operation steps") at batch \(batch)"),
                .init("u", String(targetUtilisation), "", citing: "\(InputParameter.targetUtilisation)"),
            ], result: "\(devices) devices"),
            Explanation("compute $/day", formula: "devices × 24 h × $/h", inputs: [
                .init("$/h", hardware.pricePerHour.description, "", citing: hardware.sources["price"] ?? "stated"),
            ], result: compute.description),
            Explanation("energy $/day", formula: "devices × TDP × 24 h × PUE ÷ 1000 × $/kWh", inputs: [
                .init("TDP", hardware.tdp?.description ?? "not stated", "", citing: hardware.sources["tdp"] ?? "—"),
                .init("PUE", CostError.trim(options.pue), "", citing: options.pueSource),
                .init("tariff", options.tariff.description, "", citing: options.tariffSource),
            ], result: (energyDollars?.description ?? "not computed (no TDP)")
                + (addEnergy ? " (added: the rental price excludes energy)" : " (inside the rental price; not added)")),
            Explanation("total $/day", formula: addEnergy ? "compute $/day + energy $/day (the price excludes energy)" : "compute $/day (the rental price includes energy)",
                        inputs: [], result: total.description),
            Explanation("$/1K tokens", formula: "total $/day ÷ (requests × (P + N) ÷ 1000)", inputs: [
                .init("requests × (P + N)", Quantity.grouped(tokens, fractionDigits: 0), "tokens/day"),
            ], result: per1K.description),
        ]
        return OperatingCost(requestsPerDay: requestsPerDay, tokensPerRequest: promptTokens + outputTokens,
                             targetUtilisation: targetUtilisation, busyDeviceTime: busy, devices: devices,
                             computeDollarsPerDay: compute, energyPerDay: kWh, energyDollarsPerDay: energyDollars,
                             energyAddedToTotal: addEnergy, totalDollarsPerDay: total, dollarsPer1KTokens: per1K, inference: inference,
                             explanation: explanation)
    }
}
