extension SeedAudit {
    /// Seed 003's per-1K inference cost and seed 002's variant of it. Corrected figures come from
    /// `c`, the corrected chain (decode through the roofline at a stated batch).
    static func inferenceExamples(_ c: SeedCorrections, mfu: Double) -> [SeedExample] {
        typealias I = Inputs
        let per1K = SeedFormulas.inferencePer1K(parameters: I.gpt4TurboParameters, flops: I.a100FLOPS, pricePerHour: I.a100PricePerHour)
        let seed002Figure = SeedFormulas.seed002InferencePer1K(parameters: 8.222e11, tokens: 1000, flops: 1e14, pricePerHour: 3.93)
        let seed002UnitsFixed = SeedFormulas.inferencePer1K(parameters: 8.222e11, flops: 1e14, pricePerHour: 3.93)
        let seed002Fixed = SeedFormulas.inferencePer1K(parameters: SeedCorrections.gpt4TurboActiveParameters, flops: 1e14, pricePerHour: 3.93)
        let share = c.per1K / I.averagePricePer1K * 100
        return [
            SeedExample(
                id: "gpt4-turbo-inference-per-1k", seedFile: seed003, description: "GPT-4 Turbo (8×222B) inference per 1K tokens on A100s",
                formula: "1000 × (N × 2 ÷ FLOPS) × price/s",
                inputs: [.init("N", I.gpt4TurboParameters, "parameters"), .init("FLOPS", I.a100FLOPS, "FLOP/s"),
                         .init("price", I.a100PricePerHour, "$/h")],
                printed: PrintedFigure("$0.0071656", value: 0.0071656, step: 1e-7), ours: per1K, oursText: money(per1K),
                corrected: c.per1K, correctedText: money(c.per1K) + " (batch \(c.batch), \(c.bound)-bound)",
                reason: "decode is priced at the peak as if compute-bound, and on all 8 experts: FLOPs follow the ≤ 444B active "
                    + "parameters (2 of 8 experts), at MFU \(CostError.trim(mfu)); the bytes are all experts' bf16 weights a batch reads, at "
                    + "\(CostError.trim(HardwareProfile.defaultBandwidthUtilisation)) of 1,555 GB/s — \(c.per1KDescription). "
                    + "KV cache not counted (no architecture). The seed prints 0.0071656 (truncated) here and 0.00716567 later",
                inherits: ["gpt4-turbo-pretraining"]),
            SeedExample(
                id: "inference-share-of-price", seedFile: seed003, description: "inference cost as a share of the $0.02/1K average price",
                formula: "0.00716567 ÷ 0.02", inputs: [.init("cost", per1K, "$/1K"), .init("price", I.averagePricePer1K, "$/1K")],
                printed: PrintedFigure("36%", value: 36, step: 1), ours: per1K / I.averagePricePer1K * 100,
                oursText: String(format: "%.2f%%", per1K / I.averagePricePer1K * 100),
                corrected: share, correctedText: String(format: "%.1f%%", share),
                reason: "the share follows the corrected per-1K cost \(money(c.per1K))",
                inherits: ["gpt4-turbo-inference-per-1k"]),
            SeedExample(
                id: "seed002-inference-per-1k", seedFile: seed002, description: "seed 002's GPT-4 Turbo per-1K inference cost",
                formula: "P × T ÷ (C × R)",
                inputs: [.init("P", 8.222e11, "parameters (\"8,222亿\")"), .init("T", 1000, "tokens"),
                         .init("C", 1e14, "FLOP/s (\"an example value\")"), .init("R", 3.93, "$/h")],
                printed: PrintedFigure("≈ 2.09 美元", value: 2.09, step: 0.01), ours: seed002Figure, oursText: String(format: "%.4f (s·h/$, not $)", seed002Figure),
                corrected: seed002Fixed, correctedText: money(seed002Fixed) + " (at its stated C)",
                reason: "dividing by the price gives parameter·tokens ÷ (FLOP/s · $/h) = s·h/$, not dollars, and the 2 FLOPs per "
                    + "parameter are dropped: 2·P·T ÷ C × R ÷ 3600 = \(money(seed002UnitsFixed)) with its P; and \"8*222B\" is 1.776e12, not 8.222e11, "
                    + "of which ≤ 444B are active per token: 2 × 444e9 × 1000 ÷ 1e14 × 3.93 ÷ 3600 = \(money(seed002Fixed)) at the seed's own "
                    + "example throughput C (compute-bound by its statement; see gpt4-turbo-inference-per-1k for the roofline)",
                inherits: ["gpt4-turbo-pretraining"]),
        ]
    }
}
