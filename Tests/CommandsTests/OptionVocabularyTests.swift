import ArgumentParser
import Foundation
import Testing
@testable import Commands
import Workload

/// One spelling per concept: every visible option of every command is the one `OptionNames`
/// gives its parameter (or one of its few mode flags), no option shows two names, and every
/// retired spelling still parses, to the same result, with one warning naming its successor.
@Suite struct OptionVocabularyTests {
    /// Every command's visible long option names, by command path, from the parser's own dump.
    static func visibleOptions() throws -> [String: [[String]]] {
        var dump = ""
        do { _ = try LLMCost.parseAsRoot(["--experimental-dump-help"]) } catch { dump = LLMCost.fullMessage(for: error) }
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any])
        var found: [String: [[String]]] = [:]
        func walk(_ command: [String: Any], _ path: String) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool ?? true {
                let names = (argument["names"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "long" }
                    .compactMap { $0["name"] as? String }.map { "--" + $0 }
                if !names.isEmpty { found[path, default: []].append(names) }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path + " " + (sub["commandName"] as? String ?? "?"))
            }
        }
        walk(try #require(root["command"] as? [String: Any]), "llmcost")
        return found
    }

    /// Options that set no library parameter: output, modes, listings.
    static let modeOptions: Set<String> = [
        "--format", "--explain", "--wide", "--help", "--version", "--quick", OptionNames.listInterconnects,
        OptionNames.dryRun, OptionNames.serve, OptionNames.measure, OptionNames.noBackward, OptionNames.gated,
    ]

    @Test func everyVisibleOptionIsTheOneSpellingOfItsParameter() throws {
        let vocabulary = Set(InputParameter.allCases.map(\.option)).union(Self.modeOptions)
        let options = try Self.visibleOptions()
        #expect(options.count >= 15, "the walk reached every command: \(options.keys.sorted())")
        for (command, names) in options {
            for spelling in names {
                #expect(spelling.count == 1, "\(command): one concept, two visible spellings \(spelling)")
                for name in spelling {
                    #expect(vocabulary.contains(name), "\(command) \(name) is not spelled by OptionNames")
                }
            }
        }
    }

    @Test func noRetiredSpellingIsVisibleWhereItWasRetired() throws {
        let options = try Self.visibleOptions()
        for spelling in Renamed.all {
            for command in spelling.commands {
                let visible = Set(try #require(options["llmcost " + command], "\(command)").flatMap { $0 })
                #expect(!visible.contains(spelling.old), "\(command): \(spelling.old) is still shown")
                if spelling.new.hasPrefix("--") { #expect(visible.contains(spelling.new), "\(command): \(spelling.new) is not an option") }
            }
        }
    }

    /// The smallest valid invocation of each command that accepts a retired spelling, and a value for it.
    static let base: [String: [String]] = [
        "memory": ["memory", "gpt2"],
        "validate": ["validate", "gpt2", "--contexts", "2048"],
        "cost train": ["cost", "train", "--parameters", "7e9", "--tokens", "1e12"],
        "cost infer": ["cost", "infer", "--parameters", "7e9"],
        "cost operate": ["cost", "operate", "--parameters", "7e9", "--requests-per-day", "1e5"],
        "cost task": ["cost", "task", "--input-tokens", "1000", "--output-tokens", "100"],
        "bench": ["bench", "--dry-run"],
    ]
    static let values: [String: String] = [
        OptionNames.Retired.dtype: "int8", OptionNames.Retired.kvDtype: "fp8", OptionNames.Retired.gpus: "8",
        OptionNames.Retired.promptTokens: "100", OptionNames.Retired.outputTokens: "50",
        OptionNames.Retired.priceIn: "0.01", OptionNames.Retired.priceOut: "0.03", OptionNames.Retired.electricityPrice: "0.2",
        OptionNames.Retired.benchModel: "gpt2",
    ]

    /// The value of a retired option or of its successor.
    static func value(_ option: String) -> String? {
        values[option] ?? Renamed.all.first { $0.new == option }.flatMap { values[$0.old] }
    }

    /// The invocation with `option` (and the price the task always needs besides it).
    static func arguments(_ command: String, _ option: String) -> [String] {
        // The MODEL argument is its value alone.
        var arguments = base[command]! + (option.hasPrefix("--") ? [option] : []) + (value(option).map { [$0] } ?? [])
        if command == "cost task" {
            arguments += option == OptionNames.Retired.priceIn || option == InputParameter.inputPricePer1K.option
                ? [InputParameter.outputPricePer1K.option, "0.03"] : [InputParameter.inputPricePer1K.option, "0.01"]
        }
        return arguments
    }

    static var cases: [(old: String, new: String, command: String)] {
        Renamed.all.flatMap { s in s.commands.map { (s.old, s.new, $0) } }
    }

    /// Runs a command in-process into a file; its text.
    static func output(_ arguments: [String]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-vocabulary-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        var command = try LLMCost.parseAsRoot(arguments + ["--format", "json", "--output", file.path])
        try command.run()
        // The host's free memory (in bench's dry run) changes between two runs; nothing else does.
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.contains("mem_available") }.joined(separator: "\n")
    }

    @Test func everyRetiredSpellingGivesTheSameResultAsItsSuccessor() throws {
        #expect(Self.cases.count >= 13)
        for c in Self.cases {
            let old = try Self.output(Self.arguments(c.command, c.old))
            var newArguments = Self.arguments(c.command, c.new)
            if c.command == "cost task" { newArguments = Self.arguments(c.command, c.old).map { $0 == c.old ? c.new : $0 } }
            #expect(old == (try Self.output(newArguments)), "\(c.command) \(c.old) ≠ \(c.new)")
        }
    }

    @Test func everyRetiredSpellingWarnsOnceNamingItsSuccessor() throws {
        for c in Self.cases {
            let run = try ExecutableTests().run(Self.arguments(c.command, c.old) + ["--format", "json"])
            #expect(run.status == 0, "\(c.command) \(c.old): \(run.stderr)")
            let warnings = run.stderr.split(separator: "\n").filter { $0.contains("warning:") }.map(String.init)
            #expect(warnings == ["llmcost: warning: " + Renamed.warning(old: c.old, new: c.new)], "\(c.command): \(run.stderr)")
            #expect(warnings.first?.contains(c.new) == true)
        }
    }

    @Test func bothSpellingsAtOnceAreRefused() throws {
        #expect(throws: (any Error).self) {
            _ = try LLMCost.parseAsRoot(["memory", "gpt2", "--dtype", "int8", "--weight-type", "int4"])
        }
        do {
            _ = try LLMCost.parseAsRoot(["cost", "infer", "--parameters", "7e9", "--gpus", "2", "--devices", "4"])
            Issue.record("accepted --gpus with --devices")
        } catch {
            #expect(LLMCost.message(for: error).contains("--devices and --gpus are the same option"))
        }
    }

    @Test func theREADMEListsEveryRetiredSpelling() throws {
        let readme = try String(contentsOf: LibraryFlagTests.sources.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        for s in Renamed.all {
            #expect(readme.contains("| `\(s.old)` | `\(s.new)` |"), "README vocabulary table lacks \(s.old)")
        }
    }
}

/// Names the parser rejects get the one did-you-mean rule (`EditDistance.nearest`) too.
@Suite struct ParserSuggestionTests {
    @Test func aMistypedCommandSuggestsTheNearestOne() {
        #expect(ParserSuggestion.unknownCommand(in: ["flop", "gpt2"])
            == "unknown command 'flop' for 'llmcost'; did you mean 'flops'? (commands: models, params, flops, memory, validate, plan, bench, cost, hardware, seeds)")
        #expect(ParserSuggestion.unknownCommand(in: ["cost", "infr"])?.hasPrefix("unknown command 'infr' for 'llmcost cost'; did you mean 'infer'?") == true)
        #expect(ParserSuggestion.unknownCommand(in: ["cost", "xyzzy"]) == "unknown command 'xyzzy' for 'llmcost cost' (commands: train, infer, operate, breakeven, task)")
        // Valid commands, options and help are left to the parser.
        for arguments in [["flops", "gpt2", "extra"], ["--bogus"], ["help", "flop"], ["cost", "infer", "--x"], []] {
            #expect(ParserSuggestion.unknownCommand(in: arguments) == nil, "\(arguments)")
        }
    }

    /// The parser's own messages, as it words them for short and long value lists.
    func line(_ arguments: [String]) -> String? {
        do {
            _ = try LLMCost.parseAsRoot(arguments)
            return nil
        } catch {
            return ParserSuggestion.line(for: arguments, message: LLMCost.message(for: error))
        }
    }

    @Test func aMistypedOptionValueSuggestsTheNearestOne() {
        #expect(line(["flops", "gpt2", "--phase", "decod"]) == "--phase: unknown value 'decod'; did you mean 'decode'? (one of prefill, decode, generate, train)")
        #expect(line(["cost", "infer", "gpt2", "--precision", "bf61"]) == "--precision: unknown value 'bf61'; did you mean 'bf16'? (one of fp32, tf32, bf16, fp16, fp8, fp4, int8)")
        #expect(line(["flops", "gpt2", "--format", "jsno"])?.hasPrefix("--format: unknown value 'jsno'; did you mean 'json'?") == true)
        #expect(line(["memory", "gpt2", "--kv-type", "zzzzzz"]) == "--kv-type: unknown value 'zzzzzz' (one of fp32, bf16, fp16, fp8, int8, int4)")
        // Other parser errors keep the parser's message.
        #expect(line(["flops", "gpt2", "--seq"]) == nil)
        #expect(line(["flops", "gpt2", "--seq", "x"]) == nil)
    }

    @Test func helpForAMistypedCommandIsAnErrorWithASuggestion() throws {
        let run = try ExecutableTests().run(["help", "cost", "infr"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("llmcost: error: unknown command 'infr' for 'llmcost cost'; did you mean 'infer'?"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(try ExecutableTests().run(["help", "cost", "infer"]).status == 0)
    }

    @Test func theExecutablePrintsTheSuggestionAsOneLine() throws {
        let run = try ExecutableTests().run(["memory", "gpt2", "--weight-type", "in8"])
        #expect(run.status == 64)
        #expect(run.stderr == "llmcost: error: --weight-type: unknown value 'in8'; did you mean 'int8', 'fp8', 'int4'? (one of fp32, bf16, fp16, fp8, int8, int4)\n")
    }
}
