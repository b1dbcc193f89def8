import ArgumentParser
import Foundation
import HostBench
import Workload

/// `llmcost bench`: what this host really sustains, through OpenBLAS.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure this host: FMA peak, SGEMM sweep, attention/FFN/layer forward and backward, memory bandwidth.",
        discussion: Examples.discussion(
            "llmcost bench --dry-run",
            "llmcost bench --quick",
            "llmcost bench llama-2-7b --save host.json"))

    @Flag(help: "A short run (about ten seconds).")
    var quick = false
    @Argument(help: ArgumentHelp("Time this model's real layer shape instead of the default one: a catalog name, spec file, config.json or model directory, GGUF file, or a hub id in the local Hugging Face cache.", valueName: "model"))
    var model: String?
    @Option(name: Renamed.name(OptionNames.Retired.benchModel), help: .hidden) var modelRetired: String?
    @Option(name: .customLong("d-model"), help: "Model width of a custom layer shape (default 768, GPT-2 small's).") var dModel: Int?
    @Option(help: "Attention heads of a custom shape (default 12, or one per 64 of --d-model).") var heads: Int?
    @Option(name: .customLong("kv-heads"), help: "Key/value heads of a custom shape (default: --heads).") var kvHeads: Int?
    @Option(help: "Tokens per sequence of the reference passes.") var seq: Int?
    @Option(help: "FFN inner width.") var ffn: Int?
    @Flag(help: "Gated FFN (SwiGLU).") var gated = false
    @Option(help: "BLAS and worker threads (default: all cores).") var threads: Int?
    @Option(help: "Save the hardware profile (JSON) the cost commands read with --hardware.") var save: String?
    @Option(help: "Write the host's measured roofline (FMA peak, bandwidth, every kernel by arithmetic intensity) as SVG to this file.")
    var plot: String?
    @Flag(help: "Print the host, the threading and the kernels a run would time, without timing anything.")
    var dryRun = false
    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        model = try Renamed.value(model, modelRetired, old: OptionNames.Retired.benchModel, new: OptionNames.modelArgument)
    }

    func run() throws {
        var configuration = BenchConfiguration(shape: try shape(), threads: threads, quick: quick, llmcostVersion: LLMCost.version)
        if let model { configuration.shapeNotes = LayerShape.approximations(of: try ModelLoading.load(model)) }
        try configuration.validate()
        if dryRun, save != nil || plot != nil {
            throw ValidationError("\(OptionNames.dryRun) times nothing, so there is no profile to save or roofline to plot")
        }
        if dryRun { return try output.emit(BenchPlanView(plan: try BenchRunner.plan(configuration: configuration)).rendered) }
        // Refuse an unwritable destination now, not after the run.
        try output.checkWritable()
        if let save { try OutputOptions.checkWritable(save, parameter: .profileDestination) }
        if let plot { try OutputOptions.checkPlotPath(plot) }
        let report = try HostBench.run(configuration: configuration) { StandardStreams.writeError("llmcost bench: \($0)\n") }
        if let save { try report.save(to: save) }
        if let plot { try RooflinePlot(report: report).write(to: plot) }
        try output.emit(BenchView(report: report).rendered)
    }

    /// The model's layer shape, else the custom sizes over the default shape.
    func shape() throws -> LayerShape {
        let seqLength = seq ?? LayerShape.default.seq
        if let model {
            guard dModel == nil, heads == nil, kvHeads == nil, ffn == nil, !gated else {
                let shapeOptions = [InputParameter.modelWidth, .heads, .kvHeads, .ffnWidth].map(\.option) + [OptionNames.gated]
                throw ValidationError("\(OptionNames.modelArgument) gives the layer shape; do not combine it with \(shapeOptions.joined(separator: "/"))")
            }
            return try LayerShape(model: ModelLoading.load(model), seq: seqLength)
        }
        let base = LayerShape.default
        let d = dModel ?? base.dModel, h = heads ?? (dModel == nil ? base.heads : max(1, d / 64))
        let shape = LayerShape(dModel: d, heads: h, kvHeads: kvHeads, seq: seqLength,
                               ffn: ffn ?? 4 * d, gated: gated, norm: gated ? .rmsNorm : .layerNorm)
        try shape.validate()
        return shape
    }
}

/// A bench report for people (kernels table) and scripts (the profile JSON itself).
struct BenchView {
    var report: BenchReport

    var rendered: Rendered {
        // The spread of runs and the foreign load are detail (--wide, CSV).
        var kernels = TextTable(title: "kernels (\(report.threads) threads, FP32)", columns: [
            .init("kernel", .left), .init("shape", .left), .init("seconds\n(median)", key: "seconds_median"), .init("runs", role: .detail),
            .init("max/min", key: "max_over_min", role: .detail), .init("GFLOP"), .init("GFLOP/s", key: "gflops_per_second"),
            .init("of best\nSGEMM", key: "fraction_of_best_sgemm"), .init("of peak", key: "fraction_of_peak"),
            .init("other load", key: "foreign_load", role: .detail)])
        for k in report.kernels {
            let spread = k.worstSeconds.map { k.bestSeconds > 0 ? HumanUnits.decimal($0 / k.bestSeconds, 2) + "×" : "–" } ?? "–"
            let load = k.foreignLoad.map { HumanUnits.percent($0) + (k.measuredUnderLoad ? " (flagged)" : "") } ?? "–"
            kernels.append([.text(k.name), .text(k.shape), .number(k.seconds, 5), .count(k.repeats),
                            .figure(spread, k.worstSeconds.flatMap { k.bestSeconds > 0 ? $0 / k.bestSeconds : nil }),
                            .number(Double(k.flops) / 1e9, 3), .number(k.gflops, 1),
                            .percent(k.fractionOfBestSGEMM), .percent(k.fractionOfPeak), .figure(load, k.foreignLoad)])
        }
        var host = TextTable(columns: ["host", "value"], alignments: [.left, .left])
        host.append(["CPU", report.host.cpuModel])
        if let threading = report.threading { host.append(["threading", threading.summary]) }
        host.append(["peak (FP32)", "\(HumanUnits.decimal(report.peakGFLOPS, 1)) GFLOP/s — \(report.peakSource)"])
        host.append(["nominal peak", report.nominalPeakGFLOPS.map { "\(HumanUnits.decimal($0, 1)) GFLOP/s (from /proc/cpuinfo)" } ?? "unknown"])
        host.append(["best SGEMM", "\(HumanUnits.decimal(report.bestSGEMMGFLOPS, 1)) GFLOP/s at \(report.bestSGEMMShape)"])
        host.append(["memory bandwidth", "\(HumanUnits.decimal(report.bandwidthGBPS, 1)) GB/s (STREAM triad)"])
        for (name, ratio) in report.backwardForwardRatios.sorted(by: { $0.key < $1.key }) {
            host.append(["backward/forward \(name)", HumanUnits.decimal(ratio, 2) + "× (the rule assumes 2×)"])
        }
        let text = (try? report.jsonData()).flatMap { String(data: $0, encoding: .utf8) }
        return Rendered(json: .null, tables: [kernels, host], notes: report.notes + report.nominalPeak.assumptions, jsonText: text)
    }
}

/// `bench --dry-run`: what a run would use.
struct BenchPlanView {
    var plan: BenchPlan

    var rendered: Rendered {
        var table = TextTable(columns: ["bench would use", "value"], alignments: [.left, .left])
        table.append(["CPU", "\(plan.host.cpuModel), \(plan.host.cores) cores, \(plan.host.isa)"])
        table.append(["OpenBLAS", "\(plan.host.openblasCore) kernels — \(plan.host.openblasConfig)"])
        table.append(["threading", plan.threading.summary])
        table.append(["layer shape", plan.shape.description])
        table.append(["kernels", plan.kernels.joined(separator: ", ")])
        table.append(["timing", String(format: "each kernel ≥ %.1f s of timed runs", plan.minimumTimedSecondsPerKernel)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let text = (try? encoder.encode(plan)).flatMap { String(data: $0, encoding: .utf8) }
        return Rendered(json: .null, tables: [table], notes: plan.notes, jsonText: text)
    }
}
