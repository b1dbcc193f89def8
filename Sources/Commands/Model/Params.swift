import ArgumentParser
import Workload

/// `llmcost params MODEL`: exact parameter counts by component.
struct Params: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exact parameter counts: total, active (MoE), non-embedding, and by component.",
        discussion: Examples.discussion(
            "llmcost params llama-2-7b",
            "llmcost params deepseek-v3 --format json"))

    @OptionGroup var model: ModelArgument
    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try ModelLoading.loadModel(model.model, revision: model.revision)
        let report = try ParameterCount.report(for: loaded.spec)
        let checkpoint = try CheckpointLoading.report(for: loaded).map(CheckpointView.init)
        try output.emit(ParamsView(report: report, spec: loaded.spec, explain: output.explain, checkpoint: checkpoint).rendered)
    }
}

/// How a parameter report is shown.
struct ParamsView {
    var report: ParameterReport
    var spec: ModelSpec
    var explain: Bool
    /// The safetensors checkpoint beside the config, when there is one.
    var checkpoint: CheckpointView? = nil

    var rendered: Rendered {
        let hasExperts = report.components.contains { $0.kind == .experts }
        var columns = ["component", "parameters", "", "share"]
        if hasExperts { columns.insert("active", at: 2) }
        if explain { columns.append("formula") }
        var table = TextTable(title: "\(report.model): parameters", columns: columns)
        table.alignments[columns.count - 1] = explain ? .left : .right
        for c in report.components {
            var row = [c.name, HumanUnits.grouped(c.parameters.value), HumanUnits.count(c.parameters.value),
                       HumanUnits.percent(share(c.parameters.value))]
            if hasExperts { row.insert(HumanUnits.grouped(c.activeParameters.value), at: 2) }
            if explain { row.append(c.formula) }
            table.append(row)
        }
        let totals = TextTable(title: nil, columns: ["total", "parameters", ""], rows: [
            ["total", HumanUnits.grouped(report.total), HumanUnits.count(report.total)],
            ["active per token", HumanUnits.grouped(report.active), HumanUnits.count(report.active)],
            ["non-embedding", HumanUnits.grouped(report.nonEmbedding), HumanUnits.count(report.nonEmbedding)],
        ])
        var notes = ["non-embedding excludes vocabulary and position tables and an untied LM head (Kaplan et al. 2020)"]
        notes += spec.checkpointExtraNotes()
        var tables = [table, totals]
        if let file = spec.checkpointPrecision?.file {
            tables.append(Self.storedTable(file))
            notes.append("stored: each tensor's bytes from its ggml type's block layout (values and scales together), summed exactly as the file holds them")
        }
        if let source = spec.source { notes.append("source: \(source)") }
        notes += checkpoint?.notes ?? []
        return Rendered(json: json, tables: tables + (checkpoint?.tables ?? []), notes: notes)
    }

    /// A GGUF file's tensors by ggml type: values, bits per weight, bytes.
    static func storedTable(_ file: StoredTensors) -> TextTable {
        var table = TextTable(title: "stored as (GGUF\(file.fileType.map { " " + $0 } ?? ""))",
                              columns: ["type", "bits/weight", "tensors", "values", "bytes", ""])
        for t in file.types {
            table.append([t.type, StoredTensors.bits(t.bitsPerWeight), String(t.tensors), HumanUnits.grouped(t.elements),
                          HumanUnits.grouped(t.bytes), HumanUnits.bytes(t.bytes)])
        }
        let bits = file.totalElements == 0 ? 0 : Double(file.totalBytes * 8) / Double(file.totalElements)
        table.append(["total", String(format: "%.3f", bits), String(file.types.reduce(0) { $0 + $1.tensors }),
                      HumanUnits.grouped(file.totalElements), HumanUnits.grouped(file.totalBytes), HumanUnits.bytes(file.totalBytes)])
        return table
    }

    /// The GGUF file's storage for JSON.
    static func storedJSON(_ file: StoredTensors) -> JSONValue {
        .object([("file_type", .optional(file.fileType)), ("total_values", .integer(file.totalElements)),
                 ("total_bytes", .integer(file.totalBytes)),
                 ("types", .array(file.types.map { t in
                     .object([("type", .string(t.type)), ("bits_per_weight", .number(t.bitsPerWeight)), ("tensors", .int(t.tensors)),
                              ("values", .integer(t.elements)), ("bytes", .integer(t.bytes))])
                 }))])
    }

    private func share(_ value: Int128) -> Double { report.total == 0 ? 0 : Double(value) / Double(report.total) }

    var json: JSONValue {
        .object([
            ("model", .string(report.model)),
            ("source", .optional(spec.source)),
            ("total_parameters", .integer(report.total)),
            ("active_parameters", .integer(report.active)),
            ("non_embedding_parameters", .integer(report.nonEmbedding)),
            ("components", .array(report.components.map { c in
                .object([("name", .string(c.name)), ("kind", .string(c.kind.rawValue)),
                         ("parameters", .integer(c.parameters.value)),
                         ("active_parameters", .integer(c.activeParameters.value)),
                         ("formula", .string(c.formula))])
            })),
        ] + (spec.checkpointPrecision?.file.map { [("stored_tensors", Self.storedJSON($0))] } ?? [])
          + (checkpoint.map { [("checkpoint", $0.json)] } ?? []))
    }
}
