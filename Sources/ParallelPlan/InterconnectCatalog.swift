import CostModel
import Workload

/// Published link figures. Bandwidths are per device and per direction (NVLink's headline
/// "600 GB/s" / "900 GB/s" / "1.8 TB/s" is bidirectional: half each way); network ports at line
/// rate, one port per GPU. Latencies are NCCL's own per-step model of a ring collective (Simple
/// protocol), the figure NCCL itself uses to choose algorithms — not a measurement of this cluster.
///
/// Which links a device sits on is part of its hardware catalog entry (`HardwareSpec.links`,
/// by `InterconnectName`); this catalog holds each link's figures, found by that name.
public enum InterconnectCatalog {
    /// Date the sources below were read.
    static let read = "2026-12-02"

    /// The note of a source cited from an earlier reading, not re-read on `read`.
    static let notReRead: InputMessage = "cited, not re-read"

    static func datasheet(_ document: String, url: String, reRead: Bool = true) -> SourceReference {
        SourceReference(document, url: url, dateRead: read, note: reRead ? nil : notReRead)
    }

    /// NCCL's per-ring-step latency for a link kind (`detail`: which figure, and any caveat).
    static func ncclLatency(_ detail: InputMessage) -> SourceReference {
        SourceReference("NCCL src/graph/tuning.cc, hwLat[ring][Simple]",
                        url: "https://github.com/NVIDIA/nccl/blob/01afd20a77b5804e0ecf1042509dd9d20ebf9e93/src/graph/tuning.cc",
                        dateRead: read, note: detail)
    }

    static let nvlinkLatency = ncclLatency("NVLink 3.4 µs per ring step")
    static let pciLatency = ncclLatency("PCI 5.7 µs per ring step")
    static let netLatency = ncclLatency("network 9.6 µs per ring step")

    /// `document, url (read date)`, then `: note` (a latency's figure), or `(cited, not re-read
    /// on date)` for a source not re-read — the form the link catalog listing has always printed.
    static func citation(_ source: SourceReference) -> String {
        let base = "\(source.document), \(source.url)"
        guard let note = source.note else { return "\(base) (read \(source.dateRead))" }
        if note == notReRead { return "\(base) (cited, not re-read on \(source.dateRead))" }
        return "\(base) (read \(source.dateRead)): \(note)"
    }

    static func link(_ name: InterconnectName, _ gigabytesPerSecond: Double, _ latency: Double,
                     _ bandwidthSource: SourceReference, _ latencySource: SourceReference) -> Interconnect {
        Interconnect(name: name.rawValue, bandwidth: .giga(gigabytesPerSecond), latency: Seconds(latency),
                     bandwidthSource: bandwidthSource, latencySource: latencySource)
    }

    static let a100Datasheet = "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf"

    public static let nvlink3 = link(.nvlink3, 300, 3.4e-6,
        datasheet("NVIDIA A100 datasheet: NVLink 3, 600 GB/s bidirectional per GPU (12 links × 50 GB/s)", url: a100Datasheet),
        nvlinkLatency)
    /// DGX/HGX A100: six second-generation NVSwitches give every GPU its full NVLink-3 bandwidth to any other.
    public static let nvswitchA100 = link(.nvswitchA100, 300, 3.4e-6,
        datasheet("NVIDIA A100 datasheet: HGX A100 with NVSwitch, 600 GB/s bidirectional GPU-to-GPU per GPU", url: a100Datasheet),
        nvlinkLatency)
    public static let nvlink4 = link(.nvlink4, 450, 3.4e-6,
        datasheet("NVIDIA Hopper architecture page: fourth-generation NVLink, 900 GB/s bidirectional per GPU",
                  url: "https://www.nvidia.com/en-us/technologies/hopper-architecture/"),
        nvlinkLatency)
    /// DGX/HGX H100: four third-generation NVSwitches, any GPU to any GPU at full NVLink-4 rate.
    public static let nvswitchH100 = link(.nvswitchH100, 450, 3.4e-6,
        datasheet("NVIDIA technical blog, \"Upgrading Multi-GPU Interconnectivity with the Third-Generation NVIDIA NVSwitch\" (2022-08-23): NVLink 4 through NVSwitch in DGX/HGX H100, 900 GB/s bidirectional = 450 GB/s per direction per GPU (the figure as printed on https://www.nvidia.com/en-us/technologies/hopper-architecture/)",
                  url: "https://developer.nvidia.com/blog/upgrading-multi-gpu-interconnectivity-with-the-third-generation-nvidia-nvswitch/"),
        nvlinkLatency)
    /// H800 (DeepSeek-V3's cluster): NVLink through NVSwitch at the rate DeepSeek reports using.
    public static let nvlinkH800 = link(.nvlinkH800, 160, 3.4e-6,
        datasheet("DeepSeek-V3 Technical Report, arXiv:2412.19437, §3.2.2: intra-node NVLink \"offers a bandwidth of 160 GB/s, roughly 3.2 times that of IB (50 GB/s)\" (H800: NVLink 400 GB/s bidirectional)",
                  url: "https://arxiv.org/abs/2412.19437"),
        nvlinkLatency)
    public static let nvlink5 = link(.nvlink5, 900, 3.4e-6,
        datasheet("NVIDIA NVLink page: fifth-generation NVLink, 1.8 TB/s bidirectional per GPU", url: "https://www.nvidia.com/en-us/data-center/nvlink/"),
        nvlinkLatency)
    public static let infinityFabric = link(.infinityFabric, 448, 3.4e-6,
        datasheet("AMD Instinct MI300X datasheet: 7 × 128 GB/s Infinity Fabric links, 896 GB/s aggregate bidirectional",
                  url: "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/amd-instinct-mi300x-data-sheet.pdf", reRead: false),
        ncclLatency("NVLink 3.4 µs per ring step (NCCL's NVLink figure used for RCCL's Infinity Fabric: no AMD figure cited)"))
    public static let pcie4 = link(.pcie4, 32, 5.7e-6,
        datasheet("PCI-SIG, PCI Express 4.0: 16 GT/s per lane × 16 lanes, 128b/130b ≈ 31.5 GB/s per direction", url: "https://pcisig.com/specifications", reRead: false),
        pciLatency)
    public static let pcie5 = link(.pcie5, 64, 5.7e-6,
        datasheet("PCI-SIG, PCI Express 5.0: 32 GT/s per lane × 16 lanes, 128b/130b ≈ 63 GB/s per direction", url: "https://pcisig.com/specifications", reRead: false),
        pciLatency)
    public static let infinibandHDR = link(.infinibandHDR, 25, 9.6e-6,
        datasheet("NVIDIA Quantum InfiniBand HDR: 200 Gb/s per port (one ConnectX-6 port per GPU)",
                  url: "https://www.nvidia.com/en-us/networking/infiniband-switching/", reRead: false),
        netLatency)
    public static let infinibandNDR = link(.infinibandNDR, 50, 9.6e-6,
        datasheet("NVIDIA Quantum-2 InfiniBand NDR: 400 Gb/s per port (one ConnectX-7 port per GPU)",
                  url: "https://www.nvidia.com/en-us/networking/quantum2/", reRead: false),
        netLatency)
    public static let roce100 = link(.roce100, 12.5, 9.6e-6,
        datasheet("IEEE 802.3 100 GbE, RoCE v2: 100 Gb/s line rate", url: "https://standards.ieee.org/ieee/802.3/10422/", reRead: false),
        netLatency)
    public static let roce400 = link(.roce400, 50, 9.6e-6,
        datasheet("IEEE 802.3 400 GbE, RoCE v2: 400 Gb/s line rate", url: "https://standards.ieee.org/ieee/802.3/10422/", reRead: false),
        netLatency)

    /// The link called `name` in the hardware catalog's entries (exhaustive: a new name needs figures here).
    public static func link(_ name: InterconnectName) -> Interconnect {
        switch name {
        case .nvlink3: nvlink3
        case .nvswitchA100: nvswitchA100
        case .nvlink4: nvlink4
        case .nvswitchH100: nvswitchH100
        case .nvlinkH800: nvlinkH800
        case .nvlink5: nvlink5
        case .infinityFabric: infinityFabric
        case .pcie4: pcie4
        case .pcie5: pcie5
        case .infinibandHDR: infinibandHDR
        case .infinibandNDR: infinibandNDR
        case .roce100: roce100
        case .roce400: roce400
        }
    }

    /// Every catalogued link, in `InterconnectName` order.
    public static let all = InterconnectName.allCases.map(link)

    public static func named(_ name: String) -> Interconnect? { InterconnectName(rawValue: name.lowercased()).map(link) }

    /// Catalog names near `name` by the one did-you-mean rule (`EditDistance.nearest`).
    public static func suggestions(for name: String) -> [String] {
        EditDistance.nearest(to: name.lowercased(), in: all.map(\.name))
    }
}
