import ArgumentParser

/// The `llmcost` command: parsing and formatting only; every figure comes from the libraries.
public struct LLMCost: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "llmcost",
        abstract: "Exact parameters, FLOPs, memory and cost of transformer workloads, with measured host throughput.",
        version: version,
        subcommands: [Models.self, Params.self, Flops.self, Memory.self, Validate.self, Plan.self, Bench.self, Cost.self, Seeds.self])

    public init() {}

    /// Runs the command line; errors become one line on stderr and a non-zero exit status.
    public static func run(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        StandardStreams.prepare()
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            exit(withError: nil)
        } catch let error as CleanExit {
            exit(withError: error)
        } catch let error where isArgumentParserError(error) {
            exit(withError: error)
        } catch {
            StandardStreams.writeError("llmcost: error: \(error)\n")
            _exit(1)
        }
    }

    private static func isArgumentParserError(_ error: any Error) -> Bool {
        error is ValidationError || error is ExitCode || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }
}

import Foundation
