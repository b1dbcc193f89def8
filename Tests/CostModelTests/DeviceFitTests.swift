import Testing
@testable import CostModel

/// Device counts for a workload's bytes: ceiling division by the datasheet memory.
@Suite struct DeviceFitTests {
    @Test func countsAreTheCeilingOfBytesOverDeviceMemory() throws {
        let h100 = try HardwareCatalog.named("h100-sxm")
        // 80 GB = 80e9 bytes: 80e9 fits on one, one byte more needs two.
        #expect(DeviceFit(device: h100, inferenceBytes: 80_000_000_000, trainingBytes: 0).inferenceDevices == 1)
        let over = DeviceFit(device: h100, inferenceBytes: 80_000_000_001, trainingBytes: 1_000_000_000_000)
        #expect(over.inferenceDevices == 2 && !over.inferenceFitsOnOne)
        #expect(over.trainingDevices == 13)  // ⌈1e12 ÷ 8e10⌉ = ⌈12.5⌉
        #expect(DeviceFit(device: h100, inferenceBytes: 0, trainingBytes: 0).inferenceDevices == 0)
    }

    @Test func theWholeCatalogIsListed() {
        let fits = DeviceFit.catalog(inferenceBytes: 1, trainingBytes: 1)
        #expect(fits.map(\.device) == HardwareCatalog.all.map(\.name))
        #expect(fits.allSatisfy { $0.inferenceDevices == 1 && $0.trainingDevices == 1 })
    }
}
