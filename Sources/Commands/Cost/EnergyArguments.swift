import ArgumentParser
import CostModel

/// `--pue` and `--electricity`, for commands that price energy.
struct EnergyArguments: ParsableArguments {
    @Option(help: "Power usage effectiveness, facility ÷ IT power (default 1.2, a typical modern data centre).")
    var pue: Double = EnergyOptions.defaultPUE
    @Option(name: [.customLong("electricity"), .customLong("electricity-price")], help: "Electricity tariff in dollars per kWh (default 0.10; also --electricity-price).")
    var electricity: Double = EnergyOptions.defaultTariff.value

    func options() throws -> EnergyOptions { try EnergyOptions(pue: pue, tariff: DollarsPerKilowattHour(electricity)) }
}
