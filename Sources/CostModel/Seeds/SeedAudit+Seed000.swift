extension SeedAudit {
    /// Seed 000's "operating cost" example (§4.3 and its Python in §5.2).
    static func seed000Examples() -> [SeedExample] {
        let ours = SeedFormulas.seed000Total(parameters: 1750, costPerHundredMillion: 0.5, trainingHours: 100,
                                             inferenceHours: 0.01, hardwarePerHour: 1, gpus: 4,
                                             electricityPerKWh: 0.1, powerKW: 5, hours: 100)
        return [SeedExample(
            id: "seed000-total-cost", seedFile: seed000,
            description: "ChatGPT \"total cost\": parameter cost + training + inference + electricity",
            formula: "P × C + H × T_train + H × N × T_infer + E × Power × Hours",
            inputs: [.init("P", 1750, "亿 parameters"), .init("C", 0.5, "$ per 亿 parameters"),
                     .init("T_train", 100, "h"), .init("T_infer", 0.01, "h per request"), .init("H", 1, "$/h"),
                     .init("N", 4, "GPUs"), .init("E", 0.1, "$/kWh"), .init("Power", 5, "kW"), .init("Hours", 100, "h")],
            printed: PrintedFigure("1025.4 USD/month; \"Total cost: $1025.40\"", value: 1025.40, step: 0.01),
            ours: ours, oursText: String(format: "$%.2f", ours), corrected: ours, correctedText: String(format: "$%.2f", ours),
            reason: "1 × 4 × 0.01 = 0.04, which the seed prints as 0.4; its Python cannot run (`hours` is undefined); "
                + "and the sum mixes one-off costs (a \"cost per parameter\", 100 training hours) with one request's inference, "
                + "so \"USD/month\" has no basis — see `cost operate` for a daily operating cost")]
    }
}
