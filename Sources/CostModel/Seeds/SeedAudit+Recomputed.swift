import Workload
extension SeedAudit {
    /// The hardware the audit recomputes on by default: datasheet H100 SXM and H200, dense
    /// BF16, at a stated MFU (nil: the default, said so) and bandwidth utilisation.
    public static func datasheetHardware(mfu: Double? = nil,
                                         bandwidthUtilisation: Double? = nil) throws(CostError) -> [HardwareProfile] {
        [try .datasheet(HardwareCatalog.h100SXM, precision: .bf16, mfu: mfu, bandwidthUtilisation: bandwidthUtilisation),
         try .datasheet(HardwareCatalog.h200, precision: .bf16, mfu: mfu, bandwidthUtilisation: bandwidthUtilisation)]
    }

    /// The FLOP-dependent examples with the seed's A100 replaced by `hardware`: the corrected
    /// chain of `SeedCorrections` evaluated on that device —
    /// ```
    /// pretraining = training FLOPs ÷ training FLOP/s × $/h ÷ 3600    (GPT-3 exact, GPT-4 6·N·D)
    /// per 1K      = 1000 × max(B·2·N_active ÷ (peak·MFU), bytes ÷ (bandwidth·u_bw)) ÷ B × $/h ÷ 3600
    /// break-even  = (GPT-4 pretraining × 0.5 ÷ 6) ÷ (price − per 1K) × 1000
    /// ```
    /// beside the seed's own formula on its A100 (312 TFLOP/s taken as sustained, compute-bound).
    public static func recomputed(on hardware: HardwareProfile, batch: Int = SeedCorrections.defaultBatch) throws -> [SeedRecomputation] {
        typealias I = Inputs
        let c = try SeedCorrections.compute(on: hardware, batch: batch)
        let seed = HardwareProfile.seedA100
        let never = "never: inference alone costs more than the revenue"
        func pretraining(_ n: Double, _ d: Double) -> Double {
            SeedFormulas.pretraining(parameters: n, tokens: d, flops: seed.peak.value, pricePerHour: seed.pricePerHour.value)
        }
        let trainingInputs: [Explanation.Input] = [
            .init("training FLOP/s", hardware.effectiveTrainingThroughput.description, "",
                  citing: hardware.sources["training"] ?? hardware.sources["utilisation"] ?? "stated"),
            .init("$/h", hardware.pricePerHour.description, "", citing: hardware.sources["price"] ?? "stated"),
        ]
        let inferenceInputs: [Explanation.Input] = [
            .init("peak × MFU", hardware.effectiveThroughput.description, "", citing: hardware.sources["utilisation"] ?? "stated"),
            .init("bandwidth × u_bw", hardware.effectiveBandwidth?.description ?? "none (compute-bound assumed)", "",
                  citing: (hardware.sources["bandwidth"] ?? "stated") + "; u_bw \(CostError.trim(hardware.bandwidthUtilisation)): "
                    + (hardware.sources["bandwidth_utilisation"] ?? "stated")),
            .init("B", String(batch), "sequences", citing: "\(InputParameter.batch)"),
            .init("bytes/parameter", CostError.trim(c.bytesPerParameter), "B",
                  source: hardware.isMeasured ? "fp32 (a measured host's kernels are FP32)" : "bf16"),
            .init("experts read", String(format: "%.4g", c.expertsTouched), "of 8", source: "1 − (1 − 2/8)^B"),
            .init("$/h", hardware.pricePerHour.description, "", citing: hardware.sources["price"] ?? "stated"),
        ]
        func row(_ id: String, _ description: String, seedValue: Double, value: Double?, format: (Double) -> String,
                 formula: String, inputs: [Explanation.Input]) -> SeedRecomputation {
            let text = value.map(format) ?? never
            return SeedRecomputation(id: id, hardware: hardware.name, description: description, seedValue: seedValue,
                                     seedText: format(seedValue), value: value, text: text,
                                     explanation: Explanation(description, formula: formula, inputs: inputs, result: text))
        }
        let seedGPT4 = pretraining(I.gpt4Parameters, I.gpt4Tokens)
        let seedPer1K = SeedFormulas.inferencePer1K(parameters: I.gpt4TurboParameters, flops: seed.peak.value, pricePerHour: seed.pricePerHour.value)
        let seedMonthly = seedGPT4 * I.discount / 6
        let plusTokens = 30.0 * 120 * 500
        let per1KText: (Double) -> String = { money($0) }
        return [
            row("gpt3-pretraining", "GPT-3 pretraining (175B, 500B tokens; exact count at seq 2048)",
                seedValue: pretraining(I.gpt3Parameters, I.gpt3Tokens), value: c.gpt3Pretraining, format: money,
                formula: "exact training FLOPs ÷ training FLOP/s × $/h ÷ 3600",
                inputs: [.init("training FLOPs", String(format: "%.6e", c.gpt3ExactFLOPs), "FLOP", source: "Workload, GPT-3 175B at seq 2048")] + trainingInputs),
            row("gpt4-pretraining", "GPT-4 pretraining (1.8T, 13T tokens; 6·N·D)", seedValue: seedGPT4, value: c.gpt4Pretraining, format: money,
                formula: "6·N·D ÷ training FLOP/s × $/h ÷ 3600", inputs: trainingInputs),
            row("gpt4-turbo-inference-per-1k", "GPT-4 Turbo (8×222B, ≤ 444B active) per 1K generated tokens, decode at batch \(batch) (\(c.bound)-bound)",
                seedValue: seedPer1K, value: c.per1K, format: per1KText,
                formula: "1000 × max(B·2·N_active ÷ (peak·MFU), bytes/param · N_total · experts read ÷ (bandwidth·u_bw)) ÷ B × $/h ÷ 3600",
                inputs: inferenceInputs),
            row("breakeven-tokens-per-month", "tokens/month to recover GPT-4 (5折, 6 months) at $0.02/1K",
                seedValue: SeedFormulas.breakEvenTokens(pretrainingPerMonth: seedMonthly, inferencePer1K: seedPer1K, pricePer1K: I.averagePricePer1K),
                value: c.breakEvenTokens, format: Quantity.tokens,
                formula: "(GPT-4 pretraining × 0.5 ÷ 6) ÷ ($0.02 − per 1K) × 1000", inputs: trainingInputs + inferenceInputs),
            row("breakeven-plus-subscribers", "Plus subscribers ($20, 1.8M tokens/month each) to break even",
                seedValue: SeedFormulas.breakEvenSubscribers(pretrainingPerMonth: seedMonthly, inferencePer1K: seedPer1K, fee: I.plusFee, tokensPerUserPerMonth: plusTokens),
                value: c.plusSubscribers, format: count,
                formula: "(GPT-4 pretraining × 0.5 ÷ 6) ÷ ($20 − 1800 × per 1K)", inputs: trainingInputs + inferenceInputs),
        ]
    }
}
