import Workload

/// Every worked example of the four seed articles, reproduced from the seed's own inputs and
/// then corrected.
public enum SeedAudit {
    public static let seed000 = "000_cf92ca5e00d6f063.txt"
    public static let seed001 = "001_4c212618aff9f826.txt"
    public static let seed002 = "002_791cc2f07edb00ef.txt"
    public static let seed003 = "003_d39211c8b2fa9890.txt"

    /// The seeds' constants.
    public enum Inputs {
        /// "A100 卡每秒的计算次数 = 312 TFLOPS".
        public static let a100FLOPS = 312e12
        /// Azure A100, 3-year reserved, $/h.
        public static let a100PricePerHour = 2.2659
        public static let gpt3Parameters = 175e9, gpt3Tokens = 500e9
        public static let gpt4Parameters = 1.8e12, gpt4Tokens = 13e12
        /// GPT-4 Turbo "8*222B".
        public static let gpt4TurboParameters = 8 * 222e9
        /// "5 折": OpenAI's assumed 50 % discount on rental prices.
        public static let discount = 0.5
        /// CNY per USD implied by "105万美元*5折，约372.75万元" (372.75 ÷ 52.5).
        public static let yuanPerDollar = 7.1
        /// Seed 003 rounds the GPT-4 pretraining "1.45亿" ÷ 6 to "2.4 千万" a month.
        public static let seedPretrainingPerMonth = 2.4e7
        public static let seedPretraining = 1.45e8
        /// The rounded per-1K inference cost seed 003 carries into its break-even ("0.007").
        public static let seedInferencePer1K = 0.007
        public static let averagePricePer1K = 0.02
        public static let plusFee = 20.0
    }

    /// All examples, in seed order. Corrected figures are one chain on the seed's A100 (its peak
    /// and price) at a stated MFU and bandwidth utilisation, decode at a stated batch.
    public static func examples(mfu: Double = HardwareProfile.defaultMFU, batch: Int = SeedCorrections.defaultBatch,
                                bandwidthUtilisation: Double = HardwareProfile.defaultBandwidthUtilisation) throws -> [SeedExample] {
        let c = try corrections(mfu: mfu, batch: batch, bandwidthUtilisation: bandwidthUtilisation)
        return try seed000Examples() + seed001Examples() + pretrainingExamples(c, mfu: mfu) + inferenceExamples(c, mfu: mfu)
            + breakEvenExamples(c) + taskExamples()
    }

    /// The corrected chain on the seed's A100 (312 TFLOP/s dense BF16, $2.2659/h) at `mfu`.
    public static func corrections(mfu: Double = HardwareProfile.defaultMFU, batch: Int = SeedCorrections.defaultBatch,
                                   bandwidthUtilisation: Double = HardwareProfile.defaultBandwidthUtilisation) throws -> SeedCorrections {
        try SeedCorrections.compute(on: try HardwareProfile.seedA100Corrected(mfu: mfu, bandwidthUtilisation: bandwidthUtilisation), batch: batch)
    }

    /// GPT-3 175B as published (Brown et al. 2020, Table 2.1): 96 layers, d 12288, 96 heads of
    /// 128, FFN 4d, context 2048, learned positions, GPT-2 vocabulary, tied LM head.
    public static func gpt3(layers: Int = 96) -> ModelSpec {
        ModelSpec(
            name: layers == 96 ? "gpt3-175b" : "gpt3-175b-\(layers)-layer", source: "Brown et al. 2020, Table 2.1",
            vocabularySize: 50257, hiddenSize: 12288, contextWindow: 2048,
            decoder: StackSpec(layers: layers, attention: AttentionSpec(heads: 96, headDim: 128, qkvBias: true, outputBias: true),
                               ffn: FFNSpec(intermediateSize: 49152, activation: .gelu, bias: true),
                               norm: NormSpec(kind: .layerNorm), positions: .learned(2048)),
            lmHead: LMHeadSpec(tied: true))
    }

    static func money(_ v: Double) -> String { Dollars(v).description }
    static func count(_ v: Double) -> String { Quantity.grouped(v, fractionDigits: 0) }
}
