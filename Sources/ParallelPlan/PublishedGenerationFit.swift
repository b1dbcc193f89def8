import CostModel
import Workload

/// The published static-batch generation rows, each predicted with the per-layer fixed cost τ
/// fitted on the *other* rows (`TensorParallelGeneration.fittedLayerOverhead`).
///
/// τ enters a batch's time once per layer per step (the context step and every generation step),
/// so each row implies one τ directly:
/// ```
/// implied τ = (reported time − predicted time at τ = 0) ÷ ((generation steps + 1) × layers)
/// ```
/// The fit over a set of rows is the median of their implied τ (robust to a row whose report holds
/// what no step model prices), never below zero; a row's prediction uses the median of the
/// others, so its error is what the model would have said before seeing that row. η stays the
/// training rows' fit: nothing here is fitted on a serving row twice.
public struct PublishedGenerationFit: Sendable {
    public struct Row: Sendable {
        /// The row priced at `leaveOneOutOverhead`.
        public var check: PublishedGenerationCheck
        /// The τ at which our prediction equals the report (negative where we predict slow at τ = 0).
        public var impliedOverhead: Seconds
        /// The median implied τ of every other row, at least zero.
        public var leaveOneOutOverhead: Seconds
    }

    public var rows: [Row]
    /// The median implied τ over every row, at least zero: the serving step's default.
    public var overhead: Seconds

    public struct Input: Sendable {
        public var run: PublishedGenerationRun
        public var spec: ModelSpec
        public var device: Accelerator
        public init(run: PublishedGenerationRun, spec: ModelSpec, device: Accelerator) { self.run = run; self.spec = spec; self.device = device }
    }

    /// Fits τ on `inputs` at `kernelEfficiency` and predicts each row leave-one-out.
    public static func fit(_ inputs: [Input], kernelEfficiency: Double = TrainingJob.fittedKernelEfficiency) throws -> PublishedGenerationFit {
        func check(_ input: Input, _ overhead: Seconds) throws -> PublishedGenerationCheck {
            try PublishedGenerationCheck.check(input.run, spec: input.spec, device: input.device, kernelEfficiency: kernelEfficiency,
                                               layerOverhead: overhead)
        }
        let implied = try inputs.map { input -> Seconds in
            let bare = try check(input, .zero)
            let fixedCosts = Double(bare.generation.generationSteps + 1) * Double(input.spec.decoder?.layers ?? 0)
            return Seconds((bare.reportedSeconds - bare.predictedSeconds) / max(fixedCosts, 1))
        }
        func median(_ values: [Seconds]) -> Seconds { Seconds(max(0, Statistics.median(values.map(\.value)) ?? 0)) }
        let rows = try inputs.indices.map { i -> Row in
            let others = median(implied.indices.filter { $0 != i }.map { implied[$0] })
            return Row(check: try check(inputs[i], others), impliedOverhead: implied[i], leaveOneOutOverhead: others)
        }
        return PublishedGenerationFit(rows: rows, overhead: median(implied))
    }

    public var checks: [PublishedGenerationCheck] { rows.map(\.check) }
    /// Median and largest |error| of the leave-one-out predictions.
    public var medianAbsoluteError: Double { PublishedRunFit.median(rows.map { abs($0.check.error) }) }
    public var worstAbsoluteError: Double { rows.map { abs($0.check.error) }.max() ?? .nan }
}
