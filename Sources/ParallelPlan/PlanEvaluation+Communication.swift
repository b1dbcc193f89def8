import CostModel

extension PlanEvaluation {
    /// Communication per step that no computation hides: the sum over collectives.
    public var exposedCommunicationTime: Seconds { collectives.reduce(Seconds.zero) { $0 + $1.exposedTime } }
}
