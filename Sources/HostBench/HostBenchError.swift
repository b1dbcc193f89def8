import Foundation

/// Everything HostBench refuses to do, each with one line a person can act on.
public enum HostBenchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A layer-shape field that is zero, negative or inconsistent with the others.
    case invalidShape(field: String, reason: String)
    /// A GEMM argument that does not fit OpenBLAS's 32-bit `blasint`, or operands that disagree.
    case invalidGEMM(String)
    /// The buffers a run needs exceed what the kernel says is available.
    case insufficientMemory(neededBytes: Int, availableBytes: Int, what: String)
    /// A configuration value out of range (threads, repeats, sizes).
    case invalidConfiguration(field: String, reason: String)
    /// A profile could not be written.
    case unwritablePath(path: String, reason: String)
    /// A profile could not be read or decoded.
    case unreadableProfile(path: String, reason: String)
    /// No OpenBLAS shared library could be opened, so nothing can be measured.
    case openBLASUnavailable(tried: [String], reason: String)

    public var description: String {
        switch self {
        case let .invalidShape(field, reason): "invalid layer shape: \(field) \(reason)"
        case let .invalidGEMM(reason): "invalid GEMM: \(reason)"
        case let .insufficientMemory(needed, available, what):
            "not enough memory for \(what): needs \(Self.gibibytes(needed)) GiB, "
                + "\(Self.gibibytes(available)) GiB available (MemAvailable in /proc/meminfo)"
        case let .invalidConfiguration(field, reason): "invalid bench configuration: \(field) \(reason)"
        case let .unwritablePath(path, reason): "cannot write host profile to \(path): \(reason)"
        case let .unreadableProfile(path, reason): "cannot read host profile \(path): \(reason)"
        case let .openBLASUnavailable(tried, reason):
            "OpenBLAS is not available at run time, so this host cannot be measured: tried "
                + tried.joined(separator: ", ") + " (\(reason)); install Debian's libopenblas0 "
                + "(apt-get install libopenblas0), or set \(OpenBLASLibrary.overrideVariable) to a libopenblas path"
        }
    }

    private static func gibibytes(_ bytes: Int) -> String {
        String(format: "%.2f", Double(bytes) / 1_073_741_824)
    }
}
