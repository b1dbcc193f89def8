import CostModel
import ParallelPlan
import Workload

/// The all-reduce time a tensor-parallel replica adds to each step, from the plan library's
/// interconnect model, for `cost infer` and `cost operate` with `--devices` above one.
enum TensorParallelLink {
    /// Nil for one device, a measured host (no interconnect known) or `--parameters` (no layers).
    static func communication(model: CostModelChoice, hardware: HardwareOptions, devices: Int) throws -> InferenceCost.Communication? {
        guard devices > 1, let reference = model.model, !HardwareOptions.looksLikePath(hardware.hardware),
              hardware.hardware != "host" else { return nil }
        let spec = try ModelLoading.load(reference, revision: model.revision)
        let device = try AcceleratorChoice.accelerator(named: hardware.hardware, pricePerHour: nil)
        let link = devices <= device.devicesPerNode ? device.intraNode : device.interNode
        return InferenceCost.Communication(source: "2 ring all-reduces per layer over \(link.name), as `llmcost plan --serve`") { tokens in
            ServingPlan.tensorParallelSeconds(spec: spec, tp: devices, tokens: tokens, on: device)
        }
    }
}
