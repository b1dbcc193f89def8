/// How the reference kernels spread over the threads.
public enum KernelParallelism: String, Codable, Sendable, CaseIterable {
    /// The kernels split all the work (token rows, heads) among `threads` workers, each calling
    /// single-threaded OpenBLAS; element-wise work runs on every core.
    case workers
    /// One caller thread; OpenBLAS parallelises each GEMM over `threads` threads.
    case openblas
    /// OpenBLAS parallelises the projection GEMMs; heads and element-wise work are split among
    /// `threads` workers.
    case hybrid
}
