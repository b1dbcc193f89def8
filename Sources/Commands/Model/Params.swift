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
        // Every JSON field is a column (CSV has them all); kind, and active without experts, only with --wide.
        var table = TextTable(title: "\(report.model): parameters", columns: [
            .init("component", key: "name", .left), .init("kind", .left, role: .detail), .init("parameters"),
            .init("active", key: "active_parameters", role: hasExperts ? .data : .detail), .human,
            .init("share", key: "share_fraction"), .init("formula", .left, role: explain ? .data : .detail)])
        for c in report.components {
            table.append([.text(c.name), .text(c.kind.rawValue), .count(c.parameters.value), .count(c.activeParameters.value),
                          .human(HumanUnits.count(c.parameters.value)), .percent(share(c.parameters.value)), .text(c.formula)])
        }
        let totals = TextTable(title: nil, columns: ["total", "parameters", ""], rows: [
            ["total", .count(report.total), .human(HumanUnits.count(report.total))],
            ["active per token", .count(report.active), .human(HumanUnits.count(report.active))],
            ["non-embedding", .count(report.nonEmbedding), .human(HumanUnits.count(report.nonEmbedding))],
        ])
        // CSV: the components, then the totals as rows of the same columns.
        var csv = table
        csv.rows += [["total", "", .count(report.total), .count(report.active), "", .percent(share(report.total)), ""],
                     ["non_embedding", "", .count(report.nonEmbedding), "", "", .percent(share(report.nonEmbedding)), ""]]
        var notes = ["non-embedding excludes vocabulary and position tables and an untied LM head (Kaplan et al. 2020)"]
        notes += spec.checkpointExtraNotes()
        var tables = [table, totals]
        if let file = spec.checkpointPrecision?.file {
            tables.append(Self.storedTable(file))
            notes.append("stored: each tensor's bytes from its ggml type's block layout (values and scales together), summed exactly as the file holds them")
        }
        if let source = spec.source { notes.append("source: \(source)") }
        notes += checkpoint?.notes ?? []
        return Rendered(json: json, tables: tables + (checkpoint?.tables ?? []), notes: notes, csvTable: csv)
    }

    /// A GGUF file's tensors by ggml type: values, bits per weight, bytes.
    static func storedTable(_ file: StoredTensors) -> TextTable {
        var table = TextTable(title: "stored as (GGUF\(file.fileType.map { " " + $0 } ?? ""))", columns: [
            .init("type", .left), .init("bits/weight", key: "bits_per_weight"), .init("tensors"), .init("values"), .init("bytes"), .human])
        for t in file.types {
            table.append([.text(t.type), .figure(StoredTensors.bits(t.bitsPerWeight), t.bitsPerWeight), .count(t.tensors), .count(t.elements),
                          .count(t.bytes), .human(HumanUnits.bytes(t.bytes))])
        }
        let bits = file.totalElements == 0 ? 0 : Double(file.totalBytes * 8) / Double(file.totalElements)
        table.append(["total", .number(bits, 3), .count(file.types.reduce(0) { $0 + $1.tensors }),
                      .count(file.totalElements), .count(file.totalBytes), .human(HumanUnits.bytes(file.totalBytes))])
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
