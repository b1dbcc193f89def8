import CostModel
import ParallelPlan
import Workload

/// The all-reduce time a tensor-parallel replica adds to each step, from the plan library's
/// interconnect model, for `cost infer` and `cost operate` with `--devices` above one.
enum TensorParallelLink {
    /// Nil for one device, a measured host or a device whose links the catalog lacks (no
    /// interconnect known), or `--parameters` (no layers).
    static func communication(spec: ModelSpec?, hardware: HardwareOptions, devices: Int) throws -> InferenceCost.Communication? {
        guard devices > 1, let spec, !hardware.isMeasured, try HardwareCatalog.named(hardware.hardware).links != nil else { return nil }
        let device = try AcceleratorChoice.accelerator(named: hardware.hardware, pricePerHour: nil)
        let link = devices <= device.devicesPerNode ? device.intraNode : device.interNode
        return InferenceCost.Communication(source: "2 ring all-reduces per layer over \(link.name), as `llmcost plan --serve`") { tokens in
            ServingPlan.tensorParallelSeconds(spec: spec, tp: devices, tokens: tokens, on: device)
        }
    }
}
