import ArgumentParser
import Workload

/// `llmcost validate [MODEL…]`: the 2·N and 6·N rules of thumb against exact counts.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the 2·N (forward) and 6·N (training) rules of thumb against exact counts, model by model and context by context.")

    @Argument(help: "Models to check (default: the whole catalog).")
    var models: [String] = []
    @Option(help: "Comma-separated contexts (tokens).", transform: Validate.parseContexts)
    var contexts: [Int] = [128, 2048, 8192, 32768]
    @Flag(name: .customLong("beyond-context"), help: "Check contexts beyond a model's context window too.")
    var beyondContext = false
    @Option(help: "Write the exact/rule ratio against context as an SVG plot to this file.")
    var plot: String?
    @Flag(help: "Check published training runs instead: implied MFU from exact FLOPs, our predicted time, the error.")
    var published = false
    @OptionGroup var output: OutputOptions

    static func parseContexts(_ text: String) throws -> [Int] {
        let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 && ($0 ?? 0) <= 1 << 30 }) else {
            throw ValidationError("--contexts: expected comma-separated positive token counts up to 2^30, got '\(text)'")
        }
        return values.compactMap { $0 }
    }

    func run() throws {
        if published { return try output.emit(PublishedRunsView(checks: try PublishedRunsView.checks()).rendered) }
        let names = models.isEmpty ? try ModelCatalog.entries().map(\.name) : models
        guard !names.isEmpty else { throw CLIError("no models to validate: the catalog is empty and none was named") }
        var results: [RuleCheckResult] = []
        for name in names {
            let spec = try ModelLoading.load(name)
            let window = spec.contextWindow.flatMap { beyondContext ? nil : $0 }
            var asked = contexts.filter { window == nil || $0 <= window! }
            if asked.isEmpty, let window { asked = [window] }
            results.append(try RuleCheck(spec: spec).run(contexts: asked))
        }
        if let plot { try RatioPlot(results: results).write(to: plot) }
        try output.emit(ValidateView(results: results).rendered)
    }
}

import Foundation
