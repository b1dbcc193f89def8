import ArgumentParser
import CostModel
import Workload

/// `llmcost memory MODEL`: weights by dtype, KV cache, decode traffic, training state.
struct Memory: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Memory of weights (by dtype), KV cache, decode-step traffic and training state, in exact bytes.",
        discussion: Examples.discussion(
            "llmcost memory llama-2-7b --seq 4096 --batch 8 --weight-type int4 --kv-type fp8",
            "llmcost memory gpt-oss-20b --format csv"))

    @OptionGroup var model: ModelArgument
    @Option(help: "Tokens per sequence held in the KV cache / trained on. Default: 2048, or the model's context window if smaller.")
    var seq: Int?
    @Option(help: "Sequences per batch.")
    var batch: Int = 1
    @Option(name: .customLong("weight-type"), help: "Weight format: \(DataType.allCases.map(\.rawValue).joined(separator: ", ")). Default: as the checkpoint stores them where the model says (gpt-oss: MXFP4 experts; DeepSeek-V3, Kimi K2: FP8 with 128×128 block scales; the rest bf16), else bf16.")
    var weightType: DataType?
    @Option(name: .customLong("kv-type"), help: "KV-cache format (default: bf16).")
    var kvType: DataType?
    @Option(name: Renamed.name(Renamed.OldNames.dtype), help: .hidden) var dtypeRetired: DataType?
    @Option(name: Renamed.name(Renamed.OldNames.kvDtype), help: .hidden) var kvDtypeRetired: DataType?
    @Option(name: .customLong("group-size"), help: "int4: weights per fp16 scale.")
    var groupSize: Int = 128
    @Option(help: "Training activations: recomputation none, selective or full.")
    var recompute: Recompute = .none
    @Flag(name: .customLong("allow-beyond-context"), help: "Size sequences longer than the model's context window.")
    var allowBeyondContext = false
    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        weightType = try Renamed.value(weightType, dtypeRetired, old: Renamed.OldNames.dtype, new: .weightType)
        kvType = try Renamed.value(kvType, kvDtypeRetired, old: Renamed.OldNames.kvDtype, new: .kvType)
    }

    func run() throws {
        let loaded = try ModelLoading.loadModel(model.model, revision: model.revision)
        let spec = loaded.spec
        let length = seq ?? spec.defaultSequenceLength
        try spec.checkContext(length: length, parameter: .sequenceLength, allowBeyond: allowBeyondContext)
        // A dtype the user names prices every weight; otherwise the checkpoint's own storage, if it has one.
        // A model directory's safetensors files give the stored bytes, unless a dtype is named (then not read).
        let stored = weightType == nil ? try CheckpointLoading.report(for: loaded) : nil
        let estimator = MemoryEstimator(spec: spec, requestedWeightType: weightType, kvType: kvType ?? .bf16, groupSize: groupSize,
                                        recompute: recompute, stored: stored)
        let report = try estimator.report(batch: batch, seq: length)
        let fits = DeviceFit.catalog(inferenceBytes: report.inferenceTotal, trainingBytes: report.training.total)
        try output.emit(MemoryView(report: report, fits: fits, explain: output.explain).rendered)
    }
}

extension DataType: ExpressibleByArgument {}

struct MemoryView {
    var report: MemoryReport
    var fits: [DeviceFit]
    var explain: Bool

    var rendered: Rendered {
        let sections = [report.weights, report.kvCache, report.decodeStep, report.training]
        var tables = sections.map(table)
        tables.append(TextTable(columns: ["summary", "bytes", ""], rows: [
            ["KV cache per token", .count(report.kvCacheBytesPerToken), .human(HumanUnits.bytes(report.kvCacheBytesPerToken))],
            ["inference (weights + cache)", .count(report.inferenceTotal), .human(HumanUnits.bytes(report.inferenceTotal))],
            ["training", .count(report.training.total), .human(HumanUnits.bytes(report.training.total))],
        ]))
        tables.append(fitTable)
        let notes = report.notes + [
            "devices needed = ⌈bytes ÷ datasheet memory (decimal GB)⌉, no headroom for the framework or fragmentation: a lower bound; training assumes perfect sharding (ZeRO-3, activations split)",
        ]
        return Rendered(json: json, tables: tables, notes: notes, csvTable: csv)
    }

    private var fitTable: TextTable {
        var t = TextTable(title: "catalog devices needed (weights + KV cache; training state sharded)",
                          columns: ["device", "memory", "inference", "fits on one", "training"])
        for f in fits {
            t.append([.text(f.device), .figure(HumanUnits.decimal(Double(f.memoryBytes) / 1e9, 0) + " GB", exact: f.memoryBytes),
                      .count(f.inferenceDevices), f.inferenceFitsOnOne ? "yes" : "no", .count(f.trainingDevices)])
        }
        return t
    }

    /// Every section in one machine-readable table: `section,component,bytes`.
    private var csv: TextTable {
        var t = TextTable(columns: ["section", "component", "bytes"])
        for (name, s) in [("weights", report.weights), ("kv_cache", report.kvCache),
                          ("decode_step", report.decodeStep), ("training", report.training)] {
            for c in s.components { t.append([name, c.name, String(c.bytes.value)]) }
            t.append([name, "total", String(s.total)])
        }
        t.append(["summary", "kv_cache_bytes_per_token", String(report.kvCacheBytesPerToken)])
        t.append(["summary", "inference_total", String(report.inferenceTotal)])
        for f in fits {
            t.append(["devices_for_inference", f.device, String(f.inferenceDevices)])
            t.append(["devices_for_training", f.device, String(f.trainingDevices)])
        }
        return t
    }

    private func table(_ s: MemorySection) -> TextTable {
        var t = TextTable(title: s.title, columns: [.init("component", .left), .init("bytes"), .human,
                                                    .init("formula", .left, role: explain ? .data : .detail)])
        for c in s.components {
            t.append([.text(c.name), .count(c.bytes.value), .human(HumanUnits.bytes(c.bytes.value)), .text(c.formula)])
        }
        t.append(["total", .count(s.total), .human(HumanUnits.bytes(s.total)), ""])
        return t
    }

    /// `bf16`, `checkpoint: experts mxfp4, rest bf16`, or `checkpoint files: BF16, F32`.
    private var dtypeName: String {
        if let types = report.storedWeightTypes { return "checkpoint files: " + types.joined(separator: ", ") }
        return report.checkpoint.map { "checkpoint: \($0.summary)" } ?? report.weightType.rawValue
    }

    private func section(_ s: MemorySection) -> JSONValue {
        .object([("total_bytes", .integer(s.total)), ("components", .array(s.components.map {
            .object([("name", .string($0.name)), ("bytes", .integer($0.bytes.value)), ("formula", .string($0.formula))])
        }))])
    }

    var json: JSONValue {
        .object([
            ("model", .string(report.model)), ("dtype", .string(dtypeName)),
            ("kv_dtype", .string(report.kvType.rawValue)), ("batch", .int(report.batch)), ("seq", .int(report.seq)),
            ("cached_positions", .int(report.cachedPositions)),
            ("weights", section(report.weights)),
            ("kv_cache_bytes_per_token", .integer(report.kvCacheBytesPerToken)),
            ("kv_cache", section(report.kvCache)),
            ("inference_total_bytes", .integer(report.inferenceTotal)),
            ("decode_step_bytes", section(report.decodeStep)),
            ("recompute", .string(report.recompute.rawValue)),
            ("training", section(report.training)),
            ("devices", .array(fits.map { f in
                .object([("device", .string(f.device)), ("memory_bytes", .integer(f.memoryBytes)),
                         ("inference_devices", .integer(f.inferenceDevices)), ("fits_on_one", .bool(f.inferenceFitsOnOne)),
                         ("training_devices_sharded", .integer(f.trainingDevices))])
            })),
            ("notes", .array(report.notes.map { .string($0) })),
        ])
    }
}
