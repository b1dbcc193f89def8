import Workload

/// The seeds' FLOP-dependent examples as one corrected chain on one device: every dependent
/// figure is computed from the corrected figures upstream of it, never from the seed's.
///
/// ```
/// GPT-3 pretraining   = exact training FLOPs (GPT-3 175B, seq 2048) × D ÷ training FLOP/s × $/h ÷ 3600
/// GPT-4 pretraining   = 6·N·D ÷ training FLOP/s × $/h ÷ 3600       (dense 1.8T as the seed states; no architecture)
/// GPT-4 Turbo         = 6·N_active·D ÷ training FLOP/s × $/h ÷ 3600 (N_active ≤ 2 × 222B)
/// ratio               = GPT-4 ÷ GPT-3;  discounted = GPT-4 × 0.5;  yuan = dollars × 0.5 × 7.1
/// decode step (B seq) = max(B·2·N_active ÷ (peak·MFU), bytes/param · N_total · touched(B) ÷ (bandwidth·u_bw))
/// touched(B)          = 1 − (1 − k/E)^B          share of the E = 8 experts (top k = 2) a batch of B reads
/// per 1K              = 1000 × step ÷ B × $/h ÷ 3600
/// break-even tokens   = (discounted ÷ 6) ÷ ($0.02 − per 1K) × 1000          (never if per 1K ≥ $0.02)
/// Plus subscribers    = (discounted ÷ 6) ÷ ($20 − tokens/user ÷ 1000 × per 1K) (never if ≤ 0)
/// ```
/// The seed's structure is kept: the 5折 discount applies to pretraining only, pretraining is
/// amortised over 6 months, inference is priced per generated token with no prompt and no KV
/// cache (no architecture is known), so the bytes are a lower bound.
public struct SeedCorrections: Sendable {
    /// Decode batch of the corrected per-1K cost: vLLM's long-standing default `max_num_seqs`
    /// (a continuous-batching server runs up to this many sequences per step); the batch is an input.
    public static let defaultBatch = 256
    /// GPT-4 Turbo as the seed reads "8*222B": 8 experts; top-2 routing assumed (as Mixtral; the
    /// rumour states no top-k), so at most 2 × 222B parameters are active per token.
    public static let experts = 8.0, activeExperts = 2.0
    public static let gpt4TurboActiveParameters = 2 * 222e9

    public var hardware: String
    public var batch: Int
    /// GPT-3 175B's exact training FLOPs for 500B tokens (matmul convention, seq 2048).
    public var gpt3ExactFLOPs: Double
    public var gpt3Pretraining: Double
    public var gpt4Pretraining: Double
    public var gpt4TurboPretraining: Double
    public var gpt4OverGPT3: Double
    public var gpt4Discounted: Double
    /// Bytes per weight read by decode: 2 (bf16) on a datasheet device, 4 (fp32) on a measured host.
    public var bytesPerParameter: Double
    /// Share of the experts' weights one decode step of `batch` sequences reads.
    public var expertsTouched: Double
    /// One decode step of `batch` sequences.
    public var decodeStep: RooflineStep
    public var per1K: Double
    public var breakEvenTokens: Double?
    public var plusSubscribers: Double?
    public var lightSubscribers: Double?

    public var bound: String { decodeStep.bound.rawValue }

    public static func compute(on hardware: HardwareProfile, batch: Int = defaultBatch) throws -> SeedCorrections {
        typealias I = SeedAudit.Inputs
        try CostError.atLeastOne(batch, .batch)
        let price = hardware.pricePerHour.value
        let training = hardware.effectiveTrainingThroughput.value
        let figures = try ModelFigures(spec: SeedAudit.gpt3(), sequenceLength: 2048)
        let exact = try figures.hardwareTrainingFLOPsPerToken.total(forTokens: Int128(I.gpt3Tokens)).approximate
        let gpt3 = exact / training * price / 3600
        let gpt4 = SeedFormulas.pretraining(parameters: I.gpt4Parameters, tokens: I.gpt4Tokens, flops: training, pricePerHour: price)
        let turbo = SeedFormulas.pretraining(parameters: gpt4TurboActiveParameters, tokens: I.gpt4Tokens, flops: training, pricePerHour: price)
        let discounted = gpt4 * I.discount

        let bytesPerParameter = hardware.isMeasured ? 4.0 : 2.0
        let touched = WeightTraffic.touchedShare(experts: experts, topK: activeExperts, tokens: batch)
        let b = Double(batch)
        // Without a bandwidth (a profile that measured none) the step is compute-bound by assumption.
        let bandwidth = hardware.effectiveBandwidth ?? BytesPerSecond(.infinity)
        let step = RooflineStep(context: 0, flops: b * 2 * gpt4TurboActiveParameters,
                                bytes: bytesPerParameter * I.gpt4TurboParameters * touched,
                                throughput: hardware.effectiveThroughput, bandwidth: bandwidth)
        let per1K = 1000 * step.time.value / b * price / 3600
        let monthly = discounted / 6
        let plusTokens = 30.0 * 120 * 500, lightTokens = 6700 * 30.0
        func subscribers(_ perUser: Double) -> Double? {
            let margin = I.plusFee - perUser / 1000 * per1K
            return margin > 0 ? monthly / margin : nil
        }
        return SeedCorrections(
            hardware: hardware.name, batch: batch, gpt3ExactFLOPs: exact, gpt3Pretraining: gpt3, gpt4Pretraining: gpt4,
            gpt4TurboPretraining: turbo, gpt4OverGPT3: gpt4 / gpt3, gpt4Discounted: discounted,
            bytesPerParameter: bytesPerParameter, expertsTouched: touched, decodeStep: step, per1K: per1K,
            breakEvenTokens: per1K < I.averagePricePer1K
                ? SeedFormulas.breakEvenTokens(pretrainingPerMonth: monthly, inferencePer1K: per1K, pricePer1K: I.averagePricePer1K) : nil,
            plusSubscribers: subscribers(plusTokens), lightSubscribers: subscribers(lightTokens))
    }

    /// How the per-1K figure is made, in one sentence.
    public var per1KDescription: String {
        let s = decodeStep
        return "decode at batch \(batch): max(\(batch)·2·444e9 FLOP ÷ (peak·MFU) = \(s.computeTime), "
            + "\(CostError.trim(bytesPerParameter)) B × 1.776e12 × \(String(format: "%.4g", expertsTouched)) of the experts ÷ (bandwidth·u_bw) = \(s.memoryTime)) "
            + "= \(s.time) per step (\(s.bound.rawValue)-bound), ÷ \(batch) tokens"
    }
}
