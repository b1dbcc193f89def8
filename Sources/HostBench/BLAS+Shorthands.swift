/// Shorthands for the common transpose combinations, so call sites read like the formula
/// (`gemm(p, v, into: o)`, `gemm(q, k, .transposed, into: s)`).
extension BLAS {
    @discardableResult
    public static func gemm(_ a: MatrixView, _ b: MatrixView, into c: MatrixView, alpha: Float = 1, beta: Float = 0) throws -> Int {
        try gemm(a, .none, b, .none, into: c, alpha: alpha, beta: beta)
    }

    @discardableResult
    public static func gemm(
        _ a: MatrixView, _ transA: Transpose, _ b: MatrixView, into c: MatrixView, alpha: Float = 1, beta: Float = 0
    ) throws -> Int {
        try gemm(a, transA, b, .none, into: c, alpha: alpha, beta: beta)
    }

    @discardableResult
    public static func gemm(
        _ a: MatrixView, _ b: MatrixView, _ transB: Transpose, into c: MatrixView, alpha: Float = 1, beta: Float = 0
    ) throws -> Int {
        try gemm(a, .none, b, transB, into: c, alpha: alpha, beta: beta)
    }
}
