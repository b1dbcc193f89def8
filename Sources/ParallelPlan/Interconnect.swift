/// A link between devices: what a collective's bytes travel over.
public struct Interconnect: Sendable, Equatable, Codable {
    public var name: String
    /// Bandwidth one device can drive in one direction, bytes per second.
    public var bytesPerSecond: Double
    /// Per ring step latency, seconds (one hop of a ring collective).
    public var latencySeconds: Double
    /// Where the bandwidth comes from (document, URL, date read).
    public var source: String
    /// Where the latency comes from.
    public var latencySource: String

    public init(name: String, bytesPerSecond: Double, latencySeconds: Double, source: String, latencySource: String) {
        self.name = name; self.bytesPerSecond = bytesPerSecond; self.latencySeconds = latencySeconds
        self.source = source; self.latencySource = latencySource
    }
}

/// Published link figures. Bandwidths are per device and per direction (NVLink's headline
/// "600 GB/s" / "900 GB/s" / "1.8 TB/s" is bidirectional: half each way); network ports at line
/// rate, one port per GPU. Latencies are NCCL's own per-step model of a ring collective (Simple
/// protocol), the figure NCCL itself uses to choose algorithms — not a measurement of this cluster.
public enum InterconnectCatalog {
    /// Date the sources below were read.
    static let read = "2026-12-02"

    static let ncclTuning = "NCCL src/graph/tuning.cc, hwLat[ring][Simple], https://github.com/NVIDIA/nccl/blob/01afd20a77b5804e0ecf1042509dd9d20ebf9e93/src/graph/tuning.cc (read \(read))"
    static let nvlinkLatency = "\(ncclTuning): NVLink 3.4 µs per ring step"
    static let pciLatency = "\(ncclTuning): PCI 5.7 µs per ring step"
    static let netLatency = "\(ncclTuning): network 9.6 µs per ring step"

    public static let nvlink3 = Interconnect(name: "nvlink3", bytesPerSecond: 300e9, latencySeconds: 3.4e-6,
        source: "NVIDIA A100 datasheet: NVLink 3, 600 GB/s bidirectional per GPU (12 links × 50 GB/s), https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf (read \(read))",
        latencySource: nvlinkLatency)
    /// DGX/HGX A100: six second-generation NVSwitches give every GPU its full NVLink-3 bandwidth to any other.
    public static let nvswitchA100 = Interconnect(name: "nvswitch-a100", bytesPerSecond: 300e9, latencySeconds: 3.4e-6,
        source: "NVIDIA A100 datasheet: HGX A100 with NVSwitch, 600 GB/s bidirectional GPU-to-GPU per GPU, https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf (read \(read))",
        latencySource: nvlinkLatency)
    public static let nvlink4 = Interconnect(name: "nvlink4", bytesPerSecond: 450e9, latencySeconds: 3.4e-6,
        source: "NVIDIA Hopper architecture page: fourth-generation NVLink, 900 GB/s bidirectional per GPU, https://www.nvidia.com/en-us/technologies/hopper-architecture/ (read \(read))",
        latencySource: nvlinkLatency)
    /// DGX/HGX H100: four third-generation NVSwitches, any GPU to any GPU at full NVLink-4 rate.
    public static let nvswitchH100 = Interconnect(name: "nvswitch-h100", bytesPerSecond: 450e9, latencySeconds: 3.4e-6,
        source: "NVIDIA technical blog, \"Upgrading Multi-GPU Interconnectivity with the Third-Generation NVIDIA NVSwitch\" (2022-08-23): NVLink 4 through NVSwitch in DGX/HGX H100, 900 GB/s bidirectional = 450 GB/s per direction per GPU (the figure as printed on https://www.nvidia.com/en-us/technologies/hopper-architecture/), https://developer.nvidia.com/blog/upgrading-multi-gpu-interconnectivity-with-the-third-generation-nvidia-nvswitch/ (read \(read))",
        latencySource: nvlinkLatency)
    public static let nvlink5 = Interconnect(name: "nvlink5", bytesPerSecond: 900e9, latencySeconds: 3.4e-6,
        source: "NVIDIA NVLink page: fifth-generation NVLink, 1.8 TB/s bidirectional per GPU, https://www.nvidia.com/en-us/data-center/nvlink/ (read \(read))",
        latencySource: nvlinkLatency)
    public static let infinityFabric = Interconnect(name: "infinity-fabric", bytesPerSecond: 448e9, latencySeconds: 3.4e-6,
        source: "AMD Instinct MI300X datasheet: 7 × 128 GB/s Infinity Fabric links, 896 GB/s aggregate bidirectional, https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/amd-instinct-mi300x-data-sheet.pdf (cited, not re-read on \(read))",
        latencySource: "\(nvlinkLatency) (NCCL's NVLink figure used for RCCL's Infinity Fabric: no AMD figure cited)")
    public static let pcie4 = Interconnect(name: "pcie4", bytesPerSecond: 32e9, latencySeconds: 5.7e-6,
        source: "PCI-SIG, PCI Express 4.0: 16 GT/s per lane × 16 lanes, 128b/130b ≈ 31.5 GB/s per direction, https://pcisig.com/specifications (cited, not re-read on \(read))",
        latencySource: pciLatency)
    public static let pcie5 = Interconnect(name: "pcie5", bytesPerSecond: 64e9, latencySeconds: 5.7e-6,
        source: "PCI-SIG, PCI Express 5.0: 32 GT/s per lane × 16 lanes, 128b/130b ≈ 63 GB/s per direction, https://pcisig.com/specifications (cited, not re-read on \(read))",
        latencySource: pciLatency)
    public static let infinibandHDR = Interconnect(name: "ib-hdr", bytesPerSecond: 25e9, latencySeconds: 9.6e-6,
        source: "NVIDIA Quantum InfiniBand HDR: 200 Gb/s per port (one ConnectX-6 port per GPU), https://www.nvidia.com/en-us/networking/infiniband-switching/ (cited, not re-read on \(read))",
        latencySource: netLatency)
    public static let infinibandNDR = Interconnect(name: "ib-ndr", bytesPerSecond: 50e9, latencySeconds: 9.6e-6,
        source: "NVIDIA Quantum-2 InfiniBand NDR: 400 Gb/s per port (one ConnectX-7 port per GPU), https://www.nvidia.com/en-us/networking/quantum2/ (cited, not re-read on \(read))",
        latencySource: netLatency)
    public static let roce100 = Interconnect(name: "roce-100g", bytesPerSecond: 12.5e9, latencySeconds: 9.6e-6,
        source: "IEEE 802.3 100 GbE, RoCE v2: 100 Gb/s line rate, https://standards.ieee.org/ieee/802.3/10422/ (cited, not re-read on \(read))",
        latencySource: netLatency)
    public static let roce400 = Interconnect(name: "roce-400g", bytesPerSecond: 50e9, latencySeconds: 9.6e-6,
        source: "IEEE 802.3 400 GbE, RoCE v2: 400 Gb/s line rate, https://standards.ieee.org/ieee/802.3/10422/ (cited, not re-read on \(read))",
        latencySource: netLatency)

    public static let all = [nvlink3, nvswitchA100, nvlink4, nvswitchH100, nvlink5, infinityFabric, pcie4, pcie5,
                             infinibandHDR, infinibandNDR, roce100, roce400]

    public static func named(_ name: String) -> Interconnect? { all.first { $0.name == name.lowercased() } }
}

extension InterconnectCatalog {
    /// The links a device usually sits on, by catalog name: its scale-up fabric inside a node
    /// (the 8-GPU DGX/HGX baseboards switch NVLink through NVSwitch) and the network between
    /// nodes (one NIC per device), with devices per node.
    public static func defaultLinks(forDevice name: String) -> (intraNode: Interconnect, interNode: Interconnect, devicesPerNode: Int) {
        let n = name.lowercased()
        if n.hasPrefix("a100") { return (nvswitchA100, infinibandHDR, 8) }
        if n.hasPrefix("h100-pcie") { return (pcie5, infinibandNDR, 8) }
        if n.hasPrefix("h100") || n.hasPrefix("h200") { return (nvswitchH100, infinibandNDR, 8) }
        if n.hasPrefix("b200") { return (nvlink5, infinibandNDR, 8) }
        if n.hasPrefix("mi300") { return (infinityFabric, roce400, 8) }
        if n.hasPrefix("l4") { return (pcie4, roce100, 8) }
        return (pcie4, roce100, 1)
    }
}
