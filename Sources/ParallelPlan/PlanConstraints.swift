import Workload

/// Degrees the caller fixed for a plan search (ZeRO stage, ep, micro-batches without all of
/// tp/pp/dp): only plans with these values are tried, never a silently different one.
public struct PlanConstraints: Sendable, Equatable {
    public var zero: Int?
    public var ep: Int?
    public var microBatches: Int?

    public init(zero: Int? = nil, ep: Int? = nil, microBatches: Int? = nil) {
        self.zero = zero; self.ep = ep; self.microBatches = microBatches
    }

    public var isEmpty: Bool { zero == nil && ep == nil && microBatches == nil }

    /// The fixed degrees, in the order messages list them.
    public var given: [(parameter: InputParameter, value: Int)] {
        [(InputParameter.zeroStage, zero), (.expertParallel, ep), (.microBatches, microBatches)].compactMap { p, v in v.map { (p, $0) } }
    }

    /// The degrees as the user set them (the command line spells each as its option).
    public var message: InputMessage {
        given.enumerated().reduce(InputMessage("")) { text, item in
            text + (item.offset == 0 ? "" : " ") + "\(item.element.parameter) \(item.element.value)"
        }
    }

    /// Each fixed degree is possible at all for this model: ZeRO 0…3, ep 1…2^20 (`Limits.devices`)
    /// dividing the expert count (a dense model takes only ep 1), 1…2^20 micro-batches.
    public func validate(for spec: ModelSpec) throws(PlanError) {
        if let zero, !(0...3).contains(zero) { throw PlanError(.zeroStage, "ZeRO stage must be 0, 1, 2 or 3, got \(zero)") }
        if let microBatches { try ParallelConfig.checkDegree(microBatches, .microBatches) }
        guard let ep else { return }
        try ParallelConfig.checkDegree(ep, .expertParallel)
        guard ep > 1 else { return }
        guard let experts = spec.stacks.compactMap({ $0.stack.moe?.experts }).first else {
            throw PlanError(.expertParallel, "\(spec.name) has no experts to spread over ep \(ep)")
        }
        guard ep <= experts, experts % ep == 0 else {
            throw PlanError(.expertParallel, "\(experts) experts cannot be split over \(ep) expert-parallel ranks")
        }
    }

    func admits(zero z: Int) -> Bool { zero.map { $0 == z } ?? true }
    func admits(ep e: Int) -> Bool { ep.map { $0 == e } ?? true }
}
