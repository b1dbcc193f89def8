import Workload
@testable import CostModel
import Testing

/// `|result − reference| ÷ |reference|` (absolute error when the reference is 0).
func relativeError(_ result: Double, _ reference: Double) -> Double {
    reference == 0 ? abs(result) : abs(result - reference) / abs(reference)
}

/// Expects `result` within `bound` relative error of `reference`; failures point at the caller.
func expectClose(_ result: Double, _ reference: Double, within bound: Double = 1e-12,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    let error = relativeError(result, reference)
    #expect(error <= bound, "\(result) vs \(reference): relative error \(error) > \(bound)", sourceLocation: sourceLocation)
}

/// Expects `body` to throw a `CostError` naming `parameter`.
func expectCostError(_ parameter: InputParameter, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected a CostError for \(parameter)", sourceLocation: sourceLocation)
    } catch let error as CostError {
        #expect(error.parameter == parameter, "\(error)", sourceLocation: sourceLocation)
        #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a CostError, got \(error)", sourceLocation: sourceLocation)
    }
}
