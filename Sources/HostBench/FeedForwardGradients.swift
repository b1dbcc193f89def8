/// The FFN block's gradient buffers.
public final class FeedForwardGradients: @unchecked Sendable {
    /// `∂L/∂W₁` (`d × F` or `d × 2F`) and `∂L/∂W₂` (`F × d`).
    public let inputWeight: Matrix
    public let outputWeight: Matrix
    /// `∂L/∂A` and `∂L/∂U`.
    let activation: Matrix
    let preActivation: Matrix

    init(shape: LayerShape) {
        inputWeight = Matrix(rows: shape.dModel, columns: shape.ffnInputWidth)
        outputWeight = Matrix(rows: shape.ffn, columns: shape.dModel)
        activation = Matrix(rows: shape.seq, columns: shape.ffn)
        preActivation = Matrix(rows: shape.seq, columns: shape.ffnInputWidth)
    }
}
