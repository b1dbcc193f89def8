import Foundation

/// What machine a profile was measured on.
public struct HostDescription: Codable, Sendable, Equatable {
    public var cpuModel: String
    /// Widest vector extension found: "avx512f", "avx2+fma", "avx", "sse".
    public var isa: String
    public var cores: Int
    public var logicalCPUs: Int
    public var openblasConfig: String
    public var openblasCore: String
    public var memAvailableBytes: Int?

    enum CodingKeys: String, CodingKey {
        case cpuModel = "cpu_model", isa, cores, logicalCPUs = "logical_cpus"
        case openblasConfig = "openblas_config", openblasCore = "openblas_core"
        case memAvailableBytes = "mem_available_bytes"
    }

    static func thisHost(nominal: NominalPeak) -> HostDescription {
        let info = CPUInfo((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")
        return HostDescription(
            cpuModel: info.modelName, isa: nominal.isa, cores: nominal.cores,
            logicalCPUs: ProcessInfo.processInfo.activeProcessorCount,
            openblasConfig: BLAS.configuration, openblasCore: BLAS.coreName,
            memAvailableBytes: HostMemory.availableBytes())
    }
}
