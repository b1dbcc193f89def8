import CostModel
import ParallelPlan
import Testing

/// The links a device sits on come from its hardware catalog entry, and each link's figures
/// carry a source per figure.
@Suite struct InterconnectCatalogTests {
    @Test func everyCatalogDeviceNamesTheLinksItUsuallySitsOn() throws {
        let expected: [String: (String, String, Int)] = [
            "a100-40gb-sxm": ("nvswitch-a100", "ib-hdr", 8), "a100-80gb-sxm": ("nvswitch-a100", "ib-hdr", 8),
            "h100-sxm": ("nvswitch-h100", "ib-ndr", 8), "h100-pcie": ("pcie5", "ib-ndr", 8), "h200": ("nvswitch-h100", "ib-ndr", 8),
            "b200": ("nvlink5", "ib-ndr", 8), "l4": ("pcie4", "roce-100g", 8), "l40s": ("pcie4", "roce-100g", 8),
            "mi300x": ("infinity-fabric", "roce-400g", 8), "cpu-server": ("pcie4", "roce-100g", 1),
            "gb200": ("nvlink5", "ib-ndr", 72), "mi325x": ("infinity-fabric", "roce-400g", 8), "h800": ("nvlink-h800", "ib-ndr", 8),
        ]
        // Devices whose fabric the interconnect catalog lacks state no links.
        let unlinked: Set = ["rtx-4090", "rtx-5090", "gaudi3", "tpu-v5e", "tpu-v5p", "tpu-v6e", "m3-max", "m4-max"]
        #expect(Set(HardwareCatalog.all.map(\.name)) == Set(expected.keys).union(unlinked))
        for spec in HardwareCatalog.all where !unlinked.contains(spec.name) {
            let device = try Accelerator(spec, precision: spec.densePeaks[.bf16] != nil ? .bf16 : .fp32, pricePerHour: DollarsPerHour(1))
            let want = try #require(expected[spec.name])
            #expect((device.intraNode.name, device.interNode.name, device.devicesPerNode) == want, "\(spec.name)")
        }
    }

    @Test func aDeviceWithoutCataloguedLinksNeedsThemGivenInFull() throws {
        let price = DollarsPerHour(2.7)
        #expect(throws: CostError.self) { try Accelerator(HardwareCatalog.tpuV6e, pricePerHour: price) }
        #expect(throws: CostError.self) {
            try Accelerator(HardwareCatalog.tpuV6e, intraNode: InterconnectCatalog.nvlink4, pricePerHour: price)
        }
        let given = try Accelerator(HardwareCatalog.tpuV6e, intraNode: InterconnectCatalog.nvlink4,
                                    interNode: InterconnectCatalog.roce400, devicesPerNode: 8, pricePerHour: price)
        #expect(given.devicesPerNode == 8 && given.peak.teraFLOPs == 918)
        // No reference price: the plan asks for one.
        #expect(throws: CostError.self) { try Accelerator(HardwareCatalog.gb200) }
    }

    @Test func everyLinkNameHasFiguresUnderThatName() {
        #expect(InterconnectCatalog.all.map(\.name) == InterconnectName.allCases.map(\.rawValue))
        for name in InterconnectName.allCases {
            #expect(InterconnectCatalog.named(name.rawValue.uppercased()) == InterconnectCatalog.link(name))
        }
        #expect(InterconnectCatalog.named("token-ring") == nil)
    }

    @Test func eachFigureCitesItsOwnSource() {
        let fabric = InterconnectCatalog.infinityFabric
        #expect(fabric.bandwidth == BytesPerSecond(448e9) && fabric.latency == Seconds(3.4e-6))
        #expect(fabric.bandwidthSource.url.hasSuffix("amd-instinct-mi300x-data-sheet.pdf"))
        #expect(fabric.latencySource.url.contains("NVIDIA/nccl"))
        #expect(fabric.bandwidthCitation.hasSuffix("data-sheet.pdf (cited, not re-read on 2026-12-02)"))
        #expect(InterconnectCatalog.nvlink3.latencyCitation
            == "NCCL src/graph/tuning.cc, hwLat[ring][Simple], https://github.com/NVIDIA/nccl/blob/01afd20a77b5804e0ecf1042509dd9d20ebf9e93/src/graph/tuning.cc (read 2026-12-02): NVLink 3.4 µs per ring step")
    }

    @Test func aLinkTimesBytesOverBandwidthPlusStepsOfLatency() {
        let l = InterconnectCatalog.infinibandHDR
        #expect(l.time(bytes: Bytes(25e9), steps: 2) == Seconds(1 + 2 * 9.6e-6))
    }
}
