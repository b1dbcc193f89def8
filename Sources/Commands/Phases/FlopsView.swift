import Workload

/// How a FLOP count is shown: breakdown table, totals, the rules of thumb beside the exact count.
struct FlopsView {
    var result: PhaseResult
    var parameters: ParameterReport
    var shape: PhaseOptions
    var explain: Bool

    private var report: FlopReport { result.report }

    /// The rule of thumb for this phase, computed by Workload.
    private var rule: RuleOfThumb { RuleOfThumb(phase: report.phase, parameters: parameters) }

    var rendered: Rendered {
        var table = TextTable(title: "\(report.model): \(report.phase.rawValue) FLOPs (\(report.convention.rawValue))", columns: [
            .init("component", key: "name", .left), .init("FLOPs", key: "flops"), .human, .init("share", key: "share_fraction"),
            .init("formula", .left, role: explain ? .data : .detail)])
        for c in report.components {
            table.append([.text(c.name), .count(c.flops.value), .human(HumanUnits.flops(c.flops.value)),
                          .percent(report.share(c.flops.value)), .text(c.formula)])
        }
        var totals = TextTable(columns: [.init("total", key: "figure", .left), .init("value"), .human], rows: [
            ["total", .count(report.total), .human(HumanUnits.flops(report.total))],
            ["tokens", .count(report.tokens), ""],
            ["FLOPs per token", .figure(Self.groupedDecimal(report.flopsPerToken), report.flopsPerToken), .human(HumanUnits.flops(report.flopsPerToken))],
            [.text("\(rule.multiplier)·N per token"), .count(rule.flopsPerToken), ""],
        ])
        if rule.hasActiveSubset {
            totals.append([.text("\(rule.multiplier)·N_active per token"), .count(rule.activeFLOPsPerToken), ""])
        }
        // CSV: the components, then the totals under the JSON keys.
        var csv = table
        csv.rows.append(["total_flops", .count(report.total), "", .percent(report.share(report.total)), ""])
        csv.rows.append(["tokens", .count(report.tokens), "", "", ""])
        csv.rows.append(["flops_per_token", .figure("", report.flopsPerToken), "", "", ""])
        csv.rows.append(["rule_flops_per_token", .count(rule.flopsPerToken), "", "", .text("\(rule.multiplier)·N")])
        if rule.hasActiveSubset {
            csv.rows.append(["rule_active_flops_per_token", .count(rule.activeFLOPsPerToken), "", "", .text("\(rule.multiplier)·N_active")])
        }
        var tables = [table, totals]
        if case .generation(let g) = result { tables += generationTables(g) }
        return Rendered(json: json, tables: tables, notes: report.notes.map(OptionNames.text), csvTable: csv)
    }

    /// `14,287,896,704.5`: digits grouped like the exact counts beside it, one decimal.
    static func groupedDecimal(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e30 else { return HumanUnits.decimal(value, 1) }
        guard let tenths = Int128(exactly: (value * 10).rounded()) else { return HumanUnits.decimal(value, 1) }
        let whole = HumanUnits.grouped(tenths / 10)
        return "\(whole).\(abs(tenths % 10))"
    }

    /// Steps the table lists in full; a longer request shows its first and last steps (JSON has all).
    static let tableSteps = 40

    private func generationTables(_ g: GenerationReport) -> [TextTable] {
        var summary = TextTable(columns: ["beam search", "value", ""], rows: [
            ["beams", .count(g.beams), ""],
            ["beam prefill", .text(g.beamPrefill.rawValue), ""],
            ["greedy total", .count(g.greedyTotal), .human(HumanUnits.flops(g.greedyTotal))],
            ["extra over greedy", .count(g.extraOverGreedy), .human(HumanUnits.flops(g.extraOverGreedy))],
        ])
        if let ratio = g.ratioToGreedy { summary.append(["ratio to greedy", .number(ratio, 3), ""]) }
        var steps = TextTable(title: "per step", columns: [.init("step", key: "index"), .init("context"), .init("sequences"), .init("FLOPs", key: "flops"), .human])
        let half = Self.tableSteps / 2
        let shown = g.steps.count <= Self.tableSteps ? Array(g.steps) : Array(g.steps.prefix(half)) + Array(g.steps.suffix(half))
        for (i, s) in shown.enumerated() {
            if g.steps.count > Self.tableSteps, i == half {
                steps.append(["…", "", "", .text("\(g.steps.count - Self.tableSteps) steps not listed (--format json lists every step)"), ""])
            }
            steps.append([.plain(s.index), .plain(s.context), .plain(s.sequences), .count(s.flops), .human(HumanUnits.flops(s.flops))])
        }
        return [summary, steps]
    }

    var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("model", .string(report.model)),
            ("convention", .string(report.convention.rawValue)),
            ("phase", .string(report.phase.rawValue)),
            ("batch", .int(report.batch)),
            ("seq", .int(report.seq)),
        ]
        switch report.phase {
        case .decode: pairs += [("context", .int(report.seq)), ("draft_tokens", .int(shape.draftTokens))]
        case .train: pairs.append(("recompute", .string(shape.recompute.rawValue)))
        case .generate: pairs += [("new_tokens", .int(shape.newTokens)), ("beams", .int(shape.beams)),
                                  ("beam_prefill", .string(shape.beamPrefill.rawValue))]
        case .prefill: break
        }
        pairs += [
            ("tokens", .integer(report.tokens)),
            ("total_flops", .integer(report.total)),
            ("flops_per_token", .number(report.flopsPerToken)),
            ("rule_flops_per_token", .integer(rule.flopsPerToken)),
            ("rule_active_flops_per_token", .integer(rule.activeFLOPsPerToken)),
            ("components", .array(report.components.map {
                .object([("name", .string($0.name)), ("flops", .integer($0.flops.value)), ("formula", .string($0.formula))])
            })),
        ]
        if case .generation(let g) = result {
            pairs += [
                ("greedy_total_flops", .integer(g.greedyTotal)),
                ("beam_extra_flops", .integer(g.extraOverGreedy)),
                ("steps", .array(g.steps.map {
                    .object([("index", .int($0.index)), ("context", .int($0.context)),
                             ("sequences", .int($0.sequences)), ("flops", .integer($0.flops))])
                })),
            ]
        }
        pairs.append(("notes", .array(report.notes.map { .string(OptionNames.text($0)) })))
        return .object(pairs)
    }
}
