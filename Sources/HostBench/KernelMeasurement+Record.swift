import CostModel

extension KernelMeasurement {
    /// The kernel as a profile records it (`HostMeasurement.Kernel`, the one schema of a kernel entry).
    public var record: HostMeasurement.Kernel {
        HostMeasurement.Kernel(name: name, seconds: seconds, flops: Double(flops), gflops: gflops, shape: shape,
                               bestSeconds: bestSeconds, repeats: repeats,
                               fractionOfBestSGEMM: fractionOfBestSGEMM, fractionOfPeak: fractionOfPeak,
                               minSeconds: bestSeconds, medianSeconds: seconds, maxSeconds: worstSeconds,
                               foreignLoad: foreignLoad, attempts: attempts, minimumBytes: minimumBytes.map(Double.init))
    }

    /// A kernel read back from a profile bench wrote: every field present, `flops` a whole number.
    init(record k: HostMeasurement.Kernel) throws {
        func required<T>(_ value: T?, _ key: String) throws -> T {
            guard let value else {
                throw DecodingError.valueNotFound(T.self, .init(codingPath: [], debugDescription: "kernels[\(k.name)].\(key) is missing"))
            }
            return value
        }
        guard let flops = try Int(exactly: required(k.flops, "flops")) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "kernels[\(k.name)].flops is not a whole number"))
        }
        self.init(name: k.name, shape: try required(k.shape, "shape"), seconds: try required(k.seconds, "seconds"),
                  bestSeconds: try required(k.bestSeconds, "best_seconds"), flops: flops, repeats: try required(k.repeats, "repeats"))
        gflops = try required(k.gflops, "gflops")
        fractionOfBestSGEMM = try required(k.fractionOfBestSGEMM, "fraction_of_best_sgemm")
        fractionOfPeak = try required(k.fractionOfPeak, "fraction_of_peak")
        worstSeconds = k.maxSeconds; foreignLoad = k.foreignLoad; attempts = k.attempts
        minimumBytes = k.minimumBytes.flatMap { Int(exactly: $0) }
    }
}
