/// How many of one catalogued device a workload's bytes need.
///
/// `⌈bytes ÷ device memory⌉` with the datasheet's memory in decimal gigabytes and no headroom
/// for the framework, fragmentation or inference activations, so a count is a lower bound; the
/// training count assumes the state shards perfectly (ZeRO-3 with activations split).
public struct DeviceFit: Sendable, Equatable {
    public var device: String
    public var memoryBytes: Int128
    /// Devices for weights + KV cache.
    public var inferenceDevices: Int128
    /// Devices for weights, gradients, optimizer state and activations, perfectly sharded.
    public var trainingDevices: Int128

    public var inferenceFitsOnOne: Bool { inferenceDevices <= 1 }

    public init(device: HardwareSpec, inferenceBytes: Int128, trainingBytes: Int128) {
        self.device = device.name
        memoryBytes = device.memoryBytes
        inferenceDevices = Self.ceilingDivision(inferenceBytes, memoryBytes)
        trainingDevices = Self.ceilingDivision(trainingBytes, memoryBytes)
    }

    /// Every catalogued device that has memory of its own (the CPU server's RAM included).
    public static func catalog(inferenceBytes: Int128, trainingBytes: Int128,
                               devices: [HardwareSpec] = HardwareCatalog.all) -> [DeviceFit] {
        devices.filter { $0.memoryGigabytes > 0 }.map {
            DeviceFit(device: $0, inferenceBytes: inferenceBytes, trainingBytes: trainingBytes)
        }
    }

    static func ceilingDivision(_ a: Int128, _ b: Int128) -> Int128 {
        guard b > 0 else { return 0 }
        return a <= 0 ? 0 : (a - 1) / b + 1
    }
}
