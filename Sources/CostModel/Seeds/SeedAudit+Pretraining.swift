extension SeedAudit {
    /// Seeds 002/003 (identical text): GPT-3, GPT-4 and GPT-4 Turbo pretraining, the 5折 discount,
    /// the yuan figures, and the "312 TFLOPS/Watt" constant. Corrected figures come from `c`, the
    /// corrected chain on the seed's A100 at a stated MFU.
    static func pretrainingExamples(_ c: SeedCorrections, mfu: Double) -> [SeedExample] {
        typealias I = Inputs
        let files = "\(seed002) + \(seed003)"
        let gpt3 = SeedFormulas.pretraining(parameters: I.gpt3Parameters, tokens: I.gpt3Tokens, flops: I.a100FLOPS, pricePerHour: I.a100PricePerHour)
        let gpt4 = SeedFormulas.pretraining(parameters: I.gpt4Parameters, tokens: I.gpt4Tokens, flops: I.a100FLOPS, pricePerHour: I.a100PricePerHour)
        let gpt4Turbo = SeedFormulas.pretraining(parameters: I.gpt4TurboParameters, tokens: I.gpt4Tokens, flops: I.a100FLOPS, pricePerHour: I.a100PricePerHour)
        let ratio = (I.gpt4Parameters * I.gpt4Tokens) / (I.gpt3Parameters * I.gpt3Tokens)
        let atMFU = "at a stated MFU of \(CostError.trim(mfu)) of the 312 TFLOP/s peak (the seed takes the peak as sustained)"
        let pretrainingInputs: (Double, Double) -> [SeedExample.Input] = { n, d in
            [.init("N", n, "parameters"), .init("D", d, "tokens"), .init("FLOPS", I.a100FLOPS, "FLOP/s"),
             .init("price", I.a100PricePerHour, "$/h")]
        }
        let gpt3Yuan = c.gpt3Pretraining * I.discount * I.yuanPerDollar
        let gpt4Yuan = c.gpt4Discounted * I.yuanPerDollar
        return [
            SeedExample(
                id: "gpt3-pretraining", seedFile: files, description: "GPT-3 pretraining on rented A100s",
                formula: "(N × 6 ÷ FLOPS) × price/s × D", inputs: pretrainingInputs(I.gpt3Parameters, I.gpt3Tokens),
                printed: PrintedFigure("约105万美元", value: 1.05e6, step: 1e4), ours: gpt3, oursText: money(gpt3),
                corrected: c.gpt3Pretraining, correctedText: money(c.gpt3Pretraining),
                reason: "312 TFLOP/s is a peak, not a sustained rate: \(atMFU) and with the exact training count "
                    + "of GPT-3 175B at seq 2048 (\(String(format: "%.4e", c.gpt3ExactFLOPs)) FLOP, \(String(format: "%.4f", c.gpt3ExactFLOPs / (6 * I.gpt3Parameters * I.gpt3Tokens)))× 6·N·D) "
                    + "the same rental costs \(money(c.gpt3Pretraining)); the seed's 105万 truncates its own 105.9万"),
            SeedExample(
                id: "gpt3-pretraining-yuan", seedFile: files, description: "GPT-3 at the 5折 discount, in yuan",
                formula: "105万美元 × 0.5 × 7.1 (rate implied by 372.75 ÷ 52.5)",
                inputs: [.init("cost", 1.05e6, "$ (seed's rounded figure)"), .init("discount", I.discount, ""),
                         .init("rate", I.yuanPerDollar, "CNY/USD")],
                printed: PrintedFigure("约372.75万元", value: 3_727_500, step: 100),
                ours: 1.05e6 * I.discount * I.yuanPerDollar, oursText: "¥" + count(1.05e6 * I.discount * I.yuanPerDollar),
                corrected: gpt3Yuan, correctedText: "¥" + count(gpt3Yuan),
                reason: "the seed halves its rounded 105万 instead of the \(money(gpt3)) its formula gives (seed arithmetic, unrounded: "
                    + "¥\(count(gpt3 * I.discount * I.yuanPerDollar))); corrected: the corrected GPT-3 \(money(c.gpt3Pretraining)) × 0.5 × 7.1",
                inherits: ["gpt3-pretraining"]),
            SeedExample(
                id: "gpt4-pretraining", seedFile: files, description: "GPT-4 pretraining (undiscounted; the seed prints only the ratio and the discounted figure)",
                formula: "(N × 6 ÷ FLOPS) × price/s × D", inputs: pretrainingInputs(I.gpt4Parameters, I.gpt4Tokens),
                printed: nil, ours: gpt4, oursText: money(gpt4), corrected: c.gpt4Pretraining, correctedText: money(c.gpt4Pretraining),
                reason: "\(atMFU); 6·N·D kept (no GPT-4 architecture is published; the seed's dense 1.8T taken as stated)"),
            SeedExample(
                id: "gpt4-over-gpt3", seedFile: files, description: "GPT-4 pretraining as a multiple of GPT-3",
                formula: "(N₄ · D₄) ÷ (N₃ · D₃)",
                inputs: [.init("N₄·D₄", I.gpt4Parameters * I.gpt4Tokens, "parameter·tokens"),
                         .init("N₃·D₃", I.gpt3Parameters * I.gpt3Tokens, "parameter·tokens")],
                printed: PrintedFigure("280 倍", value: 280, step: 1), ours: ratio, oursText: String(format: "%.2f×", ratio),
                corrected: c.gpt4OverGPT3, correctedText: String(format: "%.2f×", c.gpt4OverGPT3),
                reason: "the seed's own inputs give 267.4×, not 280×; from the corrected figures (GPT-3 by its exact count, GPT-4 by 6·N·D, "
                    + "both at the same MFU) \(money(c.gpt4Pretraining)) ÷ \(money(c.gpt3Pretraining)) = \(String(format: "%.2f×", c.gpt4OverGPT3))",
                inherits: ["gpt3-pretraining", "gpt4-pretraining"]),
            SeedExample(
                id: "gpt4-pretraining-discounted", seedFile: files, description: "GPT-4 pretraining at the 5折 discount",
                formula: "(N × 6 ÷ FLOPS) × price/s × D × 0.5", inputs: pretrainingInputs(I.gpt4Parameters, I.gpt4Tokens) + [.init("discount", I.discount, "")],
                printed: PrintedFigure("约1.45亿美元", value: 1.45e8, step: 1e6), ours: gpt4 * I.discount, oursText: money(gpt4 * I.discount),
                corrected: c.gpt4Discounted, correctedText: money(c.gpt4Discounted),
                reason: "the formula gives 1.42亿; 1.45亿 follows neither from it nor from the seed's 280 × 52.5万 (= 1.47亿); "
                    + "corrected: the corrected GPT-4 \(money(c.gpt4Pretraining)) × 0.5",
                inherits: ["gpt4-pretraining"]),
            SeedExample(
                id: "gpt4-turbo-pretraining", seedFile: files,
                description: "GPT-4 Turbo (8×222B, 13T tokens) pretraining as a multiple of GPT-4 (\"费用与 GPT4 差不多\", read as ≈ 1.0×)",
                formula: "(N × 6 ÷ FLOPS) × price/s × D, ÷ the GPT-4 figure",
                inputs: pretrainingInputs(I.gpt4TurboParameters, I.gpt4Tokens),
                printed: PrintedFigure("费用与 GPT4 差不多", value: 1, step: 0.1), ours: gpt4Turbo / gpt4,
                oursText: String(format: "%.4f×", gpt4Turbo / gpt4) + " (\(money(gpt4Turbo)))",
                corrected: c.gpt4TurboPretraining / c.gpt4Pretraining,
                correctedText: String(format: "≤ %.4f×", c.gpt4TurboPretraining / c.gpt4Pretraining) + " (≤ \(money(c.gpt4TurboPretraining)))",
                reason: "a mixture of experts trains only the experts a token is routed to: 6·N applies to the active parameters, "
                    + "not the total. With 2 of 8 experts active (as Mixtral routes; the rumour states no top-k) at most "
                    + "2 × 222B = 444B parameters are active, a quarter of the dense cost; dollars \(atMFU)",
                inherits: ["gpt4-pretraining"]),
            SeedExample(
                id: "gpt4-pretraining-yuan", seedFile: files, description: "GPT-4 discounted, in yuan",
                formula: "GPT-4 $ × 0.5 × 7.1", inputs: [.init("cost", gpt4, "$"), .init("discount", I.discount, ""), .init("rate", I.yuanPerDollar, "CNY/USD")],
                printed: PrintedFigure("人民币10亿元", value: 1e9, step: 1e8), ours: gpt4 * I.discount * I.yuanPerDollar,
                oursText: "¥" + count(gpt4 * I.discount * I.yuanPerDollar), corrected: gpt4Yuan, correctedText: "¥" + count(gpt4Yuan),
                reason: "the seed's arithmetic agrees at its printed precision (10.05亿); corrected: the corrected discounted GPT-4 "
                    + "\(money(c.gpt4Discounted)) × 7.1",
                inherits: ["gpt4-pretraining-discounted"]),
            SeedExample(
                id: "a100-312-tflops-per-watt", seedFile: files, description: "the A100 constant \"312 TFLOPS/Watt\"",
                formula: "312 TFLOPS/Watt", inputs: [.init("peak", 312e12, "FLOP/s"), .init("TDP", 400, "W")],
                printed: PrintedFigure("312 TFLOPS/Watt", value: 312, step: 1), ours: 312e12 / 400 / 1e12,
                oursText: "0.78 TFLOP/s per W (312 TFLOP/s ÷ 400 W TDP)",
                corrected: 312, correctedText: "312 TFLOP/s per device (dense BF16 peak), sustained ≈ MFU × 312",
                reason: "unit slip: 312 TFLOP/s is the A100's dense BF16 tensor-core peak per device (datasheet), not per watt; "
                    + "per watt it is 0.78. It is a ceiling: training sustains MFU × 312 (typically 0.3–0.5) — measure or state it"),
        ]
    }
}
