/// What one API task costs at list prices (seed 003's opening example).
///
/// ```
/// dollars = input tokens ÷ 1000 × input $/1K + output tokens ÷ 1000 × output $/1K
/// tokens  = characters × tokens per character        (when counted in characters)
/// ```
public struct TaskPrice: Sendable {
    public var inputTokens: Double
    public var outputTokens: Double
    public var inputDollars: Dollars
    public var outputDollars: Dollars
    public var dollars: Dollars { inputDollars + outputDollars }
    public var explanation: [Explanation]

    public static func price(inputTokens: Double, outputTokens: Double, inputPrice: DollarsPerThousandTokens,
                             outputPrice: DollarsPerThousandTokens) throws(CostError) -> TaskPrice {
        try CostError.nonNegative(inputTokens, "--input-tokens")
        try CostError.nonNegative(outputTokens, "--output-tokens")
        guard inputTokens + outputTokens > 0 else { throw CostError(option: "--input-tokens", "a task needs at least one token") }
        try CostError.positive(inputPrice.value, "--input-price-per-1k")
        try CostError.positive(outputPrice.value, "--output-price-per-1k")
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
        try CostError.positive(tokensPerCharacter, "--tokens-per-character")
        try CostError.nonNegative(inputCharacters, "--input-characters")
        try CostError.nonNegative(outputCharacters, "--output-characters")
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
