import ArgumentParser
import HostBench
import Workload

/// `llmcost validate [MODEL…]`: the 2·N and 6·N rules of thumb against exact counts.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the 2·N (forward) and 6·N (training) rules of thumb against exact counts, model by model and context by context.",
        discussion: Examples.discussion(
            "llmcost validate gpt2 llama-2-7b --contexts 128,2048,8192",
            "llmcost validate --published",
            "llmcost validate gpt2 --measure --time-budget 5"))

    @Argument(help: "Models to check (default: the whole catalog).")
    var models: [String] = []
    @Option(name: .customLong("contexts"), help: "Comma-separated contexts (tokens; default 128,2048,8192,32768).", transform: Validate.parseContexts)
    var contextsOption: [Int]?
    var contexts: [Int] { contextsOption ?? [128, 2048, 8192, 32768] }
    var contextsGiven: Bool { contextsOption != nil }
    @Flag(name: .customLong("allow-beyond-context"), help: "Check contexts beyond a model's context window too.")
    var beyondContext = false
    @Flag(name: Renamed.name(Renamed.OldNames.beyondContext), help: .hidden) var beyondContextRetired = false
    @Option(help: "Write the exact/rule ratio against context as an SVG plot to this file.")
    var plot: String?
    @Flag(help: "Check published training runs instead: implied MFU from exact FLOPs, our predicted time, the error.")
    var published = false
    @Flag(help: "Measure instead: run each model's real layers and LM head on this host (OpenBLAS, FP32) and compare the measured seconds with what 2·N, 6·N and the exact count predict, and predict eager PyTorch's forward, training and decode step per operator (T5, Qwen2-MoE and DeepSeek-V2: that prediction alone, as no reference kernel runs cross-attention, routing or latent attention) (default models: gpt2 at 1024 tokens, llama-2-7b at 512, qwen2-0.5b at 8192).")
    var measure = false
    @Option(help: "--measure: tokens of the measured sequence (default: 1024, capped at each model's window).")
    var seq: Int?
    @Option(name: .customLong("time-budget"), help: "--measure: seconds per model for the timed forward runs of its layer stack; more layers run when it allows (default 20).")
    var timeBudgetOption: Double?
    var timeBudget: Double { timeBudgetOption ?? 20 }
    @Option(help: "--measure: BLAS and worker threads (default: all cores).")
    var threads: Int?
    @Flag(name: .customLong("no-backward"), help: "--measure: forward only (no training prediction).")
    var noBackward = false
    @OptionGroup var output: OutputOptions

    /// What `--measure` runs when no model is named: GPT-2 end to end at its window, a Llama
    /// layer, and a long context where attention breaks the rule.
    static let measuredShowcase: [(model: String, seq: Int)] = [("gpt2", 1024), ("llama-2-7b", 512), ("qwen2-0.5b", 8192)]

    static func parseContexts(_ text: String) throws -> [Int] {
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 && ($0 ?? 0) <= Limits.sequence.maximum }) else {
            throw ValidationError("\(InputParameter.contexts.option): expected comma-separated positive token counts up to \(Limits.sequence.written), got '\(text)'")
        }
        return values.compactMap { $0 }
    }

    mutating func validate() throws {
        beyondContext = Renamed.flag(beyondContext, beyondContextRetired, old: Renamed.OldNames.beyondContext, new: .allowBeyondContext)
    }

    func run() throws {
        if published {
            guard plot == nil, models.isEmpty, !measure, !beyondContext, !contextsGiven else {
                throw ValidationError("\(InputParameter.publishedRun.option) checks the catalog of published runs; it takes no models, "
                    + "\(InputParameter.plotPath.option), \(OptionNames.measure), \(InputParameter.contexts.option) or \(OptionNames.beyondContext)")
            }
            return try output.emit(PublishedRunsView.load().rendered)
        }
        if measure { return try runMeasured() }
        // The measurement's options would be silently ignored by the exact-count check.
        for (option, given) in [(InputParameter.sequenceLength.option, seq != nil), (InputParameter.threads.option, threads != nil),
                                (OptionNames.noBackward, noBackward), (InputParameter.timeBudget.option, timeBudgetOption != nil)] where given {
            throw ValidationError("\(option) applies to \(OptionNames.measure) only (the exact-count check takes \(InputParameter.contexts.option))")
        }
        try output.checkWritable()
        if let plot { try OutputOptions.checkPlotPath(plot) }
        let names = models.isEmpty ? try ModelCatalog.entries().map(\.name) : models
        guard !names.isEmpty else { throw CLIError("no models to validate: the catalog is empty and none was named") }
        var results: [RuleCheckResult] = []
        for name in names {
            let spec = try ModelLoading.load(name)
            results.append(try RuleCheck(spec: spec).run(contexts: contexts, beyondWindow: beyondContext))
        }
        // Written only now that every model was checked: a failure above leaves no plot behind.
        let rendered = ValidateView(results: results).rendered
        if let plot { try RatioPlot(results: results).write(to: plot) }
        try output.emit(rendered)
    }
}

extension Validate {
    /// `--measure`: every case is checked (spec, sequence, output path) before the first is timed.
    func runMeasured() throws {
        guard plot == nil else {
            throw ValidationError("\(InputParameter.plotPath.option) draws the exact-count ratios; it does not combine with \(OptionNames.measure)")
        }
        guard !contextsGiven else {
            throw ValidationError("\(InputParameter.contexts.option) applies to the exact-count check; \(OptionNames.measure) takes \(InputParameter.sequenceLength.option)")
        }
        guard timeBudget.isFinite, timeBudget > 0, timeBudget <= 3600 else {
            throw ValidationError("\(InputParameter.timeBudget.option): expected seconds in (0, 3600], got \(timeBudget)")
        }
        if let seq, seq < 1 || seq > Limits.measuredSequence.maximum {
            throw ValidationError("\(InputParameter.sequenceLength.option): expected 1…\(Limits.measuredSequence.maximum) tokens, got \(seq)")
        }
        if let threads, threads < 1 || threads > 1024 {
            throw ValidationError("\(InputParameter.threads.option): expected 1…1024, got \(threads)")
        }
        try output.checkWritable()
        let cases = models.isEmpty ? Self.measuredShowcase.map { ($0.model, seq ?? $0.seq) } : models.map { ($0, seq ?? 1024) }
        let configurations = try cases.map { name, tokens in
            let spec = try ModelLoading.load(name)
            let window = spec.contextWindow.flatMap { beyondContext ? nil : $0 }
            let length = window.map { min(tokens, $0) } ?? tokens
            let c = ModelPassConfiguration(model: spec, seq: length, threads: threads, timeBudgetSeconds: timeBudget, includeBackward: !noBackward)
            try ModelPassRunner.checkMeasurable(spec, c)
            // Shape and memory now, so a case that cannot run fails before the first is timed.
            try BenchConfiguration(shape: try LayerShape(model: spec, seq: length), threads: threads,
                                   includeBackward: !noBackward).validate()
            return c
        }
        var results: [RuleMeasurement] = []
        for c in configurations {
            let measured = try ModelPassRunner.run(c) { StandardStreams.writeError("llmcost validate --measure: \($0)\n") }
            results.append(try RuleMeasurement(spec: c.model, measurement: measured))
        }
        try output.emit(MeasuredRuleView(results: results, explain: output.explain).rendered)
    }
}

import Foundation
