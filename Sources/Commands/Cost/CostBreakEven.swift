import ArgumentParser
import CostModel
import Workload

/// `llmcost cost breakeven`: tokens per month, or subscribers, that pay for pretraining + inference.
struct CostBreakEven: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breakeven", abstract: "Tokens/month or subscribers at which revenue covers amortised pretraining plus inference (seed 003).",
        discussion: Examples.discussion(
            "llmcost cost breakeven --pretraining-cost 5e6 --inference-cost-per-1k 0.002 --price-per-1k 0.01",
            "llmcost cost breakeven --pretraining-cost 5e6 --inference-cost-per-1k 0.002 --fee-per-month 20 --tokens-per-user-day 20000"))

    @Option(name: .customLong("pretraining-cost"), help: "Dollars of one pretraining run.")
    var pretrainingCost: Double
    @Option(help: "Months one pretraining run is amortised over (seed 003: retrained every 6 months).")
    var months: Double = 6
    @Option(name: .customLong("inference-cost-per-1k"), help: "Dollars of inference per 1K tokens (from `cost infer`).")
    var inferenceCostPer1K: Double
    @Option(name: .customLong("price-per-1k"), help: "Average revenue per 1K tokens (pay-per-use).")
    var pricePer1K: Double?
    @Option(name: .customLong("fee-per-month"), help: "Subscription fee per user per month.")
    var feePerMonth: Double?
    @Option(name: .customLong("tokens-per-user-month"), help: "Tokens one subscriber uses per month.")
    var tokensPerUserMonth: Double?
    @Option(name: .customLong("tokens-per-user-day"), help: "Tokens one subscriber uses per day (× 30).")
    var tokensPerUserDay: Double?
    @OptionGroup var output: OutputOptions

    func run() throws { try output.emit(try rendered()) }

    /// The result before formatting (what tests inspect).
    func rendered() throws -> Rendered {
        let revenue: BreakEven.Revenue
        switch (pricePer1K, feePerMonth) {
        case (.some(let p), .none): revenue = .perToken(DollarsPerThousandTokens(p))
        case (.none, .some(let fee)):
            if tokensPerUserMonth != nil, tokensPerUserDay != nil {
                throw CostError(.tokensPerUserMonth, "cannot be given with \(InputParameter.tokensPerUserDay); give one of the two (a day counts × 30)")
            }
            if let perDay = tokensPerUserDay {
                try CostError.within(perDay, CostLimits.tokensPerUserDay, .tokensPerUserDay, " tokens")
            }
            guard let perUser = tokensPerUserMonth ?? tokensPerUserDay.map({ $0 * 30 }) else {
                throw CLIError("\(InputParameter.feePerMonth.option) needs \(InputParameter.tokensPerUserMonth.option) or \(InputParameter.tokensPerUserDay.option)")
            }
            revenue = .subscription(fee: Dollars(fee), tokensPerUserPerMonth: perUser)
        default: throw CLIError("give exactly one of \(InputParameter.pricePer1K.option) (pay-per-use) or \(InputParameter.feePerMonth.option) (subscription)")
        }
        let result = try BreakEven.solve(pretraining: Dollars(pretrainingCost), months: months,
                                         inferenceCost: DollarsPerThousandTokens(inferenceCostPer1K), revenue: revenue)
        return Self.rendered(result, explain: output.explain)
    }

    static func rendered(_ b: BreakEven, explain: Bool) -> Rendered {
        var table = TextTable(title: "break-even", columns: ["figure", "value"])
        table.append(["pretraining per month", b.pretrainingPerMonth.description])
        if let users = b.subscribers { table.append(["subscribers", HumanUnits.wholeRoundedUp(users)]) }
        table.append(["tokens per month", HumanUnits.count(approximately: b.tokensPerMonth)])
        table.append(["inference share of revenue", HumanUnits.percent(b.inferenceShare)])
        var tables = [table]
        if explain { tables.append(Explanation.table(b.explanation)) }
        let json: JSONValue = .object([
            ("pretraining_per_month", .number(b.pretrainingPerMonth.value)),
            ("tokens_per_month", .number(b.tokensPerMonth)),
            ("subscribers", b.subscribers.map { .number($0) } ?? .null),
            ("inference_share", .number(b.inferenceShare)),
            ("explanation", .array(b.explanation.map(\.json))),
        ])
        var csv = FigureCSV()
        csv.add("pretraining_per_month", b.pretrainingPerMonth.value, "USD/month")
        csv.add("subscribers", b.subscribers, "subscribers")
        csv.add("tokens_per_month", b.tokensPerMonth, "tokens/month")
        csv.add("inference_share", b.inferenceShare, "fraction")
        return Rendered(json: json, tables: tables, notes: ["compute only: staff, storage and networking are not included"], csvTable: csv.table)
    }
}
