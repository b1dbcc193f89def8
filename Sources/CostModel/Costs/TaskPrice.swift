import Workload
/// What one API task costs at list prices (seed 003's opening example).
///
/// ```
/// dollars = input tokens ÷ 1000 × input $/1K + output tokens ÷ 1000 × output $/1K
/// tokens  = characters × tokens per character        (when counted in characters)
/// ```
/// Tokens lie in 0…10^18, characters are whole numbers in 0…10^16, tokens per character in
/// 0.01…100, prices in (0, $10^6] per 1K tokens.
public struct TaskPrice: Sendable {
    public var inputTokens: Double
    public var outputTokens: Double
    public var inputDollars: Dollars
    public var outputDollars: Dollars
    public var dollars: Dollars { inputDollars + outputDollars }
    public var explanation: [Explanation]

    public static func price(inputTokens: Double, outputTokens: Double, inputPrice: DollarsPerThousandTokens,
                             outputPrice: DollarsPerThousandTokens) throws(CostError) -> TaskPrice {
        try CostError.within(inputTokens, 0...CostLimits.tokens, .inputTokens, " tokens")
        try CostError.within(outputTokens, 0...CostLimits.tokens, .outputTokens, " tokens")
        guard inputTokens + outputTokens > 0 else { throw CostError(.inputTokens, "a task needs at least one token") }
        try CostError.positive(inputPrice.value, .inputPricePer1K, maximum: CostLimits.dollarsPer1K.upperBound, " dollars per 1K tokens")
        try CostError.positive(outputPrice.value, .outputPricePer1K, maximum: CostLimits.dollarsPer1K.upperBound, " dollars per 1K tokens")
        let i = inputPrice.cost(of: inputTokens), o = outputPrice.cost(of: outputTokens)
        return TaskPrice(inputTokens: inputTokens, outputTokens: outputTokens, inputDollars: i, outputDollars: o, explanation: [
            Explanation("task dollars", formula: "in ÷ 1000 × in $/1K + out ÷ 1000 × out $/1K", inputs: [
                .init("in", Quantity.grouped(inputTokens, fractionDigits: 0), "tokens"), .init("in $/1K", inputPrice.description, ""),
                .init("out", Quantity.grouped(outputTokens, fractionDigits: 0), "tokens"), .init("out $/1K", outputPrice.description, ""),
            ], result: (i + o).description),
        ])
    }

    /// The same, counted in characters: `tokens = characters × tokensPerCharacter`.
    public static func price(inputCharacters: Double, outputCharacters: Double, tokensPerCharacter: Double,
                             inputPrice: DollarsPerThousandTokens, outputPrice: DollarsPerThousandTokens) throws(CostError) -> TaskPrice {
        try CostError.within(tokensPerCharacter, CostLimits.tokensPerCharacter, .tokensPerCharacter)
        _ = try CostError.wholeNumber(inputCharacters, .inputCharacters, maximum: CostLimits.characters)
        _ = try CostError.wholeNumber(outputCharacters, .outputCharacters, maximum: CostLimits.characters)
        var result = try price(inputTokens: inputCharacters * tokensPerCharacter, outputTokens: outputCharacters * tokensPerCharacter,
                               inputPrice: inputPrice, outputPrice: outputPrice)
        result.explanation.insert(Explanation("tokens", formula: "characters × tokens per character", inputs: [
            .init("in", Quantity.grouped(inputCharacters, fractionDigits: 0), "characters"),
            .init("out", Quantity.grouped(outputCharacters, fractionDigits: 0), "characters"),
            .init("tokens/character", CostError.trim(tokensPerCharacter), ""),
        ], result: "\(Quantity.grouped(result.inputTokens, fractionDigits: 0)) in, \(Quantity.grouped(result.outputTokens, fractionDigits: 0)) out"), at: 0)
        return result
    }
}
