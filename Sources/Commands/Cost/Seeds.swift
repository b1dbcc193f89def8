import ArgumentParser
import CostModel

/// `llmcost seeds`: every worked example of the seed articles — printed, reproduced, corrected —
/// and the FLOP-dependent ones recomputed on datasheet (and optionally measured) hardware.
struct Seeds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit the seed articles' formulas: their printed figures, ours from their inputs, the corrected figures.",
        discussion: Examples.discussion(
            "llmcost seeds",
            "llmcost seeds --mfu 0.5 --batch 64"))

    @Option(name: .customLong("mfu"), help: "MFU of the corrected figures (on the seed's A100) and of the datasheet recomputation (H100 SXM and H200, dense BF16; default 0.4).")
    var statedMFU: Double?
    var mfu: Double { statedMFU ?? HardwareProfile.defaultMFU }
    @Option(help: "Decode batch of the corrected and recomputed per-1K inference cost (default 256, vLLM's default max_num_seqs).")
    var batch: Int = SeedCorrections.defaultBatch
    @Option(name: .customLong("bandwidth-utilisation"), help: "Share of the datasheet memory bandwidth decode achieves, in (0, 1] (default: 0.8 stated for the seed's A100 corrected; for the H100 and H200 recomputation, the share a memory-bound kernel was measured to reach on each).")
    var bandwidthUtilisation: Double?
    @Option(name: .customLong("host-profile"), help: "Also recompute on a measured host: a profile JSON from `llmcost bench --save`, or `host` to run a quick bench now.")
    var hostProfile: String?
    @Option(name: .customLong("price-per-hour"), help: "Dollars per host-hour for --host-profile.")
    var pricePerHour: Double?
    @OptionGroup var output: OutputOptions

    func run() throws { try output.emit(try rendered()) }

    /// The result before formatting (what tests inspect).
    func rendered() throws -> Rendered {
        try CostError.fraction(mfu, .mfu)
        try CostError.count(batch, .batch, maximum: 1 << 20)
        if let bandwidthUtilisation { try CostError.fraction(bandwidthUtilisation, .bandwidthUtilisation) }
        if let p = pricePerHour { try CostError.positive(p, .pricePerHour, maximum: CostLimits.pricePerHour, " dollars per host-hour") }
        var hardware = try SeedAudit.datasheetHardware(mfu: statedMFU, bandwidthUtilisation: bandwidthUtilisation)
        if let reference = hostProfile {
            hardware.append(try HardwareOptions.measuredProfile(reference, pricePerHour: pricePerHour.map(DollarsPerHour.init),
                                                                parameter: .hostProfile))
        }
        let examples = try SeedAudit.examples(mfu: mfu, batch: batch,
                                              bandwidthUtilisation: bandwidthUtilisation ?? HardwareProfile.defaultBandwidthUtilisation)
        return try Self.rendered(examples: examples, hardware: hardware, batch: batch, mfu: mfu, explain: output.explain)
    }

    static func rendered(examples: [SeedExample], hardware: [HardwareProfile], batch: Int = SeedCorrections.defaultBatch,
                         mfu: Double = HardwareProfile.defaultMFU, explain: Bool) throws -> Rendered {
        // The seed file and the chain of corrections are detail (--wide, JSON, CSV): the rest wraps into 100 columns.
        var table = TextTable(title: "seed formulas: printed vs reproduced vs corrected", columns: [
            .init("example", .left), .init("seed", .left, role: .detail), .init("printed", .left), .init("ours (seed's formula and inputs)", .left),
            .init("agreement", .left), .init("corrected", .left), .init("corrected from", .left, role: .detail)])
        for e in examples {
            table.append([.text(e.id), .text(String(e.seedFile.prefix(3))), .text(e.printed?.text ?? "—"), .text(e.oursText),
                          .text(e.agreement.rawValue.replacingOccurrences(of: "_", with: " ")), .text(e.correctedText ?? "(stands)"),
                          .text(e.inherits.isEmpty ? "—" : e.inherits.joined(separator: ", "))])
        }
        // --explain: the reasons, paragraphs each, in a table of their own where they have the width.
        let reasons = TextTable(title: "why each figure is corrected", columns: [.init("example", .left), .init("reason", .left)],
                                rows: examples.map { [.text($0.id), .text($0.reason)] })
        var recomputed = TextTable(title: "recomputed: the seed's 312 TFLOP/s and $2.2659/h replaced",
                                   columns: ["example", "hardware", "seed's formula on its A100", "recomputed"], alignments: [.left, .left, .right, .right])
        var rows: [SeedRecomputation] = []
        for h in hardware {
            for r in try SeedAudit.recomputed(on: h, batch: batch) {
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
                    ("corrected_from", .array(e.inherits.map { .string($0) })),
                ])
            })),
            ("recomputed", .array(rows.map { r in
                .object([("id", .string(r.id)), ("hardware", .string(r.hardware)), ("description", .string(r.description)),
                         ("seed_value", .number(r.seedValue)), ("seed_text", .string(r.seedText)), ("value", r.value.map { .number($0) } ?? .null),
                         ("text", .string(r.text)), ("explanation", r.explanation.json)])
            })),
            ("hardware", .array(hardware.map(\.json))),
            ("corrected_on", .object([("hardware", .string("a100 (seed's 312 TFLOP/s peak and $2.2659/h)")), ("mfu", .number(mfu)),
                                      ("batch", .int(batch))])),
        ])
        var notes = ["agreement: matches = ours rounds to the printed figure at its printed precision; "
                     + "matches when truncated (JSON, CSV: matches_when_truncated) = the seed cut digits instead of rounding",
                     "corrected: one chain on the seed's A100 (312 TFLOP/s dense BF16, $2.2659/h) at MFU \(CostError.trimmed(mfu)), "
                     + "decode through the roofline at batch \(batch); each corrected figure is computed from the corrected figures "
                     + "named in 'corrected from', never from the seed's; the seed's rounding alone is in each reason (--explain)"]
        if !explain { notes.append("--explain adds the reason for every correction") }
        notes += hardware.flatMap(\.sourceNotes)
        var csv = TextTable(columns: ["example", "seed_file", "printed_value", "printed_step", "ours", "agreement",
                                      "corrected", "corrected_status", "corrected_from"])
        for e in examples {
            let status = e.corrected != nil ? "corrected" : (e.correctedText == nil ? "stands" : "does_not_exist")
            csv.append([e.id, e.seedFile, e.printed.map { "\($0.value)" } ?? "", e.printed.map { "\($0.step)" } ?? "",
                        "\(e.ours)", e.agreement.rawValue, e.corrected.map { "\($0)" } ?? "", status, e.inherits.joined(separator: " ")])
        }
        return Rendered(json: json, tables: [table] + (explain ? [reasons] : []) + [recomputed], notes: notes, csvTable: csv)
    }
}
