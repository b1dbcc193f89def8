import CostModel
import Foundation
import Testing
import Workload
@testable import ParallelPlan

/// The per-layer fixed cost τ fitted on the published static-batch rows, each row priced
/// leave-one-out (`PublishedGenerationFit`).
@Suite struct PublishedGenerationFitTests {
    static func inputs(_ runs: [PublishedGenerationRun] = PublishedGenerationRuns.all) throws -> [PublishedGenerationFit.Input] {
        try runs.map { run in
            PublishedGenerationFit.Input(run: run, spec: try TensorParallelGenerationTests.spec(run.model),
                                         device: try Accelerator(HardwareCatalog.named(run.hardware), precision: run.precision))
        }
    }

    static let fit = Result { try PublishedGenerationFit.fit(try inputs()) }

    /// The serving step's default is what the fit over every published row gives, not a figure
    /// typed in beside it.
    @Test func theDefaultIsTheFitOverThePublishedRows() throws {
        let fit = try Self.fit.get()
        #expect(fit.rows.count == PublishedGenerationRuns.all.count)
        #expect(abs(fit.overhead.value - TensorParallelGeneration.fittedLayerOverhead.value) < 0.05e-6, "fit \(fit.overhead)")
    }

    /// A row's implied τ is the one at which its prediction equals its report; it is priced at
    /// the median of the *other* rows' implied τ.
    @Test func eachRowIsPricedAtTheMedianTheOtherRowsImply() throws {
        let fit = try Self.fit.get()
        let inputs = try Self.inputs()
        for i in [0, 9, 31, 47, fit.rows.count - 1] {
            let row = fit.rows[i]
            let others = fit.rows.indices.filter { $0 != i }.map { fit.rows[$0].impliedOverhead.value }
            #expect(row.leaveOneOutOverhead.value == max(0, Statistics.median(others)!))
            let generation = try row.check.run.deployment.generate(
                spec: inputs[i].spec, batch: row.check.run.batch, promptLength: row.check.run.promptLength,
                outputLength: row.check.run.outputLength, on: inputs[i].device, layerOverhead: row.leaveOneOutOverhead)
            #expect(generation.total == row.check.generation.total)
            let atImplied = try PublishedGenerationCheck.check(row.check.run, spec: inputs[i].spec, device: inputs[i].device,
                                                               layerOverhead: row.impliedOverhead)
            #expect(abs(atImplied.error) < 1e-9, "\(row.check.run.name)")
        }
    }

    /// τ is a time added, never one taken away: rows all predicted slow fit zero, and a row with
    /// no others to learn from is priced at zero.
    @Test func rowsPredictedSlowFitNoFixedCost() throws {
        let slow = PublishedGenerationRuns.all.filter { $0.name.contains("Mixtral 8x7B (2 A100 FP16, batch 32, 2048/2048)") }
        let fit = try PublishedGenerationFit.fit(try Self.inputs(slow))
        #expect(fit.rows.count == 1)
        #expect(fit.rows[0].impliedOverhead < .zero && fit.overhead == .zero && fit.rows[0].leaveOneOutOverhead == .zero)
    }

    /// What the fixed cost buys on the published rows, leave-one-out (the figures the closing
    /// note reports): the generation rows' median |error| falls from 15.4 % at τ = 0.
    @Test func theLeaveOneOutFitNarrowsTheGenerationRowsMedian() throws {
        let fit = try Self.fit.get()
        let bare = try Self.inputs().map { try PublishedGenerationCheck.check($0.run, spec: $0.spec, device: $0.device, layerOverhead: .zero) }
        let bareMedian = try #require(Statistics.median(bare.map { abs($0.error) }))
        #expect(fit.medianAbsoluteError < bareMedian - 0.03, "τ = 0: \(bareMedian), leave-one-out: \(fit.medianAbsoluteError)")
    }
}
