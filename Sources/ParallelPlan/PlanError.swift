import Workload

/// A plan that cannot exist for this model and device count: one line naming the parameter.
public struct PlanError: InputError, Sendable, Equatable {
    public var parameter: InputParameter
    public var message: InputMessage
    public init(_ parameter: InputParameter, _ message: InputMessage) { self.parameter = parameter; self.message = message }

    /// Why a search over `devices` found no plan, naming the first fixed degree (or the devices).
    public static func noPlan(devices: Int, globalBatch: Int, constraints: PlanConstraints) -> PlanError {
        guard let first = constraints.given.first else {
            return PlanError(.devices, "no valid plan for \(devices) devices: heads, layers and the global batch \(globalBatch) must divide by the degrees")
        }
        return PlanError(first.parameter, "no valid plan for \(devices) devices with \(constraints.message): heads, layers and the global batch \(globalBatch) "
            + "must divide by the degrees, ep must divide dp, and the sequences per replica by the micro-batches")
    }
}
