/// What a plan needs to know of a device: memory, throughput, links, price.
public struct Accelerator: Sendable, Equatable {
    public var name: String
    public var memoryBytes: Int128
    /// Dense peak for the training/serving dtype (bf16), FLOP/s.
    public var peakFLOPsPerSecond: Double
    /// HBM bandwidth, bytes/s (decode is bound by it).
    public var memoryBytesPerSecond: Double
    public var intraNode: Interconnect
    public var interNode: Interconnect
    public var devicesPerNode: Int
    public var dollarsPerHour: Double

    public init(name: String, memoryBytes: Int128, peakFLOPsPerSecond: Double, memoryBytesPerSecond: Double,
                intraNode: Interconnect, interNode: Interconnect, devicesPerNode: Int = 8, dollarsPerHour: Double) {
        self.name = name; self.memoryBytes = memoryBytes; self.peakFLOPsPerSecond = peakFLOPsPerSecond
        self.memoryBytesPerSecond = memoryBytesPerSecond; self.intraNode = intraNode; self.interNode = interNode
        self.devicesPerNode = devicesPerNode; self.dollarsPerHour = dollarsPerHour
    }
}
