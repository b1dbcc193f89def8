import ArgumentParser
import Foundation
import Workload

/// Did-you-mean for the two names ArgumentParser rejects without one: a mistyped command
/// (`llmcost flop`, `llmcost cost infr`) and a value outside an option's fixed set
/// (`--precision bf61`). Both use the one rule every name lookup uses (`EditDistance.nearest`),
/// and are consulted only once parsing has failed, so a valid command line is never second-guessed.
enum ParserSuggestion {
    /// The line for a failed parse, when it is one of the two: else nil (the parser's own message stands).
    static func line(for arguments: [String], message: String) -> String? {
        unknownCommand(in: arguments) ?? invalidValue(message)
    }

    /// A word where a command is expected that names none: `unknown command 'flop'; did you mean 'flops'?`.
    static func unknownCommand(in arguments: [String]) -> String? {
        unknownCommand(in: arguments[...], below: LLMCost.self, path: [LLMCost._commandName])
    }

    private static func unknownCommand(in arguments: ArraySlice<String>, below command: any ParsableCommand.Type,
                                       path: [String]) -> String? {
        let subcommands: [any ParsableCommand.Type] = command.configuration.subcommands
        guard let word = arguments.first, !subcommands.isEmpty, !word.hasPrefix("-"), word != "help" else { return nil }
        let names = subcommands.map { $0._commandName }
        guard let index = names.firstIndex(of: word) else {
            return "unknown command '\(word)' for '\(path.joined(separator: " "))'\(suggestion(word, in: names)) "
                + "(commands: \(names.joined(separator: ", ")))"
        }
        return unknownCommand(in: arguments.dropFirst(), below: subcommands[index], path: path + [word])
    }

    /// ArgumentParser's "The value 'x' is invalid for '--option <option>'. Please provide one of …"
    /// as `--option: unknown value 'x'; did you mean 'y'? (one of …)`.
    static func invalidValue(_ message: String) -> String? {
        guard let match = message.firstMatch(of: /The value '(.*)' is invalid for '(--[a-z0-9-]+)[^']*'\. Please provide one of/) else { return nil }
        let value = String(match.output.1), option = String(match.output.2)
        let list = message[match.range.upperBound...]
        var values = list.matches(of: /'([^']*)'/).map { String($0.output.1) }
        values += list.split(separator: "\n").compactMap { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.hasPrefix("- ") ? String(text.dropFirst(2)) : nil
        }
        guard !values.isEmpty else { return nil }
        return "\(option): unknown value '\(value)'\(suggestion(value, in: values)) (one of \(values.joined(separator: ", ")))"
    }

    /// `; did you mean 'x'?` (or several, nearest first), or nothing.
    static func suggestion(_ word: String, in candidates: [String]) -> String {
        EditDistance.didYouMean(word, in: candidates).map { "; " + $0 } ?? ""
    }
}
