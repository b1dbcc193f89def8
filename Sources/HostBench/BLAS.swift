import Foundation

/// The one door to OpenBLAS: row-major SGEMM over `MatrixView`s and the library's thread count.
///
/// Every dimension is checked to fit OpenBLAS's 32-bit `blasint` before conversion, and the
/// operands' shapes are checked against each other, so a bad call throws instead of trapping
/// or letting BLAS read out of bounds.
public enum BLAS {
    /// How an operand enters the product.
    public enum Transpose: Sendable { case none, transposed }

    /// The opened library, or the error that says why there is none. Call first in anything that
    /// measures, so a host without OpenBLAS fails before it spends time on other probes.
    public static func requireLibrary() throws { _ = try OpenBLASLibrary.shared.get() }

    private static var library: OpenBLASLibrary? { try? OpenBLASLibrary.shared.get() }

    /// Threads OpenBLAS uses for one call (`openblas_get_num_threads`); 1 without OpenBLAS.
    public static var threads: Int { library.map { Int($0.getNumThreads()) } ?? 1 }

    /// Sets the threads OpenBLAS uses for one call (`openblas_set_num_threads`); clamped to ≥ 1.
    /// Without OpenBLAS there is nothing to set.
    public static func setThreads(_ count: Int) {
        library?.setNumThreads(Int32(clamping: max(1, count)))
    }

    /// Runs `body` with OpenBLAS pinned to `count` threads, then restores the previous count.
    public static func withThreads<T>(_ count: Int, _ body: () throws -> T) rethrows -> T {
        let previous = threads
        setThreads(count)
        defer { setThreads(previous) }
        return try body()
    }

    /// OpenBLAS's build description (`openblas_get_config`), e.g. "OpenBLAS 0.3.21 … Zen".
    public static var configuration: String { describe(\.config) }

    /// The kernel family OpenBLAS picked for this CPU (`openblas_get_corename`).
    public static var coreName: String { describe(\.coreName) }

    /// A string the library reports, "unknown" when it returns none, "unavailable" without it.
    private static func describe(
        _ function: KeyPath<OpenBLASLibrary, @convention(c) () -> UnsafeMutablePointer<CChar>?>
    ) -> String {
        guard let library else { return "unavailable" }
        guard let c = library[keyPath: function]() else { return "unknown" }
        return String(cString: c).trimmingCharacters(in: .whitespaces)
    }

    /// `C ← alpha·op(A)·op(B) + beta·C`, row-major, and the FLOPs it issued (`2·m·n·k`).
    ///
    /// `m × n` is `c`'s shape and `k` the inner dimension of `op(A)`; leading dimensions are the
    /// views' strides, so sub-blocks (one head of a fused activation) go in without copies.
    @discardableResult
    public static func gemm(
        _ a: MatrixView, _ transA: Transpose, _ b: MatrixView, _ transB: Transpose,
        into c: MatrixView, alpha: Float = 1, beta: Float = 0
    ) throws -> Int {
        let (m, n, k) = try productShape(a, transA, b, transB, c)
        return try sgemm(
            transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
            a: a.base, lda: a.stride, b: b.base, ldb: b.stride, beta: beta, c: c.base, ldc: c.stride)
    }

    /// `(m, n, k)` of `op(A)·op(B) → C`, or an error naming the three shapes when they disagree.
    static func productShape(
        _ a: MatrixView, _ transA: Transpose, _ b: MatrixView, _ transB: Transpose, _ c: MatrixView
    ) throws -> (m: Int, n: Int, k: Int) {
        let (m, k) = transA == .none ? (a.rows, a.columns) : (a.columns, a.rows)
        let (kb, n) = transB == .none ? (b.rows, b.columns) : (b.columns, b.rows)
        guard k == kb, c.rows == m, c.columns == n else {
            throw HostBenchError.invalidGEMM(
                "op(A) is \(m)×\(k), op(B) is \(kb)×\(n), C is \(c.rows)×\(c.columns)")
        }
        return (m, n, k)
    }

    /// Raw `cblas_sgemm` (row-major) with every size checked against `Int32` and the leading
    /// dimensions checked against the row widths; returns the FLOPs issued (`2·m·n·k`).
    @discardableResult
    public static func sgemm(
        transA: Transpose, transB: Transpose, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) throws -> Int {
        let widthA = transA == .none ? k : m
        let widthB = transB == .none ? n : k
        guard m >= 0, n >= 0, k >= 0 else { throw HostBenchError.invalidGEMM("negative size m=\(m) n=\(n) k=\(k)") }
        guard lda >= max(1, widthA), ldb >= max(1, widthB), ldc >= max(1, n) else {
            throw HostBenchError.invalidGEMM("leading dimension too small (lda=\(lda) ldb=\(ldb) ldc=\(ldc))")
        }
        let m32 = try int32(m, "m"), n32 = try int32(n, "n"), k32 = try int32(k, "k")
        let lda32 = try int32(lda, "lda"), ldb32 = try int32(ldb, "ldb"), ldc32 = try int32(ldc, "ldc")
        if m == 0 || n == 0 { return 0 }
        let blas = try OpenBLASLibrary.shared.get()
        blas.sgemm(
            OpenBLASLibrary.rowMajor, cblasTranspose(transA), cblasTranspose(transB), m32, n32, k32, alpha,
            a, lda32, b, ldb32, beta, c, ldc32)
        return 2 * m * n * k
    }

    private static func cblasTranspose(_ t: Transpose) -> Int32 {
        t == .none ? OpenBLASLibrary.noTranspose : OpenBLASLibrary.transpose
    }

    private static func int32(_ value: Int, _ name: String) throws -> Int32 {
        guard let v = Int32(exactly: value) else {
            throw HostBenchError.invalidGEMM("\(name) = \(value) does not fit OpenBLAS's 32-bit blasint")
        }
        return v
    }
}
