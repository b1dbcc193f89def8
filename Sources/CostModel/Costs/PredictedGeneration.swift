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
            /// Communication (the group's all-reduces) rather than a kernel on the device.
            public var isCommunication: Bool
            public init(_ name: String, key: String, _ time: Seconds, isCommunication: Bool = false) {
                self.name = name; self.key = key; self.time = time; self.isCommunication = isCommunication
            }
        }
        public var parts: [Part]
        /// Of the parts' time, what their FLOPs bound (the rest but communication: their bytes).
        public var computeBound: Seconds
        public init(parts: [Part], computeBound: Seconds = .zero) { self.parts = parts; self.computeBound = computeBound }
        /// The parts run one after another: nothing in the step overlaps.
        public var total: Seconds { parts.reduce(.zero) { $0 + $1.time } }
        public var communication: Seconds { parts.filter(\.isCommunication).reduce(.zero) { $0 + $1.time } }
        public var memoryBound: Seconds { total - computeBound - communication }
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

    /// The batch's time split by what bounds it: compute, memory traffic, communication (the
    /// prompt step and `decodeSteps` decode steps at the mean).
    public func breakdown(decodeSteps: Int) -> (compute: Seconds, memory: Seconds, communication: Seconds) {
        let n = Double(decodeSteps)
        return (prefill.computeBound + meanDecodeStep.computeBound * n, prefill.memoryBound + meanDecodeStep.memoryBound * n,
                prefill.communication + meanDecodeStep.communication * n)
    }
}
