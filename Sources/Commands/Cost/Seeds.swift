import ArgumentParser
import CostModel

/// `llmcost seeds`: every worked example of the seed articles — printed, reproduced, corrected —
/// and the FLOP-dependent ones recomputed on datasheet (and optionally measured) hardware.
struct Seeds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit the seed articles' formulas: their printed figures, ours from their inputs, the corrected figures.")

    @Option(help: "MFU for the datasheet recomputation (H100 SXM and H200, dense BF16).")
    var mfu: Double = 0.4
    @Option(name: .customLong("host-profile"), help: "Also recompute on a measured host profile (JSON from `llmcost bench --save`).")
    var hostProfile: String?
    @Option(name: .customLong("price-per-hour"), help: "Dollars per host-hour for --host-profile.")
    var pricePerHour: Double?
    @OptionGroup var output: OutputOptions

    func run() throws { try output.emit(try rendered()) }

    /// The result before formatting (what tests inspect).
    func rendered() throws -> Rendered {
        var hardware = try SeedAudit.datasheetHardware(mfu: mfu)
        if let path = hostProfile {
            if let p = pricePerHour { try CostError.positive(p, "--price-per-hour") }
            hardware.append(try HardwareProfile.measured(try MeasuredHostProfile.load(path: path), path: path,
                                                         pricePerHour: pricePerHour.map(DollarsPerHour.init)))
        }
        return Self.rendered(examples: try SeedAudit.examples(), hardware: hardware, explain: output.explain)
    }

    static func rendered(examples: [SeedExample], hardware: [HardwareProfile], explain: Bool) -> Rendered {
        var columns = ["example", "seed", "printed", "ours (seed's formula and inputs)", "agreement", "corrected"]
        if explain { columns.append("reason") }
        var table = TextTable(title: "seed formulas: printed vs reproduced vs corrected", columns: columns,
                              alignments: columns.map { _ in .left })
        for e in examples {
            var row = [e.id, String(e.seedFile.prefix(3)), e.printed?.text ?? "—", e.oursText, e.agreement.rawValue,
                       e.correctedText ?? "(stands)"]
            if explain { row.append(e.reason) }
            table.append(row)
        }
        var recomputed = TextTable(title: "recomputed: the seed's 312 TFLOP/s and $2.2659/h replaced",
                                   columns: ["example", "hardware", "seed's formula on its A100", "recomputed"], alignments: [.left, .left, .right, .right])
        var rows: [SeedRecomputation] = []
        for h in hardware {
            for r in SeedAudit.recomputed(on: h) {
                rows.append(r)
                recomputed.append([r.id, h.name, r.seedText, r.text])
            }
        }
        let json: JSONValue = .object([
            ("examples", .array(examples.map { e in
                .object([
                    ("id", .string(e.id)), ("seed_file", .string(e.seedFile)), ("description", .string(e.description)),
                    ("formula", .string(e.formula)),
                    ("inputs", .array(e.inputs.map { .object([("name", .string($0.name)), ("value", .number($0.value)), ("unit", .string($0.unit))]) })),
                    ("printed", .optional(e.printed?.text)),
                    ("ours", .number(e.ours)), ("ours_text", .string(e.oursText)),
                    ("agreement", .string(e.agreement.rawValue)), ("matches", .bool(e.matches)),
                    ("corrected", e.corrected.map { .number($0) } ?? .null), ("corrected_text", .optional(e.correctedText)),
                    ("reason", .string(e.reason)),
                ])
            })),
            ("recomputed", .array(rows.map { r in
                .object([("id", .string(r.id)), ("hardware", .string(r.hardware)), ("description", .string(r.description)),
                         ("seed_value", .number(r.seedValue)), ("seed_text", .string(r.seedText)), ("value", r.value.map { .number($0) } ?? .null),
                         ("text", .string(r.text)), ("explanation", r.explanation.json)])
            })),
            ("hardware", .array(hardware.map(\.json))),
        ])
        var notes = ["agreement: matches = ours rounds to the printed figure at its printed precision; "
                     + "matches_when_truncated = the seed cut digits instead of rounding"]
        if !explain { notes.append("--explain adds the reason for every correction") }
        notes += hardware.flatMap(\.sourceNotes)
        return Rendered(json: json, tables: [table, recomputed], notes: notes)
    }
}
