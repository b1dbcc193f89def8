import Workload

/// How electricity is priced: the facility overhead (PUE) and the tariff.
public struct EnergyOptions: Sendable, Equatable {
    /// Power usage effectiveness: facility power ÷ IT power. 1.2 is a typical modern data
    /// centre (hyperscalers report 1.1–1.2; the industry average is nearer 1.5).
    public static let defaultPUE = 1.2
    /// $/kWh; 0.10 is a round industrial US tariff, stated wherever it is used.
    public static let defaultTariff = DollarsPerKilowattHour(0.10)

    public var pue: Double
    public var tariff: DollarsPerKilowattHour
    /// Where the PUE and tariff came from: the option, or the stated default.
    public var pueSource: InputMessage
    public var tariffSource: InputMessage

    /// A `nil` figure is the stated default. A tariff must be greater than zero (a price of
    /// zero or less is an error, like every other price).
    public init(pue: Double? = nil, tariff: DollarsPerKilowattHour? = nil) throws(CostError) {
        if let pue {
            try CostError.positive(pue, .pue)
            guard pue >= 1 else { throw CostError(.pue, "must be at least 1 (facility power ÷ IT power), got \(pue)") }
            try CostError.within(pue, CostLimits.pue, .pue, " (facility power ÷ IT power)")
        }
        if let tariff { try CostError.positive(tariff.value, .electricityPrice, maximum: CostLimits.tariff, " dollars per kWh") }
        self.pue = pue ?? Self.defaultPUE
        self.tariff = tariff ?? Self.defaultTariff
        pueSource = pue == nil ? "default 1.2 (typical modern data centre; \(InputParameter.pue))" : "\(InputParameter.pue)"
        tariffSource = tariff == nil ? "default $0.10/kWh (round industrial US tariff; \(InputParameter.electricityPrice))" : "\(InputParameter.electricityPrice)"
    }

    public static let standard = try! EnergyOptions()

    /// `TDP × device-hours × PUE ÷ 1000`.
    public func energy(tdp: Watts, deviceTime: Seconds) -> KilowattHours {
        tdp.energy(over: deviceTime) * pue
    }
}
