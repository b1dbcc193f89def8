import Workload

/// A batch's serving steps timed operation by operation, to stand in for the roofline's two-term
/// bound in `InferenceCost`.
///
/// The plan library builds it (its tensor-parallel generation model, the one its serving plans
/// and published-run checks price a decoder with); the cost model only adds its steps up, so
/// a serving cost and a serving plan of the same deployment agree step for step.
public struct PredictedGeneration: Sendable, Equatable {
    /// One step on one device of the group, by part.
    public struct Step: Sendable, Equatable {
        public struct Part: Sendable, Equatable {
            /// What a report prints, e.g. "attention core".
            public var name: String
            /// A snake-case identifier for machine-readable output, e.g. "attention_core".
            public var key: String
            public var time: Seconds
            public var kind: Kind
            public init(_ name: String, key: String, _ time: Seconds, kind: Kind = .kernel) {
                self.name = name; self.key = key; self.time = time; self.kind = kind
            }
        }
        /// What a part's time is: a kernel on the device (bound by its FLOPs or its bytes), the
        /// group's communication, or a fixed cost that neither FLOPs nor bytes account for.
        public enum Kind: Sendable, Equatable { case kernel, communication, fixed }
        public var parts: [Part]
        /// Of the kernels' time, what their FLOPs bound (the rest: their bytes).
        public var computeBound: Seconds
        public init(parts: [Part], computeBound: Seconds = .zero) { self.parts = parts; self.computeBound = computeBound }
        /// The parts run one after another: nothing in the step overlaps.
        public var total: Seconds { parts.reduce(.zero) { $0 + $1.time } }
        public var communication: Seconds { time(of: .communication) }
        public var fixed: Seconds { time(of: .fixed) }
        public var memoryBound: Seconds { time(of: .kernel) - computeBound }
        func time(of kind: Kind) -> Seconds { parts.filter { $0.kind == kind }.reduce(.zero) { $0 + $1.time } }
    }

    /// Every sequence's prompt in one step, which also yields the first output token.
    public var prefill: Step
    /// One decode step at the mean cached length of the N − 1 decode steps: their sum is
    /// N − 1 of it while a step's time is affine in its cached length (`notes` says where not).
    public var meanDecodeStep: Step
    /// The model and its constants, for the report (e.g. "per-operation step (GEMMs at … × η …)").
    public var source: String
    /// What the prediction assumes, and where it is approximate.
    public var notes: [InputMessage]

    public init(prefill: Step, meanDecodeStep: Step, source: String, notes: [InputMessage] = []) {
        self.prefill = prefill; self.meanDecodeStep = meanDecodeStep; self.source = source; self.notes = notes
    }

    /// The batch's time split by what bounds it: compute, memory traffic, communication, fixed
    /// costs (the prompt step and `decodeSteps` decode steps at the mean).
    public func breakdown(decodeSteps: Int) -> Breakdown {
        let n = Double(decodeSteps)
        func sum(_ path: KeyPath<Step, Seconds>) -> Seconds { prefill[keyPath: path] + meanDecodeStep[keyPath: path] * n }
        return Breakdown(compute: sum(\.computeBound), memory: sum(\.memoryBound), communication: sum(\.communication), fixed: sum(\.fixed))
    }

    public struct Breakdown: Sendable, Equatable {
        public var compute: Seconds
        public var memory: Seconds
        public var communication: Seconds
        public var fixed: Seconds
    }
}
