extension SeedAudit {
    /// The hardware the audit recomputes on by default: datasheet H100 SXM and H200, dense
    /// BF16, at a stated MFU.
    public static func datasheetHardware(mfu: Double = 0.4) throws(CostError) -> [HardwareProfile] {
        [try .datasheet(HardwareCatalog.h100SXM, precision: .bf16, mfu: mfu),
         try .datasheet(HardwareCatalog.h200, precision: .bf16, mfu: mfu)]
    }

    /// The FLOP-dependent examples with the seed's A100 replaced by `hardware`:
    /// ```
    /// pretraining = 6·N·D ÷ (peak × MFU) × $/h ÷ 3600
    /// per 1K      = 1000 · 2·N ÷ (peak × MFU) × $/h ÷ 3600
    /// break-even  = (GPT-4 pretraining × 0.5 ÷ 6) ÷ (price − per 1K) × 1000
    /// ```
    public static func recomputed(on hardware: HardwareProfile) -> [SeedRecomputation] {
        typealias I = Inputs
        let flops = hardware.effectiveThroughput.value, price = hardware.pricePerHour.value
        let seed = HardwareProfile.seedA100
        let never = "never: inference alone costs more than the revenue"
        func pretraining(_ n: Double, _ d: Double, on f: Double, _ p: Double) -> Double {
            SeedFormulas.pretraining(parameters: n, tokens: d, flops: f, pricePerHour: p)
        }
        let hwInputs: [Explanation.Input] = [
            .init("peak × MFU", hardware.effectiveThroughput.description, "", source: hardware.sources["utilisation"] ?? "stated"),
            .init("$/h", hardware.pricePerHour.description, "", source: hardware.sources["price"] ?? "stated"),
        ]
        /// `format` renders both the seed's figure and ours, so the two columns read alike.
        func row(_ id: String, _ description: String, seedValue: Double, value: Double?, format: (Double) -> String,
                 formula: String) -> SeedRecomputation {
            let text = value.map(format) ?? never
            return SeedRecomputation(id: id, hardware: hardware.name, description: description, seedValue: seedValue,
                                     seedText: format(seedValue), value: value, text: text,
                                     explanation: Explanation(description, formula: formula, inputs: hwInputs, result: text))
        }
        let gpt3 = pretraining(I.gpt3Parameters, I.gpt3Tokens, on: flops, price)
        let gpt4 = pretraining(I.gpt4Parameters, I.gpt4Tokens, on: flops, price)
        let per1K = SeedFormulas.inferencePer1K(parameters: I.gpt4TurboParameters, flops: flops, pricePerHour: price)
        let seedGPT4 = pretraining(I.gpt4Parameters, I.gpt4Tokens, on: seed.peak.value, seed.pricePerHour.value)
        let seedPer1K = SeedFormulas.inferencePer1K(parameters: I.gpt4TurboParameters, flops: seed.peak.value, pricePerHour: seed.pricePerHour.value)
        let monthly = gpt4 * I.discount / 6, seedMonthly = seedGPT4 * I.discount / 6
        let plusTokens = 30.0 * 120 * 500
        let tokens: Double? = per1K < I.averagePricePer1K
            ? SeedFormulas.breakEvenTokens(pretrainingPerMonth: monthly, inferencePer1K: per1K, pricePer1K: I.averagePricePer1K) : nil
        let servingPerUser = plusTokens / 1000 * per1K
        let users: Double? = servingPerUser < I.plusFee
            ? SeedFormulas.breakEvenSubscribers(pretrainingPerMonth: monthly, inferencePer1K: per1K, fee: I.plusFee, tokensPerUserPerMonth: plusTokens) : nil
        return [
            row("gpt3-pretraining", "GPT-3 pretraining (175B, 500B tokens)",
                seedValue: pretraining(I.gpt3Parameters, I.gpt3Tokens, on: seed.peak.value, seed.pricePerHour.value),
                value: gpt3, format: money, formula: "6·N·D ÷ (peak × MFU) × $/h ÷ 3600"),
            row("gpt4-pretraining", "GPT-4 pretraining (1.8T, 13T tokens)", seedValue: seedGPT4, value: gpt4, format: money,
                formula: "6·N·D ÷ (peak × MFU) × $/h ÷ 3600"),
            row("gpt4-turbo-inference-per-1k", "GPT-4 Turbo (8×222B) per 1K tokens, compute-bound", seedValue: seedPer1K,
                value: per1K, format: money, formula: "1000 · 2·N ÷ (peak × MFU) × $/h ÷ 3600"),
            row("breakeven-tokens-per-month", "tokens/month to recover GPT-4 (5折, 6 months) at $0.02/1K",
                seedValue: SeedFormulas.breakEvenTokens(pretrainingPerMonth: seedMonthly, inferencePer1K: seedPer1K, pricePer1K: I.averagePricePer1K),
                value: tokens, format: Quantity.tokens,
                formula: "(GPT-4 pretraining × 0.5 ÷ 6) ÷ ($0.02 − per 1K) × 1000"),
            row("breakeven-plus-subscribers", "Plus subscribers ($20, 1.8M tokens/month each) to break even",
                seedValue: SeedFormulas.breakEvenSubscribers(pretrainingPerMonth: seedMonthly, inferencePer1K: seedPer1K, fee: I.plusFee, tokensPerUserPerMonth: plusTokens),
                value: users, format: count,
                formula: "(GPT-4 pretraining × 0.5 ÷ 6) ÷ ($20 − 1800 × per 1K)"),
        ]
    }
}
