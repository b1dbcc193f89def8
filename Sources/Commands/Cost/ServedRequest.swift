import ArgumentParser
import Workload

/// `--prompt` and `--new-tokens`: one request's shape, for the commands that price serving.
struct ServedRequest: ParsableArguments {
    @Option(name: .customLong("prompt"), help: "Prompt tokens P per request (default 512).")
    var promptOption: Int?
    @Option(name: .customLong("new-tokens"), help: "Generated tokens N per request (default 256).")
    var newTokensOption: Int?
    @Option(name: Renamed.name(Renamed.OldNames.promptTokens), help: .hidden) var promptTokensRetired: Int?
    @Option(name: Renamed.name(Renamed.OldNames.outputTokens), help: .hidden) var outputTokensRetired: Int?

    var prompt: Int { promptOption ?? 512 }
    var newTokens: Int { newTokensOption ?? 256 }

    mutating func validate() throws {
        promptOption = try Renamed.value(promptOption, promptTokensRetired, old: Renamed.OldNames.promptTokens, new: .promptTokens)
        newTokensOption = try Renamed.value(newTokensOption, outputTokensRetired, old: Renamed.OldNames.outputTokens, new: .newTokens)
    }
}
