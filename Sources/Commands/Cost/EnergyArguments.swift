import ArgumentParser
import CostModel

/// `--pue` and `--electricity`, for commands that price energy.
struct EnergyArguments: ParsableArguments {
    @Option(help: "Power usage effectiveness, facility ÷ IT power, at least 1 (default 1.2, a typical modern data centre).")
    var pue: Double?
    @Option(name: [.customLong("electricity"), .customLong("electricity-price")], help: "Electricity tariff in dollars per kWh, greater than 0 (default 0.10; also --electricity-price).")
    var electricity: Double?

    func options() throws -> EnergyOptions { try EnergyOptions(pue: pue, tariff: electricity.map(DollarsPerKilowattHour.init)) }
}
