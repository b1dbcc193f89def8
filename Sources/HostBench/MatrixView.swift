/// A row-major window onto `Float` storage: `rows × columns` elements, consecutive rows
/// `stride` elements apart (BLAS's leading dimension).
///
/// Slicing a view never copies: a head of Q inside the fused QKV activation is
/// `qkv.columns(h·dk ..< (h+1)·dk)`, which BLAS reads through its leading dimension.
public struct MatrixView: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Float>
    public let rows: Int
    public let columns: Int
    /// Elements between the starts of consecutive rows; at least `columns`.
    public let stride: Int

    public init(base: UnsafeMutablePointer<Float>, rows: Int, columns: Int, stride: Int? = nil) {
        self.base = base; self.rows = rows; self.columns = columns; self.stride = stride ?? columns
    }

    /// Rows `range` of this view (same columns and stride).
    public func rows(_ range: Range<Int>) -> MatrixView {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "row range outside the view")
        return MatrixView(base: base + range.lowerBound * stride, rows: range.count, columns: columns, stride: stride)
    }

    /// Columns `range` of this view (same rows and stride).
    public func columns(_ range: Range<Int>) -> MatrixView {
        precondition(range.lowerBound >= 0 && range.upperBound <= columns, "column range outside the view")
        return MatrixView(base: base + range.lowerBound, rows: rows, columns: range.count, stride: stride)
    }

    /// Pointer to the first element of row `r`.
    @inline(__always) public func row(_ r: Int) -> UnsafeMutablePointer<Float> { base + r * stride }

    public subscript(r: Int, c: Int) -> Float {
        get { base[r * stride + c] }
        nonmutating set { base[r * stride + c] = newValue }
    }

    /// Copies `source` (same shape) into this view, row by row.
    public func copy(from source: MatrixView) {
        precondition(source.rows == rows && source.columns == columns, "copy between different shapes")
        for r in 0..<rows { row(r).update(from: source.row(r), count: columns) }
    }
}
