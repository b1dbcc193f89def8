/// Which operations a FLOP count includes. One multiply-add is 2 FLOPs; a GEMM of
/// (m×k)·(k×n) is `2·m·n·k`. Conventions are never mixed within one figure.
public enum Convention: String, Sendable, CaseIterable, Codable {
    /// Every matrix product; attention scores and attention·values over the full query×key
    /// rectangle (no causal halving); the LM head; no element-wise work. What PyTorch's
    /// `FlopCounterMode` reports for a Hugging Face model with eager attention, and Megatron-LM's formula.
    case matmul
    /// As `matmul`, but causal attention products only over the causal triangle (and a sliding
    /// window's band), as a FlashAttention kernel computes them.
    case causal
    /// `matmul` plus element-wise work at the per-element costs of `ElementwiseCost`
    /// (Hoffmann et al. 2022, Appendix F, extended to norms, activations, residuals and rotary).
    case full
    /// Kaplan et al. 2020, Table 1: `2·N_nonembedding + 2·n_layer·n_ctx·d_attn` per token.
    case kaplan
    /// The seeds' rule of thumb: `2·N` per token forward, `6·N` per token training.
    case rule

    /// One line saying what the convention counts, printed beside every figure.
    public var summary: String {
        switch self {
        case .matmul: "matrix products only, full query×key attention (PyTorch FlopCounterMode, Megatron-LM)"
        case .causal: "matrix products only, causal attention over the triangle (FlashAttention)"
        case .full: "matrix products + element-wise work (softmax, norms, activations, residuals, rotary, biases)"
        case .kaplan: "2·N_nonembedding + 2·n_layer·n_ctx·d_attn per token (Kaplan et al. 2020)"
        case .rule: "2·N per token forward, 6·N per token training (rule of thumb)"
        }
    }
}

/// Per-element FLOP costs the `full` convention charges for element-wise work. Stated, not
/// measured: they follow Chinchilla's Appendix F where it gives one (softmax = 3) and count the
/// arithmetic of the usual formula elsewhere.
public enum ElementwiseCost {
    /// exp, running sum, divide per attention score (Chinchilla).
    public static let softmaxPerScore = 3
    /// Multiplying each score by 1/√d_head.
    public static let scalePerScore = 1
    /// Adding the causal (or padding) mask to each score.
    public static let maskPerScore = 1
    /// LayerNorm: mean, subtract, square, sum, multiply by 1/σ, scale (+ shift with bias).
    public static let layerNormPerElement = 6
    /// RMSNorm: square, sum, multiply by 1/rms, scale.
    public static let rmsNormPerElement = 4
    /// GELU (tanh or erf form): about 8 operations per element.
    public static let geluPerElement = 8
    /// SiLU: x·σ(x) = negate, exp, add, divide.
    public static let siluPerElement = 4
    public static let reluPerElement = 1
    /// Sigmoid: exponential, add, divide (Qwen2-MoE's shared-expert gate, once per token).
    public static let sigmoidPerElement = 3
    /// The element-wise product of a gated FFN's two branches.
    public static let gatePerElement = 1
    /// A residual add, a bias add, a position-embedding add.
    public static let addPerElement = 1
    /// gpt-oss's clamped SwiGLU before the gate product: clamp the gate, clamp the up branch,
    /// scale the gate by α, sigmoid (3), multiply by the gate, add 1 to the up branch.
    public static let clampedSwiGLUPerElement = 1 + 1 + 1 + sigmoidPerElement + 1 + 1
    /// Rotary: x·cos + rotate(x)·sin on each rotated dimension of q and k.
    public static let rotaryPerElement = 3

    /// Llama 4's weightless L2 norm of q and k: square, sum, multiply by 1/rms (no scale).
    public static let l2NormPerElement = 3
    /// Llama 4's query temperature, per position: `1 + s·log1p(⌊(p+1)/f⌋)` (add, divide, floor,
    /// log1p, multiply, add); then one multiply per query element.
    public static let temperaturePerPosition = 6

    static func qkNorm(_ scope: AttentionSpec.QKNorm, _ spec: NormSpec) -> Int {
        scope == .l2 ? l2NormPerElement : norm(spec)
    }

    static func norm(_ spec: NormSpec) -> Int {
        switch spec.kind {
        case .layerNorm: layerNormPerElement + (spec.bias ? 1 : 0)
        case .rmsNorm: rmsNormPerElement
        }
    }

    static func activation(_ a: Activation) -> Int {
        switch a {
        case .gelu, .geluTanh: geluPerElement
        case .silu: siluPerElement
        case .relu: reluPerElement
        // relu, then the square.
        case .relu2: reluPerElement + 1
        case .clampedSwiGLU: clampedSwiGLUPerElement
        }
    }
}
