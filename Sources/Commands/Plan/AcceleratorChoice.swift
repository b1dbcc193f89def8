import CostModel
import Foundation
import ParallelPlan

/// A catalog device as the plan library sees it: memory, bf16 peak, HBM bandwidth, links, price.
enum AcceleratorChoice {
    /// A plan needs what a measured host profile does not carry (device memory, a bf16 tensor
    /// peak, the links between devices), so `--hardware` here takes catalog names only.
    static func accelerator(named name: String, pricePerHour: Double?, intraNode: String? = nil, interNode: String? = nil,
                            devicesPerNode: Int? = nil) throws -> Accelerator {
        if HardwareOptions.looksLikePath(name) || name == "host" {
            throw PlanError(option: "--hardware", "'\(name)': plans need a catalog device (memory per device, bf16 peak, links); a measured host profile carries none of these — use one of \(HardwareCatalog.all.map(\.name).joined(separator: ", "))")
        }
        guard let spec = try? HardwareCatalog.named(name) else {
            throw PlanError(option: "--hardware", "unknown device '\(name)'; did you mean \(HardwareCatalog.suggestions(for: name).joined(separator: ", "))? (catalog: \(HardwareCatalog.all.map(\.name).joined(separator: ", ")))")
        }
        let links = InterconnectCatalog.defaultLinks(forDevice: spec.name)
        func link(_ option: String, _ name: String?, _ fallback: Interconnect) throws -> Interconnect {
            guard let name else { return fallback }
            guard let found = InterconnectCatalog.named(name) else {
                throw PlanError(option: option, "unknown interconnect '\(name)' (catalog: \(InterconnectCatalog.all.map(\.name).joined(separator: ", ")); see --list-interconnects)")
            }
            return found
        }
        guard let memoryBytes = Int128(exactly: (spec.memoryGigabytes * 1e9).rounded()) else {
            throw PlanError(option: "--hardware", "\(spec.name)'s catalog memory \(spec.memoryGigabytes) GB is not a byte count")
        }
        return Accelerator(
            name: spec.name, memoryBytes: memoryBytes,
            peakFLOPsPerSecond: try spec.peak(.bf16).value, memoryBytesPerSecond: spec.bandwidth.value,
            intraNode: try link("--interconnect", intraNode, links.intraNode), interNode: try link("--network", interNode, links.interNode),
            devicesPerNode: devicesPerNode ?? links.devicesPerNode,
            dollarsPerHour: pricePerHour ?? spec.referencePrice.value)
    }
}
