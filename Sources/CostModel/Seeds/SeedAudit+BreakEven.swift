extension SeedAudit {
    /// Seed 003's closing question: how many tokens or Plus subscribers pay for the compute.
    /// Corrected figures follow the corrected discounted GPT-4 pretraining and the corrected
    /// per-1K inference cost of `c`; the seed's rounding alone ("seed arithmetic, unrounded") is
    /// given in each reason.
    static func breakEvenExamples(_ c: SeedCorrections) -> [SeedExample] {
        typealias I = Inputs
        let exactPer1K = SeedFormulas.inferencePer1K(parameters: I.gpt4TurboParameters, flops: I.a100FLOPS, pricePerHour: I.a100PricePerHour)
        let unrounded = I.seedPretraining / 6
        let tokens = SeedFormulas.breakEvenTokens(pretrainingPerMonth: I.seedPretrainingPerMonth, inferencePer1K: I.seedInferencePer1K, pricePer1K: I.averagePricePer1K)
        let tokensUnrounded = SeedFormulas.breakEvenTokens(pretrainingPerMonth: unrounded, inferencePer1K: exactPer1K, pricePer1K: I.averagePricePer1K)
        let users = 1e7, days = 30.0
        let plusTokens = 30.0 * 120 * 500
        let subscribers = SeedFormulas.breakEvenSubscribers(pretrainingPerMonth: I.seedPretrainingPerMonth, inferencePer1K: I.seedInferencePer1K, fee: I.plusFee, tokensPerUserPerMonth: plusTokens)
        let subscribersUnrounded = SeedFormulas.breakEvenSubscribers(pretrainingPerMonth: unrounded, inferencePer1K: exactPer1K, fee: I.plusFee, tokensPerUserPerMonth: plusTokens)
        let light = 6700 * days
        let lightSubscribers = SeedFormulas.breakEvenSubscribers(pretrainingPerMonth: I.seedPretrainingPerMonth, inferencePer1K: I.seedInferencePer1K, fee: I.plusFee, tokensPerUserPerMonth: light)
        let lightUnrounded = SeedFormulas.breakEvenSubscribers(pretrainingPerMonth: unrounded, inferencePer1K: exactPer1K, fee: I.plusFee, tokensPerUserPerMonth: light)
        let monthly: [SeedExample.Input] = [.init("pretraining/month", I.seedPretrainingPerMonth, "$ (\"2.4 千万\" = 1.45亿 ÷ 6, rounded)"),
                                            .init("inference", I.seedInferencePer1K, "$/1K (0.00716567 rounded)")]
        let rounding = "the seed rounds 1.45亿 ÷ 6 = 2.417千万 down to 2.4千万 and $0.0071657 down to $0.007"
        let chain = "corrected: the corrected discounted GPT-4 \(money(c.gpt4Discounted)) ÷ 6 = \(money(c.gpt4Discounted / 6))/month "
            + "and the corrected \(money(c.per1K))/1K inference"
        let never = "never: inference alone costs more than the revenue"
        let upstream = ["gpt4-pretraining-discounted", "gpt4-turbo-inference-per-1k"]
        func text(_ v: Double?, _ format: (Double) -> String) -> String { v.map(format) ?? never }
        let perUserDay = c.breakEvenTokens.map { $0 / users / days }
        return [
            SeedExample(
                id: "breakeven-tokens-per-month", seedFile: seed003, description: "tokens per month to recover pretraining at $0.02/1K",
                formula: "(pretraining ÷ 6) ÷ (price − inference) × 1000", inputs: monthly + [.init("price", I.averagePricePer1K, "$/1K")],
                printed: PrintedFigure("1.85 万亿 token", value: 1.85e12, step: 1e10), ours: tokens, oursText: Quantity.tokens(tokens),
                corrected: c.breakEvenTokens, correctedText: text(c.breakEvenTokens, Quantity.tokens),
                reason: "\(rounding) (seed arithmetic, unrounded: \(Quantity.tokens(tokensUnrounded))/month); \(chain)",
                inherits: upstream),
            SeedExample(
                id: "breakeven-tokens-per-user-day", seedFile: seed003, description: "the same, per user per day for 10 million users",
                formula: "break-even tokens ÷ 10⁷ users ÷ 30 days", inputs: monthly + [.init("users", users, ""), .init("days", days, "")],
                printed: PrintedFigure("6154 个 Token", value: 6154, step: 1), ours: tokens / users / days, oursText: count(tokens / users / days),
                corrected: perUserDay, correctedText: text(perUserDay, count),
                reason: "follows the break-even tokens (seed arithmetic, unrounded: \(count(tokensUnrounded / users / days)))",
                inherits: ["breakeven-tokens-per-month"]),
            SeedExample(
                id: "breakeven-words-per-user-day", seedFile: seed003, description: "the same in English words, at 1.3 tokens per word",
                formula: "6154 ÷ 1.3", inputs: [.init("tokens", 6154, "per user per day (seed's figure)"), .init("tokens/word", 1.3, "")],
                printed: PrintedFigure("4733 个单词", value: 4733, step: 1), ours: 6154 / 1.3, oursText: String(format: "%.2f", 6154 / 1.3),
                corrected: perUserDay.map { $0 / 1.3 }, correctedText: text(perUserDay.map { $0 / 1.3 }, count),
                reason: "4733.85 truncated to 4733 (seed arithmetic, unrounded: \(count(tokensUnrounded / users / days / 1.3))); follows the corrected tokens per user per day",
                inherits: ["breakeven-tokens-per-user-day"]),
            SeedExample(
                id: "plus-tokens-per-user-month", seedFile: seed003, description: "a Plus user's maximum monthly tokens",
                formula: "30 days × 120 questions × 500 tokens", inputs: [.init("days", 30, ""), .init("questions", 120, "per day"), .init("tokens", 500, "per question")],
                printed: PrintedFigure("180(万)", value: 1.8e6, step: 1e4), ours: plusTokens, oursText: count(plusTokens),
                corrected: nil, correctedText: nil, reason: "correct (the article's text lost its × signs: \"30120 500\")"),
            SeedExample(
                id: "breakeven-plus-subscribers", seedFile: seed003, description: "Plus subscribers ($20/month) to break even, 1.8M tokens each",
                formula: "(pretraining ÷ 6) ÷ (20 − 1.8M ÷ 1000 × inference)", inputs: monthly + [.init("fee", I.plusFee, "$/month"), .init("tokens/user", plusTokens, "per month")],
                printed: PrintedFigure("324 万", value: 3.24e6, step: 1e4), ours: subscribers, oursText: count(subscribers),
                corrected: c.plusSubscribers, correctedText: text(c.plusSubscribers, count),
                reason: "\(rounding) (seed arithmetic, unrounded: \(count(subscribersUnrounded))); \(chain)",
                inherits: upstream),
            SeedExample(
                id: "breakeven-plus-6700-per-day", seedFile: seed003, description: "Plus subscribers at 6,700 tokens/user/day",
                formula: "(pretraining ÷ 6) ÷ (20 − 6700 × 30 ÷ 1000 × inference)", inputs: monthly + [.init("fee", I.plusFee, "$/month"), .init("tokens/user", light, "per month")],
                printed: PrintedFigure("129 万", value: 1.29e6, step: 1e4), ours: lightSubscribers, oursText: count(lightSubscribers),
                corrected: c.lightSubscribers, correctedText: text(c.lightSubscribers, count),
                reason: "\(rounding) (seed arithmetic, unrounded: \(count(lightUnrounded))); \(chain)",
                inherits: upstream),
        ]
    }
}
