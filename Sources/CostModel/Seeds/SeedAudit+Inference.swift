extension SeedAudit {
    /// Seed 003's per-1K inference cost and seed 002's variant of it.
    static func inferenceExamples() -> [SeedExample] {
        typealias I = Inputs
        let per1K = SeedFormulas.inferencePer1K(parameters: I.gpt4TurboParameters, flops: I.a100FLOPS, pricePerHour: I.a100PricePerHour)
        let mfu = 0.4
        // Batch-1 decode reads every weight (2 bytes in bf16) once per token: memory-bound.
        let bandwidth = HardwareCatalog.a100_40gb.bandwidth.value
        let batch1 = 1000 * (2 * I.gpt4TurboParameters / bandwidth) * I.a100PricePerHour / 3600
        let seed002Figure = SeedFormulas.seed002InferencePer1K(parameters: 8.222e11, tokens: 1000, flops: 1e14, pricePerHour: 3.93)
        let seed002Fixed = SeedFormulas.inferencePer1K(parameters: 8.222e11, flops: 1e14, pricePerHour: 3.93)
        let seed002Turbo = SeedFormulas.inferencePer1K(parameters: I.gpt4TurboParameters, flops: 1e14, pricePerHour: 3.93)
        return [
            SeedExample(
                id: "gpt4-turbo-inference-per-1k", seedFile: seed003, description: "GPT-4 Turbo (8×222B) inference per 1K tokens on A100s",
                formula: "1000 × (N × 2 ÷ FLOPS) × price/s",
                inputs: [.init("N", I.gpt4TurboParameters, "parameters"), .init("FLOPS", I.a100FLOPS, "FLOP/s"),
                         .init("price", I.a100PricePerHour, "$/h")],
                printed: PrintedFigure("$0.0071656", value: 0.0071656, step: 1e-7), ours: per1K, oursText: money(per1K),
                corrected: per1K / mfu, correctedText: money(per1K / mfu) + " (compute-bound, MFU \(mfu))",
                reason: "decode is not compute-bound at peak: at MFU \(mfu) and a batch large enough to be compute-bound it is "
                    + "\(money(per1K / mfu)); at batch 1 every bf16 weight is read once per token (2·N bytes ÷ 1,555 GB/s), "
                    + "\(money(batch1)) per 1K — see `cost infer`. The seed prints 0.0071656 (truncated) here and 0.00716567 later"),
            SeedExample(
                id: "inference-share-of-price", seedFile: seed003, description: "inference cost as a share of the $0.02/1K average price",
                formula: "0.00716567 ÷ 0.02", inputs: [.init("cost", per1K, "$/1K"), .init("price", I.averagePricePer1K, "$/1K")],
                printed: PrintedFigure("36%", value: 36, step: 1), ours: per1K / I.averagePricePer1K * 100,
                oursText: String(format: "%.2f%%", per1K / I.averagePricePer1K * 100),
                corrected: per1K / mfu / I.averagePricePer1K * 100,
                correctedText: String(format: "%.1f%% (at MFU %.1f)", per1K / mfu / I.averagePricePer1K * 100, mfu),
                reason: "the share follows the per-1K cost; at a realistic MFU inference takes most of the price"),
            SeedExample(
                id: "seed002-inference-per-1k", seedFile: seed002, description: "seed 002's GPT-4 Turbo per-1K inference cost",
                formula: "P × T ÷ (C × R)",
                inputs: [.init("P", 8.222e11, "parameters (\"8,222亿\")"), .init("T", 1000, "tokens"),
                         .init("C", 1e14, "FLOP/s (\"an example value\")"), .init("R", 3.93, "$/h")],
                printed: PrintedFigure("≈ 2.09 美元", value: 2.09, step: 0.01), ours: seed002Figure, oursText: String(format: "%.4f (s·h/$, not $)", seed002Figure),
                corrected: seed002Fixed, correctedText: money(seed002Fixed),
                reason: "dividing by the price gives parameter·tokens ÷ (FLOP/s · $/h) = s·h/$, not dollars, and the 2 FLOPs per "
                    + "parameter are dropped: 2·P·T ÷ C × R ÷ 3600 = \(money(seed002Fixed)); and \"8*222B\" is 1.776e12, not 8.222e11 "
                    + "(\(money(seed002Turbo)) with it)"),
        ]
    }
}
