/// How one kernel spreads its phases over threads: a `KernelParallelism` policy and a count.
///
/// Every phase sets OpenBLAS's thread count itself (1 inside workers, `threads` when OpenBLAS
/// parallelises a GEMM), so a kernel never depends on what ran before it.
struct Parallel: Sendable {
    let mode: KernelParallelism
    let threads: Int

    /// `C ← alpha·op(A)·op(B) + beta·C`: split among workers (`.workers`) or one OpenBLAS call
    /// with `threads` threads (`.openblas`, `.hybrid`).
    func gemm(
        _ a: MatrixView, _ transA: BLAS.Transpose, _ b: MatrixView, _ transB: BLAS.Transpose,
        into c: MatrixView, alpha: Float = 1, beta: Float = 0
    ) throws -> Int {
        if mode == .workers {
            return try BLAS.withThreads(1) {
                try Workers.gemm(a, transA, b, transB, into: c, alpha: alpha, beta: beta, workers: threads)
            }
        }
        return try BLAS.withThreads(threads) { try BLAS.gemm(a, transA, b, transB, into: c, alpha: alpha, beta: beta) }
    }

    /// Threads that element-wise and per-head work runs on.
    var workers: Int { mode == .openblas ? 1 : threads }

    /// `body(rows)` over `0..<total` cut into one block per worker (OpenBLAS single-threaded
    /// inside); returns the FLOPs the blocks issued.
    func rows(_ total: Int, _ body: @Sendable (Range<Int>) throws -> Int) throws -> Int {
        let n = workers
        return try BLAS.withThreads(mode == .openblas ? threads : 1) {
            try Workers.run(n) { w in
                let r = Workers.share(w, of: n, total: total)
                return r.isEmpty ? 0 : try body(r)
            }
        }
    }

    /// `body(item, worker)` for `item` in `0..<count`, items dealt round-robin to the workers;
    /// `.openblas` runs them in turn on the caller with OpenBLAS threading each GEMM.
    func items(_ count: Int, _ body: @Sendable (_ item: Int, _ worker: Int) throws -> Int) throws -> Int {
        let n = workers
        return try BLAS.withThreads(mode == .openblas ? threads : 1) {
            try Workers.run(n) { w in
                var flops = 0
                for item in Swift.stride(from: w, to: count, by: n) { flops += try body(item, w) }
                return flops
            }
        }
    }
}

extension Parallel {
    func gemm(_ a: MatrixView, _ b: MatrixView, into c: MatrixView, beta: Float = 0) throws -> Int {
        try gemm(a, .none, b, .none, into: c, beta: beta)
    }

    func gemm(_ a: MatrixView, _ transA: BLAS.Transpose, _ b: MatrixView, into c: MatrixView) throws -> Int {
        try gemm(a, transA, b, .none, into: c)
    }

    func gemm(_ a: MatrixView, _ b: MatrixView, _ transB: BLAS.Transpose, into c: MatrixView) throws -> Int {
        try gemm(a, .none, b, transB, into: c)
    }
}
