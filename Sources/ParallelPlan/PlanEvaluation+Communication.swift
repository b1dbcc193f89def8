extension PlanEvaluation {
    /// Seconds of communication per step that no computation hides: the sum over collectives.
    public var exposedCommunicationSeconds: Double { collectives.reduce(0) { $0 + $1.exposedSeconds } }
}
