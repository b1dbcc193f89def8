import ArgumentParser
import Workload

/// `llmcost models`: the catalog, one line each.
struct Models: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the catalog of real architectures (built in from ModelSpecs/, or $LLMCOST_SPECS), one line each.",
        discussion: Examples.discussion(
            "llmcost models",
            "llmcost models --format csv --output models.csv"))

    @OptionGroup var output: OutputOptions

    func run() throws {
        var rows: [(entry: ModelCatalog.Entry, spec: ModelSpec, parameters: ParameterReport)] = []
        for entry in try ModelCatalog.entries() {
            // The entry's file directly: looking its name up again would list the catalog once per entry.
            let spec = try ModelLoader.load(entry: entry).spec
            rows.append((entry, spec, try ParameterCount.report(for: spec)))
        }
        // The CSV keys are the JSON keys; the source, a long URL, is a detail column (`--wide`, CSV).
        var table = TextTable(title: "catalog (\(rows.count) models)", columns: [
            .init("model", key: "name", .left), .init("family", .left), .init("parameters", key: "total_parameters"), .human,
            .init("active", key: "active_parameters", role: .detail), .init("layers"), .init("d_model", key: "hidden_size"),
            .init("context", key: "context_window"), .init("source", .left, role: .detail)])
        for r in rows {
            let layers = r.spec.stacks.map { String($0.stack.layers) }.joined(separator: "+")
            table.append([.text(r.entry.name), .text(r.spec.family ?? ""), .count(r.parameters.total), .human(HumanUnits.count(r.parameters.total)),
                          .count(r.parameters.active), .figure(layers, exact: Int128(r.spec.stacks.reduce(0) { $0 + $1.stack.layers })),
                          .plain(r.spec.hiddenSize), r.spec.contextWindow.map(TextTable.Cell.plain) ?? .empty, .text(r.spec.source ?? "")])
        }
        let json = JSONValue.object([("models", .array(rows.map { r in
            .object([("name", .string(r.entry.name)), ("family", .optional(r.spec.family)), ("path", .string(r.entry.path)),
                     ("total_parameters", .integer(r.parameters.total)), ("active_parameters", .integer(r.parameters.active)),
                     ("layers", .int(r.spec.stacks.reduce(0) { $0 + $1.stack.layers })), ("hidden_size", .int(r.spec.hiddenSize)),
                     ("context_window", .optional(r.spec.contextWindow)), ("source", .optional(r.spec.source))])
        }))])
        try output.emit(Rendered(json: json, tables: [table]))
    }
}
