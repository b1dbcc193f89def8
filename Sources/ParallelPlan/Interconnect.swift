/// A link between devices: what a collective's bytes travel over.
public struct Interconnect: Sendable, Equatable, Codable {
    public var name: String
    /// Bandwidth one device can drive in one direction, bytes per second.
    public var bytesPerSecond: Double
    /// Per-message latency (one hop), seconds.
    public var latencySeconds: Double
    public var source: String

    public init(name: String, bytesPerSecond: Double, latencySeconds: Double, source: String) {
        self.name = name; self.bytesPerSecond = bytesPerSecond; self.latencySeconds = latencySeconds; self.source = source
    }
}

/// Published link figures. Bandwidths are per device and per direction (NVLink's headline
/// "600 GB/s" / "900 GB/s" / "1.8 TB/s" is bidirectional: half each way); network ports at line rate.
public enum InterconnectCatalog {
    public static let nvlink3 = Interconnect(name: "nvlink3", bytesPerSecond: 300e9, latencySeconds: 2e-6,
        source: "NVIDIA A100 datasheet (2021): NVLink 3, 600 GB/s bidirectional per GPU")
    public static let nvlink4 = Interconnect(name: "nvlink4", bytesPerSecond: 450e9, latencySeconds: 2e-6,
        source: "NVIDIA H100 datasheet (2023): NVLink 4, 900 GB/s bidirectional per GPU")
    public static let nvlink5 = Interconnect(name: "nvlink5", bytesPerSecond: 900e9, latencySeconds: 2e-6,
        source: "NVIDIA Blackwell datasheet (2024): NVLink 5, 1.8 TB/s bidirectional per GPU")
    public static let infinityFabric = Interconnect(name: "infinity-fabric", bytesPerSecond: 448e9, latencySeconds: 2e-6,
        source: "AMD MI300X datasheet (2023): 7 × 128 GB/s Infinity Fabric links, 896 GB/s aggregate bidirectional")
    public static let pcie4 = Interconnect(name: "pcie4", bytesPerSecond: 32e9, latencySeconds: 5e-6,
        source: "PCI-SIG PCIe 4.0 x16: 16 GT/s × 16 lanes ≈ 32 GB/s per direction")
    public static let pcie5 = Interconnect(name: "pcie5", bytesPerSecond: 64e9, latencySeconds: 5e-6,
        source: "PCI-SIG PCIe 5.0 x16: 32 GT/s × 16 lanes ≈ 64 GB/s per direction")
    public static let infinibandHDR = Interconnect(name: "ib-hdr", bytesPerSecond: 25e9, latencySeconds: 5e-6,
        source: "NVIDIA/Mellanox InfiniBand HDR: 200 Gb/s per port (one port per GPU)")
    public static let infinibandNDR = Interconnect(name: "ib-ndr", bytesPerSecond: 50e9, latencySeconds: 5e-6,
        source: "NVIDIA Quantum-2 InfiniBand NDR: 400 Gb/s per port (one port per GPU)")
    public static let roce100 = Interconnect(name: "roce-100g", bytesPerSecond: 12.5e9, latencySeconds: 10e-6,
        source: "100 GbE RoCE v2: 100 Gb/s line rate")
    public static let roce400 = Interconnect(name: "roce-400g", bytesPerSecond: 50e9, latencySeconds: 10e-6,
        source: "400 GbE RoCE v2: 400 Gb/s line rate")

    public static let all = [nvlink3, nvlink4, nvlink5, infinityFabric, pcie4, pcie5,
                             infinibandHDR, infinibandNDR, roce100, roce400]

    public static func named(_ name: String) -> Interconnect? { all.first { $0.name == name.lowercased() } }
}

extension InterconnectCatalog {
    /// The links a device usually sits on, by catalog name: its scale-up fabric inside a node and
    /// the network between nodes (one NIC per device), with devices per node.
    public static func defaultLinks(forDevice name: String) -> (intraNode: Interconnect, interNode: Interconnect, devicesPerNode: Int) {
        let n = name.lowercased()
        if n.hasPrefix("a100") { return (nvlink3, infinibandHDR, 8) }
        if n.hasPrefix("h100-pcie") { return (pcie5, infinibandNDR, 8) }
        if n.hasPrefix("h100") || n.hasPrefix("h200") { return (nvlink4, infinibandNDR, 8) }
        if n.hasPrefix("b200") { return (nvlink5, infinibandNDR, 8) }
        if n.hasPrefix("mi300") { return (infinityFabric, roce400, 8) }
        if n.hasPrefix("l4") { return (pcie4, roce100, 8) }
        return (pcie4, roce100, 1)
    }
}
