import Workload

/// The shape of one transformer layer as the reference kernels run it.
///
/// Attention: `heads` query heads of width `headDim`, `kvHeads` key/value heads (grouped-query
/// when fewer), over `seq` tokens, causal or not. FFN: `ffn` inner width, plain (GELU, tanh
/// approximation) or gated (SwiGLU, two input projections). Biases are left out: the `matmul`
/// convention does not count them and they cost no GEMM.
public struct LayerShape: Codable, Sendable, Equatable, CustomStringConvertible {
    /// LayerNorm or RMSNorm (the architecture types' own enum).
    public typealias NormKind = NormSpec.Kind

    /// Residual-stream width `d_model`.
    public var dModel: Int
    public var heads: Int
    /// Key/value heads; must divide `heads`.
    public var kvHeads: Int
    public var headDim: Int
    /// Tokens in the sequence (one sequence, batch 1).
    public var seq: Int
    /// FFN inner width (`d_ff`, `intermediate_size`); a gated FFN has two input projections of it.
    public var ffn: Int
    /// SwiGLU (`true`) or GELU (`false`).
    public var gated: Bool
    public var norm: NormSpec.Kind
    /// Causal self-attention (decoders) or bidirectional (encoders).
    public var causal: Bool

    /// GPT-2-small's layer over 512 tokens, the NumPy peer's default: d 768, 12 heads, FFN 3072.
    public static let `default` = LayerShape(
        dModel: 768, heads: 12, kvHeads: 12, headDim: 64, seq: 512, ffn: 3072, gated: false,
        norm: .layerNorm, causal: true)

    /// A shape given field by field; call `validate()` before allocating for it.
    public init(
        dModel: Int, heads: Int, kvHeads: Int? = nil, headDim: Int? = nil, seq: Int, ffn: Int,
        gated: Bool = false, norm: NormSpec.Kind = .layerNorm, causal: Bool = true
    ) {
        self.dModel = dModel; self.heads = heads; self.kvHeads = kvHeads ?? heads
        self.headDim = headDim ?? (heads > 0 ? dModel / heads : 0)
        self.seq = seq; self.ffn = ffn; self.gated = gated; self.norm = norm; self.causal = causal
    }

    /// One layer of `stack` at width `dModel` over `seq` tokens. A mixture-of-experts stack is run
    /// as one dense routed expert (Qwen-MoE's are narrower than its dense FFN), the shape of the
    /// GEMMs its expert layers issue.
    public init(stack: StackSpec, dModel: Int, seq: Int) {
        self.init(
            dModel: dModel, heads: stack.attention.heads, kvHeads: stack.attention.kvHeads,
            headDim: stack.attention.headDim, seq: seq,
            ffn: stack.moe?.expert(of: stack.ffn).intermediateSize ?? stack.ffn.intermediateSize,
            gated: stack.ffn.gated, norm: stack.norm.kind, causal: stack.causal)
    }

    /// A layer of `model`'s decoder stack (its encoder stack when it has no decoder) over `seq`
    /// tokens, so `LayerShape(model: llama2_7b, seq: 512)` measures Llama-2-7B's real layer.
    public init(model: ModelSpec, seq: Int) throws {
        guard let stack = model.decoder ?? model.encoder else {
            throw HostBenchError.invalidShape(field: "model", reason: "\(model.name) has neither a decoder nor an encoder stack")
        }
        self.init(stack: stack, dModel: model.hiddenSize, seq: seq)
        try validate()
    }

    /// Width of the fused Q|K|V projection: `(heads + 2·kvHeads)·headDim`.
    public var qkvWidth: Int { (heads + 2 * kvHeads) * headDim }
    /// Width of the concatenated head outputs: `heads·headDim`.
    public var attentionWidth: Int { heads * headDim }
    /// Query heads sharing one key/value head.
    public var groupSize: Int { heads / kvHeads }
    /// Columns of the FFN's input projection: `ffn`, or `2·ffn` gated.
    public var ffnInputWidth: Int { gated ? 2 * ffn : ffn }

    public var description: String {
        "d=\(dModel) heads=\(heads) kv_heads=\(kvHeads) head_dim=\(headDim) seq=\(seq) ffn=\(ffn)"
            + " \(gated ? "swiglu" : "gelu") \(norm.rawValue)\(causal ? " causal" : "")"
    }

    enum CodingKeys: String, CodingKey {
        case dModel = "d_model", heads, kvHeads = "kv_heads", headDim = "head_dim", seq, ffn, gated, norm, causal
    }
}
