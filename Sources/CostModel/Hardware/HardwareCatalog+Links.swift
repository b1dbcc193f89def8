/// A catalogued link between devices, by its catalog name. The bandwidth and latency of each,
/// with their sources, are ParallelPlan's `InterconnectCatalog` (the planner is what times
/// collectives); the catalog here only says which links a device sits on, so that the choice
/// is part of the device's entry rather than guessed from its name.
public enum InterconnectName: String, Sendable, CaseIterable {
    case nvlink3
    case nvswitchA100 = "nvswitch-a100"
    case nvlink4
    case nvswitchH100 = "nvswitch-h100"
    case nvlinkH800 = "nvlink-h800"
    case nvlink5
    case infinityFabric = "infinity-fabric"
    case pcie4, pcie5
    case infinibandHDR = "ib-hdr"
    case infinibandNDR = "ib-ndr"
    case roce100 = "roce-100g"
    case roce400 = "roce-400g"
}

/// The links a device usually sits on: its scale-up fabric inside a node, the network between
/// nodes (one NIC per device) and the devices per node. Plans use these unless told otherwise.
public struct NodeLinks: Sendable, Equatable {
    public var intraNode: InterconnectName
    public var interNode: InterconnectName
    public var devicesPerNode: Int

    public init(intraNode: InterconnectName, interNode: InterconnectName, devicesPerNode: Int) {
        self.intraNode = intraNode; self.interNode = interNode; self.devicesPerNode = devicesPerNode
    }
}

extension NodeLinks {
    /// DGX/HGX A100: eight GPUs, six NVSwitches, one HDR InfiniBand port per GPU.
    static let hgxA100 = NodeLinks(intraNode: .nvswitchA100, interNode: .infinibandHDR, devicesPerNode: 8)
    /// DGX/HGX H100 and H200: eight GPUs through NVSwitch, one NDR InfiniBand port per GPU.
    static let hgxH100 = NodeLinks(intraNode: .nvswitchH100, interNode: .infinibandNDR, devicesPerNode: 8)
    /// HGX B200: eight GPUs on fifth-generation NVLink, NDR InfiniBand between nodes.
    static let hgxB200 = NodeLinks(intraNode: .nvlink5, interNode: .infinibandNDR, devicesPerNode: 8)
    /// Eight PCIe H100s: PCIe 5 inside the server, NDR InfiniBand between servers.
    static let pcieH100 = NodeLinks(intraNode: .pcie5, interNode: .infinibandNDR, devicesPerNode: 8)
    /// An eight-GPU PCIe server of inference cards (L4, L40S) on 100 GbE.
    static let pcieInference = NodeLinks(intraNode: .pcie4, interNode: .roce100, devicesPerNode: 8)
    /// MI300X platform: eight GPUs on Infinity Fabric, 400 GbE RoCE between nodes.
    static let mi300xPlatform = NodeLinks(intraNode: .infinityFabric, interNode: .roce400, devicesPerNode: 8)
    /// A device alone in its node (the CPU server): PCIe 4 and 100 GbE.
    static let standalone = NodeLinks(intraNode: .pcie4, interNode: .roce100, devicesPerNode: 1)
}
