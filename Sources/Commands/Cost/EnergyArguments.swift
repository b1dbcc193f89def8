import ArgumentParser
import CostModel

/// `--pue` and `--electricity`, for commands that price energy.
struct EnergyArguments: ParsableArguments {
    @Option(help: "Power usage effectiveness, facility ÷ IT power, at least 1 (default 1.2, a typical modern data centre).")
    var pue: Double?
    @Option(name: .customLong("electricity"), help: "Electricity tariff in dollars per kWh, greater than 0 (default 0.10).")
    var electricity: Double?
    @Option(name: Renamed.name(Renamed.OldNames.electricityPrice), help: .hidden) var electricityPriceRetired: Double?

    mutating func validate() throws {
        electricity = try Renamed.value(electricity, electricityPriceRetired, old: Renamed.OldNames.electricityPrice, new: .electricityPrice)
    }

    func options() throws -> EnergyOptions { try EnergyOptions(pue: pue, tariff: electricity.map(DollarsPerKilowattHour.init)) }
}
