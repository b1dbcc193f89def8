import CostModel

extension Explanation {
    var json: JSONValue {
        .object([
            ("quantity", .string(quantity)),
            ("formula", .string(formula)),
            ("inputs", .array(inputs.map { i in
                .object([("name", .string(i.name)), ("value", .string(i.value)), ("unit", .string(i.unit)), ("source", .string(OptionNames.text(i.source)))])
            })),
            ("result", .string(result)),
        ])
    }

    /// The `--explain` table: one row per figure with its formula, inputs and sources.
    static func table(_ explanations: [Explanation]) -> TextTable {
        var table = TextTable(title: "how each figure is made", columns: ["figure", "formula", "inputs [source]", "result"],
                              alignments: [.left, .left, .left, .left])
        for e in explanations {
            let inputs = e.inputs.map { "\($0.name) = \($0.value)\($0.unit.isEmpty ? "" : " " + $0.unit) [\(OptionNames.text($0.source))]" }
            table.append([e.quantity, e.formula, inputs.joined(separator: "; "), e.result])
        }
        return table
    }
}

extension HardwareProfile {
    var json: JSONValue {
        .object([
            ("name", .string(name)),
            ("peak_flops", .number(peak.value)),
            ("utilisation", .number(utilisation)),
            ("effective_flops", .number(effectiveThroughput.value)),
            ("training_utilisation", .number(trainingUtilisation)),
            ("effective_training_flops", .number(effectiveTrainingThroughput.value)),
            ("bandwidth_bytes_per_second", bandwidth.map { .number($0.value) } ?? .null),
            ("bandwidth_utilisation", .number(bandwidthUtilisation)),
            ("effective_bandwidth_bytes_per_second", effectiveBandwidth.map { .number($0.value) } ?? .null),
            ("tdp_watts", tdp.map { .number($0.value) } ?? .null),
            ("price_per_hour", .number(pricePerHour.value)),
            ("sources", .object(sources.sorted { $0.key < $1.key }.map { ($0.key, .string(OptionNames.text($0.value))) })),
        ])
    }

    /// Lines for the notes under a table.
    var sourceNotes: [String] {
        ["hardware \(name): peak \(peak), utilisation \(String(format: "%.3f", utilisation)) → \(effectiveThroughput)"
            + (trainingUtilisation != utilisation ? " (training \(String(format: "%.3f", trainingUtilisation)) → \(effectiveTrainingThroughput))" : "")
            + (bandwidth.map { ", bandwidth \($0) × \(String(format: "%.3f", bandwidthUtilisation)) → \(effectiveBandwidth ?? $0)" } ?? "")
            + ", \(pricePerHour)"]
            + sources.sorted { $0.key < $1.key }.map { "\($0.key): \(OptionNames.text($0.value))" }
    }
}
