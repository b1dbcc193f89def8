import Foundation

/// Keeps OpenBLAS's idle threads off the cores the moment a multi-threaded GEMM returns.
///
/// After each threaded call, OpenBLAS's helper threads busy-wait (a `sched_yield` loop) for
/// 2^28 cycles — about 0.1 s — before they sleep, and `openblas_set_num_threads(1)` does not stop
/// them. The reference kernels start their own workers right after such a GEMM (the hybrid mode's
/// heads and FFN halves, the layer's norms), so for that tenth of a second a 2-core host runs
/// three threads and the statically split work waits for its slower half: the layer measured the
/// collision (1.36× attention + FFN), not the host. OpenBLAS reads `OPENBLAS_THREAD_TIMEOUT` once,
/// when the library loads, and llmcost opens it with `dlopen`, so setting the variable first is
/// enough: exponent 4, the smallest OpenBLAS accepts, makes a helper sleep after 16 idle cycles.
/// The cost is a futex wake-up (microseconds) at the start of each threaded GEMM; a user's own
/// value of the variable is kept.
public enum OpenBLASThreading {
    public static let timeoutVariable = "OPENBLAS_THREAD_TIMEOUT"
    /// log₂ of the idle cycles before a helper thread sleeps; OpenBLAS clamps it to 4…30.
    public static let timeoutExponent = 4

    /// Who chose the thread timeout OpenBLAS runs with.
    public enum Origin: String, Codable, Sendable {
        /// llmcost set the variable before loading OpenBLAS.
        case llmcost
        /// The user's environment already had it.
        case environment
    }

    /// Set before the library loads, once per process (`OpenBLASLibrary.shared`).
    nonisolated(unsafe) private(set) static var origin: Origin = .llmcost

    static func configureBeforeLoading() {
        if let value = ProcessInfo.processInfo.environment[timeoutVariable], !value.isEmpty {
            origin = .environment
            return
        }
        setenv(timeoutVariable, String(timeoutExponent), 1)
        origin = .llmcost
    }

    /// What the loaded library reports it read, or nil when it cannot say (older library, or none).
    public static var loadedTimeoutExponent: Int? {
        guard let library = try? OpenBLASLibrary.shared.get(), let read = library.threadTimeout else { return nil }
        return Int(read())
    }
}

/// How a bench run used the cores: the kernels' parallelism and what OpenBLAS's idle threads do.
public struct BenchThreading: Codable, Sendable, Equatable {
    public var parallelism: KernelParallelism
    public var threads: Int
    /// The `OPENBLAS_THREAD_TIMEOUT` exponent the loaded library reports it read (nil: it cannot say).
    public var openblasThreadTimeout: Int?
    public var timeoutOrigin: OpenBLASThreading.Origin
    /// One sentence for the report.
    public var summary: String

    enum CodingKeys: String, CodingKey {
        case parallelism, threads, openblasThreadTimeout = "openblas_thread_timeout"
        case timeoutOrigin = "timeout_origin", summary
    }

    /// What this process runs with.
    public static func current(parallelism: KernelParallelism, threads: Int) -> BenchThreading {
        let read = OpenBLASThreading.loadedTimeoutExponent
        let idle: String
        switch read {
        case let r? where r > 0:
            let who = OpenBLASThreading.origin == .llmcost ? "set by llmcost before loading OpenBLAS" : "from your environment"
            idle = "OpenBLAS helper threads sleep after 2^\(min(30, max(4, r))) idle cycles (\(OpenBLASThreading.timeoutVariable)=\(r), \(who))"
        default:
            idle = "OpenBLAS helper threads busy-wait 2^28 cycles after each threaded GEMM (its default; the library did not report reading \(OpenBLASThreading.timeoutVariable))"
        }
        let split: String
        switch parallelism {
        case .workers: split = "\(threads) workers, each calling single-threaded OpenBLAS"
        case .openblas: split = "one caller, OpenBLAS threading every GEMM over \(threads) threads"
        case .hybrid: split = "OpenBLAS threads the projection GEMMs over \(threads) threads; heads and element-wise work on \(threads) workers, never at the same time"
        }
        return BenchThreading(parallelism: parallelism, threads: threads, openblasThreadTimeout: read,
                              timeoutOrigin: OpenBLASThreading.origin, summary: "\(split); \(idle)")
    }
}
