/// The seeds' formulas exactly as the articles write them, units and mistakes included.
/// Each is reproduced first, then corrected (see `SeedAudit`).
public enum SeedFormulas {
    /// Seeds 002/003, pretraining:
    /// ```
    /// cost = (N × 6 ÷ FLOPS) × price per second × D        price per second = $/h ÷ 3600
    /// ```
    public static func pretraining(parameters n: Double, tokens d: Double, flops: Double, pricePerHour: Double) -> Double {
        n * 6 / flops * (pricePerHour / 3600) * d
    }

    /// Seed 003, inference per 1K tokens:
    /// ```
    /// cost = 1000 × (N × 2 ÷ FLOPS) × price per second
    /// ```
    public static func inferencePer1K(parameters n: Double, flops: Double, pricePerHour: Double) -> Double {
        1000 * (n * 2 / flops) * (pricePerHour / 3600)
    }

    /// Seed 002, inference per 1K tokens, as written — *not dollars*:
    /// ```
    /// P × T ÷ (C × R)      units: parameters·tokens ÷ (FLOP/s × $/h) = s·h/$
    /// ```
    /// It divides by the price instead of multiplying and drops the 2 FLOPs per parameter.
    public static func seed002InferencePer1K(parameters p: Double, tokens t: Double, flops c: Double, pricePerHour r: Double) -> Double {
        p * t / (c * r)
    }

    /// Seed 003, break-even tokens per month:
    /// ```
    /// price × T = pretraining ÷ months + T × inference cost     (T in thousands of tokens)
    /// ```
    /// Returns tokens (not thousands).
    public static func breakEvenTokens(pretrainingPerMonth f: Double, inferencePer1K c: Double, pricePer1K p: Double) -> Double {
        f / (p - c) * 1000
    }

    /// Seed 003, break-even Plus subscribers:
    /// ```
    /// fee × U = pretraining ÷ months + U × tokens per user (K) × inference cost
    /// ```
    public static func breakEvenSubscribers(pretrainingPerMonth f: Double, inferencePer1K c: Double, fee: Double,
                                            tokensPerUserPerMonth t: Double) -> Double {
        f / (fee - t / 1000 * c)
    }

    /// Seed 003, API price of a task: `in ÷ 1000 × in price + out ÷ 1000 × out price`.
    public static func task(inputTokens i: Double, outputTokens o: Double, inputPer1K pi: Double, outputPer1K po: Double) -> Double {
        i / 1000 * pi + o / 1000 * po
    }

    /// Seed 000, "total cost":
    /// ```
    /// P × C + H × T_train + H × N × T_infer + E × Power × Hours
    /// ```
    /// P in 亿 (1e8) parameters, C dollars per 亿 parameters.
    public static func seed000Total(parameters p: Double, costPerHundredMillion c: Double, trainingHours tTrain: Double,
                                    inferenceHours tInfer: Double, hardwarePerHour h: Double, gpus n: Double,
                                    electricityPerKWh e: Double, powerKW power: Double, hours: Double) -> Double {
        p * c + h * tTrain + h * n * tInfer + e * power * hours
    }

    /// Seed 001, "attention parameters":
    /// ```
    /// h × 4 × (d·d_k + d_k·d_v + d_v·d)
    /// ```
    public static func seed001AttentionParameters(width d: Int, heads h: Int, keyWidth dk: Int, valueWidth dv: Int) -> Int {
        h * 4 * (d * dk + dk * dv + dv * d)
    }
}
