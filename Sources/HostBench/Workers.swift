import Dispatch

/// Fork–join over a fixed number of worker threads, with OpenBLAS single-threaded inside.
///
/// The reference kernels split their work themselves (heads for attention, the inner dimension
/// for the FFN, token rows for norms) and run one single-threaded SGEMM per worker, so the
/// element-wise work (softmax, GELU, norms) runs on every core next to the GEMM that produced
/// its input, and no OpenBLAS thread spins while it does.
enum Workers {
    /// Runs `body(w)` for `w` in `0..<count` concurrently and returns the sum of the results
    /// (the FLOPs each worker issued); the first error thrown by any worker is rethrown.
    static func run(_ count: Int, _ body: @Sendable (Int) throws -> Int) throws -> Int {
        if count <= 1 { return try body(0) }
        // One slot per worker, written only by that worker and read after the join: no lock (and
        // nothing for ThreadSanitizer to question — it cannot see the futex inside `Mutex`).
        let results = Slots(count: count)
        defer { results.release() }
        DispatchQueue.concurrentPerform(iterations: count) { w in
            do {
                results.flops[w] = try body(w)
            } catch {
                results.errors[w] = error as? HostBenchError ?? .invalidGEMM("\(error)")
            }
        }
        if let error = results.errors.lazy.compactMap({ $0 }).first { throw error }
        return results.flops.reduce(0, +)
    }

    /// Per-worker result slots.
    private final class Slots: @unchecked Sendable {
        let flops: UnsafeMutableBufferPointer<Int>
        let errors: UnsafeMutableBufferPointer<HostBenchError?>
        init(count: Int) {
            flops = .allocate(capacity: count); flops.initialize(repeating: 0)
            errors = .allocate(capacity: count); errors.initialize(repeating: nil)
        }
        func release() {
            flops.deallocate()
            _ = errors.deinitialize(); errors.deallocate()
        }
    }

    /// Worker `w`'s share of `0..<total` when split into `count` nearly equal blocks whose
    /// boundaries are multiples of `align` (keeps SIMD rows and BLAS panels whole).
    static func share(_ w: Int, of count: Int, total: Int, align: Int = 8) -> Range<Int> {
        let blocks = (total + align - 1) / align
        let lo = min(total, (blocks * w / count) * align)
        let hi = w == count - 1 ? total : min(total, (blocks * (w + 1) / count) * align)
        return lo..<max(lo, hi)
    }

    /// `C ← alpha·op(A)·op(B) + beta·C` with C cut into `count` row blocks (or column blocks when
    /// C is wider than tall), one single-threaded SGEMM per worker; returns the FLOPs issued.
    static func gemm(
        _ a: MatrixView, _ transA: BLAS.Transpose, _ b: MatrixView,
        _ transB: BLAS.Transpose, into c: MatrixView, alpha: Float = 1, beta: Float = 0,
        workers count: Int
    ) throws -> Int {
        if count <= 1 { return try BLAS.gemm(a, transA, b, transB, into: c, alpha: alpha, beta: beta) }
        _ = try BLAS.productShape(a, transA, b, transB, c)  // before slicing, so slices are in range
        return try run(count) { w in
            if c.rows >= c.columns {
                let r = share(w, of: count, total: c.rows)
                if r.isEmpty { return 0 }
                let aPart = transA == .none ? a.rows(r) : a.columns(r)
                return try BLAS.gemm(aPart, transA, b, transB, into: c.rows(r), alpha: alpha, beta: beta)
            } else {
                let r = share(w, of: count, total: c.columns)
                if r.isEmpty { return 0 }
                let bPart = transB == .none ? b.columns(r) : b.rows(r)
                return try BLAS.gemm(a, transA, bPart, transB, into: c.columns(r), alpha: alpha, beta: beta)
            }
        }
    }
}
