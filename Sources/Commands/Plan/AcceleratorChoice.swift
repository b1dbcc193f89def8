import CostModel
import ParallelPlan

/// A catalog device as the plan library sees it: memory, bf16 peak, HBM bandwidth, links, price.
enum AcceleratorChoice {
    static func accelerator(named name: String, pricePerHour: Double?) throws -> Accelerator {
        let spec = try HardwareCatalog.named(name)
        let links = InterconnectCatalog.defaultLinks(forDevice: spec.name)
        return Accelerator(
            name: spec.name, memoryBytes: Int128(spec.memoryGigabytes * 1e9),
            peakFLOPsPerSecond: try spec.peak(.bf16).value, memoryBytesPerSecond: spec.bandwidth.value,
            intraNode: links.intraNode, interNode: links.interNode, devicesPerNode: links.devicesPerNode,
            dollarsPerHour: pricePerHour ?? spec.referencePrice.value)
    }
}
