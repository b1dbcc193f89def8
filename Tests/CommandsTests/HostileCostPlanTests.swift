import Foundation
import Testing
@testable import Commands
import CostModel
import ParallelPlan

/// The hostile audit's cost and plan command lines: each is a correct figure or one error line
/// naming the right option — never a trap, an absurd figure or a silently dropped option.
@Suite struct HostileCostPlanTests {
    /// Runs a cost or plan command in-process; the error's text is what `llmcost` prints.
    func failure(_ arguments: [String]) -> String? {
        do {
            let command = try LLMCost.parseAsRoot(arguments)
            switch command {
            case let c as CostTrain: _ = try c.rendered()
            case let c as CostInfer: _ = try c.rendered()
            case let c as CostOperate: _ = try c.rendered()
            case let c as CostBreakEven: _ = try c.rendered()
            case let c as CostTask: _ = try c.rendered()
            case let c as Seeds: _ = try c.rendered()
            case let c as Plan: _ = try c.rendered()
            default: return "not a cost or plan command"
            }
            return nil
        } catch {
            return ErrorLine.text(error)
        }
    }

    func expectError(_ arguments: [String], names option: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let message = failure(arguments) else {
            Issue.record("expected an error naming \(option)", sourceLocation: sourceLocation)
            return
        }
        #expect(message.hasPrefix(option + ":"), "\(message)", sourceLocation: sourceLocation)
        #expect(!message.contains("\n"), sourceLocation: sourceLocation)
    }

    func table(_ arguments: [String]) throws -> String {
        let command = try LLMCost.parseAsRoot(arguments)
        let rendered: Rendered
        switch command {
        case let c as CostTrain: rendered = try c.rendered()
        case let c as CostBreakEven: rendered = try c.rendered()
        case let c as CostTask: rendered = try c.rendered()
        case let c as CostInfer: rendered = try c.rendered()
        default: throw CLIError("not a cost command")
        }
        return rendered.tables.map { $0.rows.map { $0.map(\.text).joined(separator: " | ") }.joined(separator: "\n") }.joined(separator: "\n")
            + "\n" + rendered.notes.joined(separator: "\n")
    }

    @Test func breakEvenExtremesAreErrorsNotTraps() {
        expectError(["cost", "breakeven", "--pretraining-cost", "1e300", "--inference-cost-per-1k", "0.002", "--price-per-1k", "0.01"], names: "--pretraining-cost")
        expectError(["cost", "breakeven", "--pretraining-cost", "4.6e6", "--inference-cost-per-1k", "0.002", "--price-per-1k", "0.01", "--months", "1e-300"], names: "--months")
        expectError(["cost", "breakeven", "--pretraining-cost", "1e6", "--inference-cost-per-1k", "1e-300", "--price-per-1k", "1e-290"], names: "--inference-cost-per-1k")
        expectError(["cost", "breakeven", "--pretraining-cost", "1e6", "--inference-cost-per-1k", "0.002", "--fee-per-month", "20",
                     "--tokens-per-user-day", "1e300"], names: "--tokens-per-user-day")
    }

    @Test func breakEvenRefusesBothTokensPerUserOptions() throws {
        let message = failure(["cost", "breakeven", "--pretraining-cost", "4.6e6", "--inference-cost-per-1k", "0.002", "--fee-per-month", "20",
                               "--tokens-per-user-month", "1", "--tokens-per-user-day", "1"]) ?? ""
        #expect(message.contains("--tokens-per-user-month") && message.contains("--tokens-per-user-day"))
    }

    @Test func utilisationOptionsNameThemselves() {
        expectError(["cost", "train", "gpt3-175b", "--tokens", "300e9", "--mfu", "1e-300"], names: "--mfu")
        expectError(["cost", "infer", "llama-2-7b", "--mfu", "1e-300"], names: "--mfu")
        expectError(["cost", "operate", "llama-2-7b", "--requests-per-day", "1e6", "--target-utilisation", "1e-300"], names: "--target-utilisation")
        expectError(["cost", "infer", "llama-2-7b", "--bandwidth-utilisation", "1e-300"], names: "--bandwidth-utilisation")
        expectError(["seeds", "--mfu", "1e-300"], names: "--mfu")
        expectError(["plan", "llama-2-70b", "--efficiency", "1e-300"], names: "--efficiency")
    }

    @Test func pricesPowerAndCountsHaveMaxima() {
        expectError(["cost", "train", "gpt3-175b", "--tokens", "300e9", "--price-per-hour", "1e300"], names: "--price-per-hour")
        expectError(["cost", "infer", "llama-2-7b", "--tdp", "1e300"], names: "--tdp")
        expectError(["cost", "task", "--input-price-per-1k", "0.01", "--output-price-per-1k", "0.03", "--input-tokens", "1e300", "--output-tokens", "1"],
                    names: "--input-tokens")
        expectError(["cost", "train", "--parameters", "9e17", "--tokens", "9e29"], names: "--tokens")
        expectError(["cost", "operate", "llama-2-7b", "--requests-per-day", "1e300"], names: "--requests-per-day")
    }

    @Test func fractionalTaskTokensAreRefused() {
        expectError(["cost", "task", "--input-price-per-1k", "0.01", "--output-price-per-1k", "0.03", "--input-tokens", "1.5", "--output-tokens", "1"],
                    names: "--input-tokens")
    }

    @Test func datasheetTDPIsValidatedAndUsedWhenGiven() throws {
        expectError(["cost", "infer", "llama-2-7b", "--tdp", "nan"], names: "--tdp")
        expectError(["cost", "infer", "llama-2-7b", "--tdp=-5"], names: "--tdp")
        let out = try table(["cost", "train", "llama-2-7b", "--tokens", "1e9", "--tdp", "500"])
        #expect(out.contains("tdp: --tdp (replaces"))
    }

    @Test func sizesNameTheirOwnOption() {
        expectError(["cost", "infer", "llama-2-7b", "--prompt", "2147483648"], names: "--prompt")
        expectError(["cost", "infer", "llama-2-7b", "--batch", "2147483648"], names: "--batch")
        expectError(["cost", "train", "llama-2-7b", "--tokens", "1e14", "--seq", "2147483648"], names: "--seq")
        expectError(["seeds", "--host-profile", "nope.json", "--price-per-hour", "1"], names: "--host-profile")
        expectError(["plan", "llama-2-70b", "--global-batch", "2147483648"], names: "--global-batch")
        expectError(["plan", "llama-2-7b", "--serve", "--tokens-per-second", "1e300"], names: "--tokens-per-second")
        expectError(["plan", "llama-2-7b", "--serve", "--tokens-per-second", "nan"], names: "--tokens-per-second")
    }

    @Test func sequencesBeyondTheWindowAreRefusedLikeFlops() throws {
        expectError(["cost", "infer", "llama-2-7b", "--prompt", "1000000"], names: "--prompt")
        expectError(["cost", "infer", "llama-2-7b", "--prompt", "4000", "--new-tokens", "200"], names: "--new-tokens")
        expectError(["cost", "train", "llama-2-7b", "--tokens", "1e14", "--seq", "100000"], names: "--seq")
        expectError(["plan", "llama-2-7b", "--seq", "8192"], names: "--seq")
        expectError(["plan", "llama-2-7b", "--serve", "--context", "8192"], names: "--context")
        let message = failure(["cost", "train", "llama-2-7b", "--tokens", "1e9", "--seq", "100000"]) ?? ""
        #expect(message.contains("context window of 4096; pass --allow-beyond-context"))
        #expect(failure(["cost", "train", "llama-2-7b", "--tokens", "1e9", "--seq", "8192", "--allow-beyond-context"]) == nil)
        #expect(failure(["plan", "llama-2-7b", "--seq", "8192", "--allow-beyond-context"]) == nil)
    }

    @Test func smallTrainingRunsShowSignificantDigitsNotZero() throws {
        let out = try table(["cost", "train", "gpt3-175b", "--tokens", "300"])
        #expect(out.contains("device-hours | 0.000227"))
        #expect(!out.contains("0.00 days"))
        #expect(out.contains(" s |") || out.contains(" ms |"))
    }

    @Test func planSearchOptionsAreValidatedOrRefused() {
        expectError(["plan", "llama-2-70b", "--devices", "64", "--zero", "4"], names: "--zero")
        expectError(["plan", "mixtral-8x7b", "--devices", "64", "--ep", "16"], names: "--ep")
        expectError(["plan", "llama-2-70b", "--devices", "64", "--ep", "2"], names: "--ep")
        expectError(["plan", "llama-2-70b", "--devices", "64", "--micro-batches", "1000000"], names: "--micro-batches")
        expectError(["plan", "llama-2-70b", "--devices", "64", "--micro-batches", "0"], names: "--micro-batches")
        expectError(["plan", "mixtral-8x7b", "--serve", "--devices", "3"], names: "--devices")
        expectError(["plan", "mixtral-8x7b", "--serve", "--ep", "2"], names: "--ep")
        expectError(["plan", "llama-2-70b", "--devices", "0"], names: "--devices")
    }

    @Test func anAliasSaysWhichDeviceItChose() throws {
        let out = try table(["cost", "infer", "gpt2", "--hardware", "h100"])
        #expect(out.contains("--hardware h100 is the catalog's h100-sxm"))
    }
}
