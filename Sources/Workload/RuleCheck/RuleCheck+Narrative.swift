import Foundation

extension RuleCheck {
    /// One paragraph from the numbers: how far the rule is off, from where, and why.
    func verdict(rows: [RuleCheckRow], matmul: RuleRange, causal: RuleRange, responsible: DeviationSource) -> String {
        var s: [String] = []
        if let first = rows.first {
            s.append("At \(first.context) tokens the exact forward count is \(pct(first.ratioTotal)) of 2·N "
                + "(causal attention: \(pct(first.causal.ratio))).")
        }
        switch (matmul.within, matmul.breaksAt) {
        case (nil, _):
            s.append("The 2·N rule is off by more than 10 % at every context up to \(matmul.limit) tokens; the gap comes from \(responsible.rawValue).")
        case (let range?, let breaks?) where range.lowerBound == 1:
            s.append("It holds within 10 % up to \(range.upperBound) tokens and breaks from \(breaks) tokens (matmul convention)"
                + (causal.breaksAt.map { "; from \($0) tokens with causal attention" } ?? "; with causal attention it holds up to \(causal.limit)")
                + ", because of \(responsible.rawValue).")
        case (let range?, let breaks) where (try? deviation(at: range.lowerBound - 1, convention: .matmul).ratio).map({ $0 > 1 }) == true:
            // Above the band at short contexts (a padded scan: a whole chunk computed for a few
            // tokens), within it from the lower bound on.
            let short = (try? deviation(at: range.lowerBound - 1, convention: .matmul).dominantSource) ?? responsible
            s.append("It is more than 10 % above 2·N below \(range.lowerBound) tokens (because of \(short.rawValue)) "
                + "and within 10 % from \(range.lowerBound)" + (breaks.map { " to \($0 - 1) tokens; it breaks from \($0) tokens because of \(responsible.rawValue)." } ?? " tokens on."))
        case (let range?, let breaks):
            s.append("It is off by more than 10 % below \(range.lowerBound) tokens (because of \(responsible.rawValue)) "
                + "and within 10 % from \(range.lowerBound)" + (breaks.map { " to \($0 - 1)" } ?? "") + " tokens" + (spec.decoder?.stateSpace == nil || spec.decoder?.hybrid != nil ? ", where attention work fills the gap." : "."))
        }
        if parameters.active != parameters.total, let last = rows.last {
            s.append("With N taken as the \(HumanUnitsLite.count(parameters.active)) active parameters instead of \(HumanUnitsLite.count(parameters.total)), the ratio is \(pct(rows.first?.ratioActive ?? .nan)) at \(rows.first?.context ?? 0) and \(pct(last.ratioActive)) at \(last.context) tokens.")
        }
        if let d = spec.decoder, let l = d.linearAttention, let first = rows.first, let last = rows.last {
            s.append(linearAttentionVerdict(d, l, first: first, last: last))
        } else if let h = spec.decoder?.hybrid, h.blocks == .parallel {
            s.append("An attention–state-space hybrid with both side by side in every layer: per-token cost grows with context at a transformer's rate, and the state-space half adds a cost (and a decode state) that does not grow.")
        } else if let h = spec.decoder?.hybrid, let layers = spec.decoder?.layers {
            s.append("An attention–state-space hybrid: only \(h.attentionLayers) of \(layers) layers run attention, so per-token cost grows with context at \(h.attentionLayers)/\(layers) of a transformer's rate; the state-space layers' cost (and their decode state) does not grow.")
        } else if let m = spec.decoder?.stateSpace, let first = rows.first, let last = rows.last {
            // No attention: only the conv's padding (and Mamba-2's chunk padding) depends on the length.
            s.append("A state-space model (\(m.variant.rawValue)) has no attention: per-token cost barely grows with context "
                + "(\(pct(first.ratioTotal)) of 2·N at \(first.context) tokens, \(pct(last.ratioTotal)) at \(last.context)), and a decode step "
                + "reads a fixed recurrent state, so it costs the same at any context; Kaplan's 2·n_layer·n_ctx·d_attn term does not apply.")
        }
        if let last = rows.last {
            s.append("Kaplan's formula is off by \(signedPct(last.kaplanError)) at \(last.context) tokens; training per token is \(pct(last.trainingRatio)) of 6·N there "
                + (spec.decoder?.linearAttention == nil ? "(training = 3 × forward)." : "(training = 3 × forward for the weight GEMMs and attention; the chunked delta rule's backward as autograd runs it)."))
        }
        return s.joined(separator: " ")
    }

    /// How a Gated DeltaNet hybrid departs from the rule: its linear-attention layers cost the same
    /// per token at any context (the delta rule is linear in the sequence), only the full-attention
    /// layers' attention grows.
    private func linearAttentionVerdict(_ d: StackSpec, _ l: LinearAttentionSpec, first: RuleCheckRow, last: RuleCheckRow) -> String {
        let rule = { (row: RuleCheckRow) in (row.matmul.bySource[.linearAttention] ?? 0) / row.matmul.rulePerToken }
        return "A linear-attention hybrid: \(d.mixerLayerCount) of \(d.layers) layers run Gated DeltaNet, whose chunked delta rule "
            + "(chunks of \(l.chunkSize), padded) is linear in the sequence — its per-token cost barely grows with context (its gap to 2·N: "
            + "\(signedPct(rule(first))) of 2·N at \(first.context) tokens, \(signedPct(rule(last))) at \(last.context)), and a decode step reads a fixed state; "
            + "only the \(d.attentionLayerCount) full-attention layers' attention grows, at \(d.attentionLayerCount)/\(d.layers) of a transformer's rate "
            + "(exact/2·N \(pct(first.ratioTotal)) at \(first.context) tokens, \(pct(last.ratioTotal)) at \(last.context); "
            + "training/6·N \(pct(first.trainingRatio)) and \(pct(last.trainingRatio)))."
    }

    private func pct(_ x: Double) -> String { x.isFinite ? String(format: "%.1f %%", x * 100) : "—" }
    private func signedPct(_ x: Double) -> String { x.isFinite ? String(format: "%+.1f %%", x * 100) : "—" }
}

/// Minimal human units for generated prose (the CLI has the full set).
enum HumanUnitsLite {
    static func count(_ v: Int128) -> String {
        let d = Double(v)
        switch d {
        case 1e12...: return String(format: "%.2f T", d / 1e12)
        case 1e9...: return String(format: "%.2f B", d / 1e9)
        case 1e6...: return String(format: "%.2f M", d / 1e6)
        default: return String(v)
        }
    }
}
