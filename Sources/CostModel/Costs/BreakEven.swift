import Workload
/// When revenue covers compute (seed 003's closing question).
///
/// ```
/// monthly cost   = pretraining ÷ months + tokens/month ÷ 1000 × inference $/1K
/// tokens/month*  = (pretraining ÷ months) ÷ (price $/1K − inference $/1K) × 1000
/// subscribers*   = (pretraining ÷ months) ÷ (fee − tokens/user/month ÷ 1000 × inference $/1K)
/// ```
public struct BreakEven: Sendable {
    public enum Revenue: Sendable, Equatable {
        /// Pay-per-use at an average price per 1K tokens.
        case perToken(DollarsPerThousandTokens)
        /// A monthly subscription, each subscriber using `tokensPerUserPerMonth`.
        case subscription(fee: Dollars, tokensPerUserPerMonth: Double)
    }

    public var pretrainingPerMonth: Dollars
    /// Tokens per month at break-even (per-token revenue), or total tokens of the subscribers.
    public var tokensPerMonth: Double
    /// Subscribers at break-even (subscription revenue only).
    public var subscribers: Double?
    /// Inference cost ÷ price: the share of revenue inference eats.
    public var inferenceShare: Double
    public var explanation: [Explanation]

    /// - Parameters:
    ///   - pretraining: dollars of one run, $0.01…$10^13.
    ///   - months: amortisation period of one pretraining run (seed 003: retrained every 6 months), 0.1…1200.
    ///   - inferenceCost: dollars per 1K tokens, 10^-9…10^6 (as is a per-token price); a fee lies in
    ///     $10^-6…$10^9 a month, a subscriber's tokens in 1…10^15 a month.
    ///   - revenue: what pays for it, a price per 1K tokens or a subscription fee.
    /// Results beyond 10^27 tokens a month or 10^12 subscribers are errors naming the price or fee.
    public static func solve(pretraining: Dollars, months: Double = 6, inferenceCost: DollarsPerThousandTokens,
                             revenue: Revenue) throws(CostError) -> BreakEven {
        try CostError.within(pretraining.value, CostLimits.pretrainingDollars, .pretrainingCost, " dollars")
        try CostError.within(months, CostLimits.months, .months, " months")
        try CostError.within(inferenceCost.value, CostLimits.dollarsPer1K, .inferenceCostPer1K, " dollars per 1K tokens")
        let fixed = pretraining / months
        switch revenue {
        case .perToken(let price):
            try CostError.within(price.value, CostLimits.dollarsPer1K, .pricePer1K, " dollars per 1K tokens")
            guard price.value > inferenceCost.value else {
                throw CostError(.pricePer1K, "\(price) does not exceed the inference cost \(inferenceCost); revenue never covers the pretraining")
            }
            let tokens = fixed.value / (price.value - inferenceCost.value) * 1000
            guard tokens.isFinite, tokens <= CostLimits.tokensPerMonth else {
                throw CostError(.pricePer1K, "break-even needs more than 10^27 tokens a month: the price \(price) barely exceeds the inference cost \(inferenceCost)")
            }
            return BreakEven(pretrainingPerMonth: fixed, tokensPerMonth: tokens, subscribers: nil,
                             inferenceShare: inferenceCost.value / price.value, explanation: [
                Explanation("break-even tokens/month", formula: "(pretraining ÷ months) ÷ (price − inference cost) × 1000", inputs: [
                    .init("pretraining", pretraining.description, ""), .init("months", CostError.trim(months), ""),
                    .init("price", price.description, ""), .init("inference cost", inferenceCost.description, ""),
                ], result: Quantity.tokens(tokens) + "/month"),
                Explanation("inference share of revenue", formula: "inference cost ÷ price", inputs: [],
                            result: String(format: "%.1f%%", inferenceCost.value / price.value * 100)),
            ])
        case .subscription(let fee, let perUser):
            try CostError.within(fee.value, CostLimits.feePerMonth, .feePerMonth, " dollars")
            try CostError.within(perUser, CostLimits.tokensPerUserMonth, .tokensPerUserMonth, " tokens")
            let servingPerUser = inferenceCost.cost(of: perUser)
            guard fee > servingPerUser else {
                throw CostError(.feePerMonth, "\(fee) does not exceed the \(servingPerUser) of inference one subscriber uses; never breaks even")
            }
            let users = fixed.value / (fee - servingPerUser).value
            guard users.isFinite, users <= CostLimits.subscribers else {
                throw CostError(.feePerMonth, "break-even needs more than 10^12 subscribers: the fee \(fee) barely exceeds the \(servingPerUser) of inference one subscriber uses")
            }
            return BreakEven(pretrainingPerMonth: fixed, tokensPerMonth: users * perUser, subscribers: users,
                             inferenceShare: servingPerUser.value / fee.value, explanation: [
                Explanation("break-even subscribers", formula: "(pretraining ÷ months) ÷ (fee − tokens/user/month ÷ 1000 × inference $/1K)", inputs: [
                    .init("pretraining", pretraining.description, ""), .init("months", CostError.trim(months), ""),
                    .init("fee", fee.description, "/month"), .init("tokens/user", Quantity.grouped(perUser, fractionDigits: 0), "/month"),
                    .init("inference cost", inferenceCost.description, ""),
                ], result: Quantity.grouped(users, fractionDigits: 0) + " subscribers"),
                Explanation("inference share of revenue", formula: "tokens/user/month ÷ 1000 × inference $/1K ÷ fee", inputs: [],
                            result: String(format: "%.1f%%", servingPerUser.value / fee.value * 100)),
            ])
        }
    }
}
