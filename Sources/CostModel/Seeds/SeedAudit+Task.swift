extension SeedAudit {
    /// Seed 003's opening sum: summarising 5,000 Chinese characters into 500 with GPT-4 Turbo.
    static func taskExamples() -> [SeedExample] {
        typealias I = Inputs
        let task = SeedFormulas.task(inputTokens: 5000 * 2, outputTokens: 500 * 2, inputPer1K: 0.01, outputPer1K: 0.03)
        let inputs: [SeedExample.Input] = [.init("input", 5000, "characters"), .init("output", 500, "characters"),
                                           .init("tokens/character", 2, ""), .init("input price", 0.01, "$/1K"),
                                           .init("output price", 0.03, "$/1K")]
        let yuan = task * I.yuanPerDollar
        return [
            SeedExample(
                id: "task-summary-price", seedFile: seed003, description: "API price of summarising 5,000 characters into 500",
                formula: "0.01 × input tokens ÷ 1000 + 0.03 × output tokens ÷ 1000", inputs: inputs,
                printed: PrintedFigure("$0.13", value: 0.13, step: 0.01), ours: task, oursText: money(task),
                corrected: nil, correctedText: nil,
                reason: "correct; the seed's formula text calls the output tokens \"输入 token 数\" (a typo)"),
            SeedExample(
                id: "task-summary-yuan", seedFile: seed003, description: "the same in yuan",
                formula: "$0.13 × 7.1", inputs: [.init("price", task, "$"), .init("rate", I.yuanPerDollar, "CNY/USD")],
                printed: PrintedFigure("9 毛钱", value: 0.9, step: 0.1), ours: yuan, oursText: String(format: "¥%.3f", yuan),
                corrected: nil, correctedText: nil, reason: "agrees: ¥0.923 is 9毛 to the printed precision"),
            SeedExample(
                id: "task-yearly-yuan", seedFile: seed003, description: "ten articles a day for a year",
                formula: "10 × ¥0.9 × 365", inputs: [.init("per article", 0.9, "CNY (seed's rounded figure)"), .init("articles", 10, "per day"), .init("days", 365, "")],
                printed: PrintedFigure("3285 元", value: 3285, step: 1), ours: 10 * 0.9 * 365, oursText: "¥" + count(10 * 0.9 * 365),
                corrected: 10 * yuan * 365, correctedText: "¥" + count(10 * yuan * 365),
                reason: "with the unrounded ¥0.923 per article the year costs ¥\(count(10 * yuan * 365))"),
        ]
    }
}
