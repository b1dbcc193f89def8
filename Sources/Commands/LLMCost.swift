import ArgumentParser

/// The `llmcost` command: parsing and formatting only; every figure comes from the libraries.
public struct LLMCost: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "llmcost",
        abstract: "Exact parameters, FLOPs, memory and cost of transformer workloads, with measured host throughput.",
        discussion: Examples.discussion(
            "llmcost params llama-2-7b",
            "llmcost flops gpt2 --phase decode --context 1000",
            "llmcost memory mixtral-8x7b --weight-type fp8",
            "llmcost cost train llama-2-7b --tokens 2e12 --devices 1024"),
        version: version,
        subcommands: [Models.self, Params.self, Flops.self, Memory.self, Validate.self, Plan.self, Bench.self, Cost.self, HardwareCommand.self, Seeds.self])

    public init() {}

    /// Runs the command line; errors become one line on stderr and a non-zero exit status.
    public static func run(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        StandardStreams.prepare()
        do {
            // Every argument that names a file may be an input (a config, a host profile): no
            // output may overwrite it.
            InputFiles.recordArguments(arguments)
            // `help flop` would print the top-level help as if nothing were wrong.
            if arguments.first == "help", let line = ParserSuggestion.unknownCommand(in: Array(arguments.dropFirst())) {
                StandardStreams.error(line)
                _exit(ExitCode.validationFailure.rawValue)
            }
            var command = try parseAsRoot(attachingNegativeValues(arguments))
            try command.run()
            exit(withError: nil)
        } catch let error as CleanExit {
            exit(withError: error)
        } catch let error where exitCode(for: error) == .success {
            // `--help`, `help cmd`, `--version` arrive wrapped, not as CleanExit: the parser
            // prints them in full on stdout with status 0.
            exit(withError: error)
        } catch let error where isArgumentParserError(error) {
            // One line, like every other error: the parser's message without the usage block,
            // or, for a mistyped command or option value, the one did-you-mean rule's line.
            if let line = ParserSuggestion.line(for: arguments, message: self.message(for: error)) {
                StandardStreams.error(line)
                _exit(exitCode(for: error).rawValue)
            }
            let message = self.message(for: error).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
            StandardStreams.error("\(message) (see 'llmcost help')")
            _exit(exitCode(for: error).rawValue)
        } catch {
            StandardStreams.error(ErrorLine.text(error))
            _exit(1)
        }
    }

    /// `--seq -1` as `--seq=-1`: the parser reads a leading dash as an option, so a negative
    /// value would otherwise be reported as a missing one instead of being validated.
    static func attachingNegativeValues(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a.hasPrefix("--"), !a.contains("="), i + 1 < arguments.count, isNegativeNumber(arguments[i + 1]) {
                result.append("\(a)=\(arguments[i + 1])")
                i += 2
            } else {
                result.append(a)
                i += 1
            }
        }
        return result
    }

    private static func isNegativeNumber(_ s: String) -> Bool {
        guard s.hasPrefix("-"), s.count > 1 else { return false }
        let rest = s.dropFirst()
        return rest.first.map { $0.isNumber || $0 == "." } ?? false
    }

    private static func isArgumentParserError(_ error: any Error) -> Bool {
        error is ValidationError || error is ExitCode || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }
}

import Foundation
