import CostModel
import Workload

/// The published runs, each predicted with the GEMM efficiency η fitted on the *other* runs.
///
/// η is the one figure of the step model no datasheet gives (`TrainingJob.kernelEfficiency`).
/// Each run implies the η at which our prediction of its step equals the reported one (found by
/// bisection on its plan); the fit over a set of runs is the median of their implied η (robust to a
/// run whose reported time includes what no step model has: restarts, evaluation, a slower
/// early phase). A run's prediction uses the median of the others (leave-one-out), so its error
/// is what the model would have said before seeing that run.
public struct PublishedRunFit: Sendable {
    public struct Row: Sendable {
        /// The run priced at `leaveOneOutEfficiency`.
        public var check: PublishedRunCheck
        /// The η at which our step equals the reported one (clamped to `bounds`).
        public var impliedEfficiency: Double
        /// The median implied η of every other run.
        public var leaveOneOutEfficiency: Double
    }

    public var rows: [Row]
    /// The median implied η over every run: the planner's default (`TrainingJob.fittedKernelEfficiency`).
    public var efficiency: Double

    /// The error beyond which a row's report is said to hold what the model does not price
    /// (`PublishedRun.outsideBecause`).
    public static let outsideBound = 0.25

    /// The range η is searched in; a run outside it is one the model cannot reach at any η.
    public static let bounds = 0.05...1.0

    public struct Input: Sendable {
        public var run: PublishedRun
        public var spec: ModelSpec
        public var device: Accelerator
        public init(run: PublishedRun, spec: ModelSpec, device: Accelerator) { self.run = run; self.spec = spec; self.device = device }
    }

    /// Fits η on `inputs` and predicts each one leave-one-out. Unpublished plans are chosen once,
    /// by our search at the committed η, and kept while η varies.
    public static func fit(_ inputs: [Input]) throws -> PublishedRunFit {
        struct Prepared { var input: Input; var counts: JobCounts; var plan: ParallelConfig; var source: String; var implied: Double }
        var prepared: [Prepared] = []
        for input in inputs {
            let run = input.run
            let job = TrainingJob(spec: input.spec, seq: run.seq, globalBatch: run.globalBatch, recompute: run.recompute)
            let counts = try JobCounts(job)
            let (plan, source) = try PublishedRunCheck.planFor(run, job: job, counts: counts, device: input.device)
            let relativeError: (Double) throws -> Double = { eta in
                let check = try PublishedRunCheck.check(run, spec: input.spec, device: input.device, kernelEfficiency: eta,
                                                        plan: plan, source: source, counts: counts)
                return check.error
            }
            prepared.append(Prepared(input: input, counts: counts, plan: plan, source: source, implied: try implied(relativeError)))
        }
        var rows: [Row] = []
        for (i, p) in prepared.enumerated() {
            let others = prepared.indices.filter { $0 != i }.map { prepared[$0].implied }
            let eta = median(others.isEmpty ? [TrainingJob.fittedKernelEfficiency] : others)
            let check = try PublishedRunCheck.check(p.input.run, spec: p.input.spec, device: p.input.device, kernelEfficiency: eta,
                                                    plan: p.plan, source: p.source, counts: p.counts)
            rows.append(Row(check: check, impliedEfficiency: p.implied, leaveOneOutEfficiency: eta))
        }
        return PublishedRunFit(rows: rows, efficiency: median(prepared.map(\.implied)))
    }

    /// The η in `bounds` where `error(η)` (predicted ÷ reported − 1, falling as η rises) crosses 0.
    static func implied(_ error: (Double) throws -> Double) throws -> Double {
        var low = bounds.lowerBound, high = bounds.upperBound
        if try error(high) > 0 { return high }
        if try error(low) < 0 { return low }
        for _ in 0..<40 {
            let mid = (low * high).squareRoot()
            if try error(mid) > 0 { low = mid } else { high = mid }
        }
        return (low * high).squareRoot()
    }

    /// `Statistics.median`, NaN for no values (a fit over no runs has no figure to print).
    static func median(_ values: [Double]) -> Double { Statistics.median(values) ?? .nan }

    /// Median and largest |error| of the leave-one-out predictions.
    public var medianAbsoluteError: Double { Self.median(rows.map { abs($0.check.error) }) }
    public var worstAbsoluteError: Double { rows.map { abs($0.check.error) }.max() ?? .nan }
}
