import Workload

/// Degrees the caller fixed for a plan search (`--zero`, `--ep`, `--micro-batches` without all of
/// tp/pp/dp): only plans with these values are tried, never a silently different one.
public struct PlanConstraints: Sendable, Equatable {
    public var zero: Int?
    public var ep: Int?
    public var microBatches: Int?

    public init(zero: Int? = nil, ep: Int? = nil, microBatches: Int? = nil) {
        self.zero = zero; self.ep = ep; self.microBatches = microBatches
    }

    public var isEmpty: Bool { zero == nil && ep == nil && microBatches == nil }

    /// The options given, as the user typed them: `--zero 2 --micro-batches 8`.
    public var description: String {
        [("--zero", zero), ("--ep", ep), ("--micro-batches", microBatches)].compactMap { name, v in v.map { "\(name) \($0)" } }
            .joined(separator: " ")
    }

    /// Each fixed degree is possible at all for this model: ZeRO 0…3, ep 1…2^20 dividing the
    /// expert count (a dense model takes only ep 1), 1…2^20 micro-batches.
    public func validate(for spec: ModelSpec) throws(PlanError) {
        if let zero, !(0...3).contains(zero) { throw PlanError(option: "--zero", "ZeRO stage must be 0, 1, 2 or 3, got \(zero)") }
        if let microBatches, !(1...(1 << 20)).contains(microBatches) {
            throw PlanError(option: "--micro-batches", "must be between 1 and 2^20, got \(microBatches)")
        }
        guard let ep else { return }
        guard (1...(1 << 20)).contains(ep) else { throw PlanError(option: "--ep", "must be between 1 and 2^20, got \(ep)") }
        guard ep > 1 else { return }
        guard let experts = spec.stacks.compactMap({ $0.stack.moe?.experts }).first else {
            throw PlanError(option: "--ep", "\(spec.name) has no experts to spread over ep \(ep)")
        }
        guard ep <= experts, experts % ep == 0 else {
            throw PlanError(option: "--ep", "\(experts) experts cannot be split over \(ep) expert-parallel ranks")
        }
    }

    func admits(zero z: Int) -> Bool { zero.map { $0 == z } ?? true }
    func admits(ep e: Int) -> Bool { ep.map { $0 == e } ?? true }
}
