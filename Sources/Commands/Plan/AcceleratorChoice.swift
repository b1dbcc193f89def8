import CostModel
import Foundation
import ParallelPlan
import Workload

/// The hardware of a plan: a catalog device (`Accelerator`, on the one hardware catalog) with the links and price asked for.
enum AcceleratorChoice {
    /// A plan needs what a measured host profile does not carry (device memory, a bf16 tensor
    /// peak, the links between devices), so the hardware here is a catalog name only.
    static func accelerator(named name: String, pricePerHour: Double?, intraNode: String? = nil, interNode: String? = nil,
                            devicesPerNode: Int? = nil) throws -> Accelerator {
        if HardwareOptions.looksLikePath(name) || name == "host" {
            throw PlanError(.hardware, "'\(name)': plans need a catalog device (memory per device, bf16 peak, links); a measured host profile carries none of these — use one of \(HardwareCatalog.all.map(\.name).joined(separator: ", "))")
        }
        guard let spec = try? HardwareCatalog.named(name) else {
            throw PlanError(.hardware, "unknown hardware '\(name)'\(HardwareCatalog.didYouMean(name)) (catalog: \(HardwareCatalog.all.map(\.name).joined(separator: ", ")))")
        }
        func link(_ parameter: InputParameter, _ name: String?) throws -> Interconnect? {
            guard let name else { return nil }
            guard let found = InterconnectCatalog.named(name) else {
                let hint = EditDistance.didYouMean(InterconnectCatalog.suggestions(for: name)).map { "; " + $0 } ?? ""
                throw PlanError(parameter, "unknown interconnect '\(name)'\(hint) (catalog: \(InterconnectCatalog.all.map(\.name).joined(separator: ", ")); "
                    + "see \(OptionNames.listInterconnects))")
            }
            return found
        }
        return try Accelerator(spec, intraNode: try link(.interconnect, intraNode), interNode: try link(.network, interNode),
                               devicesPerNode: devicesPerNode, pricePerHour: pricePerHour.map(DollarsPerHour.init))
    }
}
