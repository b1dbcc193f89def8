/// The attention block's gradient buffers: weight gradients plus the scratch of the backward pass.
public final class AttentionGradients: @unchecked Sendable {
    /// `∂L/∂W_qkv`, `d × qkvW`.
    public let qkvWeight: Matrix
    /// `∂L/∂W_o`, `h·d_k × d`.
    public let outputWeight: Matrix
    /// `∂L/∂O` (concatenated heads) and `∂L/∂QKV`.
    let context: Matrix
    let qkv: Matrix
    /// One `S × S` score-gradient scratch per worker.
    let scores: [Matrix]
    /// Per-query-head K and V gradients, summed into their shared K/V head afterwards (GQA only).
    let headKeys: Matrix?
    let headValues: Matrix?

    init(shape: LayerShape, workers: Int) {
        qkvWeight = Matrix(rows: shape.dModel, columns: shape.qkvWidth)
        outputWeight = Matrix(rows: shape.attentionWidth, columns: shape.dModel)
        context = Matrix(rows: shape.seq, columns: shape.attentionWidth)
        qkv = Matrix(rows: shape.seq, columns: shape.qkvWidth)
        scores = (0..<workers).map { _ in Matrix(rows: shape.seq, columns: shape.seq) }
        let grouped = shape.groupSize > 1
        headKeys = grouped ? Matrix(rows: shape.seq, columns: shape.attentionWidth) : nil
        headValues = grouped ? Matrix(rows: shape.seq, columns: shape.attentionWidth) : nil
    }
}
