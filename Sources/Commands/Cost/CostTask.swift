import ArgumentParser
import CostModel
import Workload

/// `llmcost cost task`: the API price of one task from token (or character) counts.
struct CostTask: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "API price of a task from input/output tokens (or characters × tokens per character) and per-1K prices.",
        discussion: Examples.discussion(
            "llmcost cost task --input-tokens 10000 --output-tokens 1000 --input-price-per-1k 0.01 --output-price-per-1k 0.03",
            "llmcost cost task --input-characters 3000 --output-characters 500 --tokens-per-character 2 --input-price-per-1k 0.01 --output-price-per-1k 0.03"))

    @Option(name: .customLong("input-tokens"), help: "Tokens the API bills as input (a whole number).") var inputTokens: Double?
    @Option(name: .customLong("output-tokens"), help: "Tokens the API bills as output (a whole number).") var outputTokens: Double?
    @Option(name: .customLong("input-characters"), help: "Input characters, instead of tokens (× --tokens-per-character).") var inputCharacters: Double?
    @Option(name: .customLong("output-characters"), help: "Output characters, instead of tokens (× --tokens-per-character).") var outputCharacters: Double?
    @Option(name: .customLong("tokens-per-character"), help: "Tokens per character (seed 003: 2 for Chinese).")
    var tokensPerCharacter: Double = 2
    @Option(name: .customLong("input-price-per-1k"), help: "Dollars per 1K input tokens (required).")
    var inputPricePer1K: Double?
    @Option(name: .customLong("output-price-per-1k"), help: "Dollars per 1K output tokens (required).")
    var outputPricePer1K: Double?
    @Option(name: Renamed.name(Renamed.OldNames.priceIn), help: .hidden) var priceInRetired: Double?
    @Option(name: Renamed.name(Renamed.OldNames.priceOut), help: .hidden) var priceOutRetired: Double?
    @OptionGroup var output: OutputOptions

    /// The prices under either spelling; both are required (optional here only so that the old
    /// spellings can stand in for them).
    mutating func validate() throws {
        inputPricePer1K = try Renamed.value(inputPricePer1K, priceInRetired, old: Renamed.OldNames.priceIn, new: .inputPricePer1K)
        outputPricePer1K = try Renamed.value(outputPricePer1K, priceOutRetired, old: Renamed.OldNames.priceOut, new: .outputPricePer1K)
        for (value, parameter) in [(inputPricePer1K, InputParameter.inputPricePer1K), (outputPricePer1K, .outputPricePer1K)] where value == nil {
            throw ValidationError("Missing expected argument '\(parameter.option) <\(parameter.option.dropFirst(2))>'")
        }
    }

    func run() throws { try output.emit(try rendered()) }

    /// The result before formatting (what tests inspect).
    func rendered() throws -> Rendered {
        guard let inputPricePer1K, let outputPricePer1K else { throw CLIError("missing \(InputParameter.inputPricePer1K.option) or \(InputParameter.outputPricePer1K.option)") }
        let prices = (DollarsPerThousandTokens(inputPricePer1K), DollarsPerThousandTokens(outputPricePer1K))
        let task: TaskPrice
        if inputCharacters != nil || outputCharacters != nil {
            guard inputTokens == nil, outputTokens == nil else { throw CLIError("\(InputParameter.inputTokens.option)/\(InputParameter.outputTokens.option) and "
                + "\(InputParameter.inputCharacters.option)/\(InputParameter.outputCharacters.option): give token counts or character counts, not both") }
            task = try TaskPrice.price(inputCharacters: inputCharacters ?? 0, outputCharacters: outputCharacters ?? 0,
                                       tokensPerCharacter: tokensPerCharacter, inputPrice: prices.0, outputPrice: prices.1)
        } else {
            // Tokens are counted, not estimated: a whole number, like `cost train --tokens`.
            if let inputTokens { _ = try CostError.wholeNumber(inputTokens, .inputTokens) }
            if let outputTokens { _ = try CostError.wholeNumber(outputTokens, .outputTokens) }
            task = try TaskPrice.price(inputTokens: inputTokens ?? 0, outputTokens: outputTokens ?? 0,
                                       inputPrice: prices.0, outputPrice: prices.1)
        }
        return Self.rendered(task, explain: output.explain)
    }

    static func rendered(_ t: TaskPrice, explain: Bool) -> Rendered {
        var table = TextTable(title: "task price", columns: ["part", "tokens", "dollars"])
        // Characters × tokens per character may be fractional: shown with two decimals, not rounded away.
        func tokens(_ v: Double) -> String { HumanUnits.decimal(v, v == v.rounded() ? 0 : 2) }
        table.append(["input", tokens(t.inputTokens), t.inputDollars.description])
        table.append(["output", tokens(t.outputTokens), t.outputDollars.description])
        table.append(["total", tokens(t.inputTokens + t.outputTokens), t.dollars.description])
        var tables = [table]
        if explain { tables.append(Explanation.table(t.explanation)) }
        let json: JSONValue = .object([
            ("input_tokens", .number(t.inputTokens)), ("output_tokens", .number(t.outputTokens)),
            ("input_dollars", .number(t.inputDollars.value)), ("output_dollars", .number(t.outputDollars.value)),
            ("dollars", .number(t.dollars.value)),
            ("explanation", .array(t.explanation.map(\.json))),
        ])
        var csv = FigureCSV()
        csv.add("input_tokens", t.inputTokens, "tokens")
        csv.add("output_tokens", t.outputTokens, "tokens")
        csv.add("input_dollars", t.inputDollars.value, "USD")
        csv.add("output_dollars", t.outputDollars.value, "USD")
        csv.add("dollars", t.dollars.value, "USD")
        return Rendered(json: json, tables: tables, csvTable: csv.table)
    }
}
