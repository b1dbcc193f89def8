import Workload

/// Rule-check results as tables (one row per model and context), JSON and verdicts.
struct ValidateView {
    var results: [RuleCheckResult]

    var rendered: Rendered {
        var table = TextTable(title: "exact forward FLOPs per token ÷ 2·N, training ÷ 6·N", columns: [
            "model", "context", "matmul/2N", "causal/2N", "/2N_nonemb", "/2N_active", "train/6N", "kaplan err", "main gap"])
        for r in results {
            for row in r.rows {
                table.append([r.model, String(row.context), ratio(row.ratioTotal), ratio(row.causal.ratio),
                              ratio(row.ratioNonEmbedding), ratio(row.ratioActive), ratio(row.trainingRatio),
                              HumanUnits.percent(row.kaplanError), row.matmul.dominantSource.rawValue])
            }
        }
        var ranges = TextTable(title: "where 2·N holds within 10 %", columns: ["model", "matmul", "causal", "breaks from (matmul)", "responsible"])
        for r in results {
            ranges.append([r.model, describe(r.matmulRange), describe(r.causalRange),
                           r.matmulRange.breaksAt.map(String.init) ?? "—", r.responsible.rawValue])
        }
        let verdicts = results.map { "\($0.model): \($0.verdict)" } + results.compactMap(skipNote)
        return Rendered(json: json, tables: [table, ranges], notes: verdicts)
    }

    /// The contexts a model was not checked at, and how to check them.
    private func skipNote(_ r: RuleCheckResult) -> String? {
        guard !r.skippedContexts.isEmpty, let window = r.contextWindow else { return nil }
        let list = r.skippedContexts.map(String.init).joined(separator: ", ")
        return "\(r.model): context\(r.skippedContexts.count == 1 ? "" : "s") \(list) not checked: beyond its \(window)-token window (\(OptionNames.beyondContext) checks them)"
    }

    private func ratio(_ x: Double) -> String { HumanUnits.decimal(x, 3) }

    private func describe(_ r: RuleRange) -> String {
        guard let w = r.within else { return "never (to \(r.limit))" }
        return "\(w.lowerBound)–\(w.upperBound == r.limit ? "\(r.limit)+" : String(w.upperBound))"
    }

    var json: JSONValue {
        .object([
            ("tolerance", .number(RuleCheck.tolerance)),
            ("models", .array(results.map(model))),
        ])
    }

    private func model(_ r: RuleCheckResult) -> JSONValue {
        .object([
            ("model", .string(r.model)),
            ("total_parameters", .integer(r.parameters.total)),
            ("non_embedding_parameters", .integer(r.parameters.nonEmbedding)),
            ("active_parameters", .integer(r.parameters.active)),
            ("rows", .array(r.rows.map(row))),
            ("matmul_within", range(r.matmulRange)),
            ("causal_within", range(r.causalRange)),
            ("breaks_at_context", .optional(r.matmulRange.breaksAt)),
            ("causal_breaks_at_context", .optional(r.causalRange.breaksAt)),
            ("responsible", .string(r.responsible.rawValue)),
            ("verdict", .string(r.verdict)),
            ("skipped_contexts", .array(r.skippedContexts.map(JSONValue.int))),
            ("context_window", .optional(r.contextWindow)),
        ])
    }

    private func range(_ r: RuleRange) -> JSONValue {
        guard let w = r.within else { return .null }
        return .object([("from", .int(w.lowerBound)), ("to", .int(w.upperBound)), ("search_limit", .int(r.limit))])
    }

    private func row(_ row: RuleCheckRow) -> JSONValue {
        .object([
            ("context", .int(row.context)),
            ("exact_flops_per_token_matmul", .number(row.matmul.exactPerToken)),
            ("exact_flops_per_token_causal", .number(row.causal.exactPerToken)),
            ("ratio_to_2n_total", .number(row.ratioTotal)),
            ("ratio_to_2n_total_causal", .number(row.causal.ratio)),
            ("ratio_to_2n_non_embedding", .number(row.ratioNonEmbedding)),
            ("ratio_to_2n_active", .number(row.ratioActive)),
            ("training_ratio_to_6n", .number(row.trainingRatio)),
            ("kaplan_relative_error", .number(row.kaplanError)),
            // The mixers' lines only for models that have one (every other model's output is unchanged).
            ("gap_by_source_per_token", .object(DeviationSource.allCases
                .filter { ($0 != .stateSpaceScan && $0 != .linearAttention) || row.matmul.bySource[$0] != nil }
                .map { ($0.rawValue, .number(row.matmul.bySource[$0] ?? 0)) })),
            ("main_gap", .string(row.matmul.dominantSource.rawValue)),
        ])
    }
}
