/// How electricity is priced: the facility overhead (PUE) and the tariff.
public struct EnergyOptions: Sendable, Equatable {
    /// Power usage effectiveness: facility power ÷ IT power. 1.2 is a typical modern data
    /// centre (hyperscalers report 1.1–1.2; the industry average is nearer 1.5).
    public static let defaultPUE = 1.2
    /// $/kWh; 0.10 is a round industrial US tariff, stated wherever it is used.
    public static let defaultTariff = DollarsPerKilowattHour(0.10)

    public var pue: Double
    public var tariff: DollarsPerKilowattHour

    public init(pue: Double = EnergyOptions.defaultPUE, tariff: DollarsPerKilowattHour = EnergyOptions.defaultTariff) throws(CostError) {
        try CostError.positive(pue, "--pue")
        guard pue >= 1 else { throw CostError(option: "--pue", "must be at least 1 (facility power ÷ IT power), got \(pue)") }
        try CostError.nonNegative(tariff.value, "--electricity")
        self.pue = pue; self.tariff = tariff
    }

    public static let standard = try! EnergyOptions()

    /// `TDP × device-hours × PUE ÷ 1000`.
    public func energy(tdp: Watts, deviceTime: Seconds) -> KilowattHours {
        tdp.energy(over: deviceTime) * pue
    }
}
