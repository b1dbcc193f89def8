/// How many aten operators eager PyTorch calls for one pass, per layer and outside the layers,
/// as `torch.profiler` counts them (every `aten::` event, wrappers and views included): the
/// launches that cost dispatch time whether or not they move data.
///
/// Counted with transformers 5.23 / torch 2.13 on models built with 1 and 2 layers (the difference
/// is one layer; the rest is the model level), 64 tokens, eager attention:
/// the call-counting mode of `scripts/pytorch-host/time_pytorch.py`. The counts do not depend on the
/// sequence length or the host.
public struct EagerCallCounts: Sendable, Equatable {
    public struct Calls: Sendable, Equatable {
        /// Per layer; of a mixture with dense layers, per expert layer, `perExpert` calls of each
        /// expert not included.
        public var perLayer: Int
        public var modelLevel: Int
        /// Per expert of an expert layer: the CPU's `_grouped_mm` loops over every expert, with
        /// rows or none (0: already in `perLayer`, for the one expert count traced).
        public var perExpert: Int = 0
        /// Per dense layer of a mixture (nil: as `perLayer`).
        public var perDenseLayer: Int? = nil

        /// Calls of `layers` layers of which `sparse` hold `experts` experts each.
        func inLayers(_ layers: Int, sparse: Int, experts: Int) -> Int {
            (perLayer + perExpert * experts) * sparse + (perDenseLayer ?? perLayer) * (layers - sparse)
        }
    }

    public var forward: Calls
    public var decode: Calls
    public var training: Calls

    public subscript(_ pass: EagerPass) -> Calls {
        switch pass {
        case .forward: forward
        case .decode: decode
        case .training: training
        }
    }

    /// GPT-2 (`gpt2`): Conv1D `addmm`s, `gelu_new`, learned positions, tied head.
    static let gpt2 = EagerCallCounts(forward: .init(perLayer: 145, modelLevel: 139), decode: .init(perLayer: 155, modelLevel: 106),
                                      training: .init(perLayer: 352, modelLevel: 221))
    /// Llama-style (`llama`; Qwen2 adds three bias `add`s per layer): RMSNorm, rotary, SwiGLU, GQA.
    static let llama = EagerCallCounts(forward: .init(perLayer: 234, modelLevel: 161), decode: .init(perLayer: 243, modelLevel: 128),
                                       training: .init(perLayer: 618, modelLevel: 261))
    static let qwen2 = EagerCallCounts(forward: .init(perLayer: 237, modelLevel: 161), decode: .init(perLayer: 234, modelLevel: 128),
                                       training: .init(perLayer: 631, modelLevel: 261))

    /// BERT (`bert`, as `BertModel`): post-norm LayerNorms, biased `addmm`s, erf GELU, no mask,
    /// the pooler; no decode step; training's loss is `last_hidden_state.sum()`.
    static let bert = EagerCallCounts(forward: .init(perLayer: 145, modelLevel: 61), decode: .init(perLayer: 0, modelLevel: 0),
                                      training: .init(perLayer: 400, modelLevel: 113))

    /// T5 (`t5`, as `T5ForConditionalGeneration`), per encoder + decoder layer pair (both depths
    /// set to 1, then 2): relative position bias, T5's RMSNorm, ReLU FFN, cross-attention, tied
    /// head scaled by d^-½. A decode step runs the decoder alone.
    static let t5 = EagerCallCounts(forward: .init(perLayer: 458, modelLevel: 280), decode: .init(perLayer: 266, modelLevel: 174),
                                    training: .init(perLayer: 1234, modelLevel: 467))
    /// T5 v1.1 (`t5-v1_1-base`): a gated FFN with the composed `gelu_new`, an unscaled head.
    static let t5Gated = EagerCallCounts(forward: .init(perLayer: 530, modelLevel: 275), decode: .init(perLayer: 302, modelLevel: 169),
                                         training: .init(perLayer: 1416, modelLevel: 457))

    /// Qwen2-MoE (`qwen2_moe`, `qwen1.5-moe-a2.7b`): Qwen2's attention, then the shared expert,
    /// the router and two `_grouped_mm`s, which on the CPU loop over all 60 experts (a dozen aten
    /// calls each, rows or none), so a decode step launches nearly as many calls as a forward.
    static let qwen2Moe = EagerCallCounts(forward: .init(perLayer: 1768, modelLevel: 305), decode: .init(perLayer: 1673, modelLevel: 191),
                                          training: .init(perLayer: 5342, modelLevel: 471))

    /// DeepSeek-V2 (`deepseek_v2`, `deepseek-v2-lite`; the call-counting mode of `time_pytorch.py`
    /// builds it with 1 and 2 expert layers, with one dense layer before an expert layer, and with
    /// half the experts): latent attention (no query latent, greedy routing; a query latent or group-limited
    /// routing adds about ten calls per layer, not counted), the dense first layers' MLP, the
    /// experts' `_grouped_mm` loop.
    static let deepseekV2 = EagerCallCounts(
        forward: .init(perLayer: 392, modelLevel: 158, perExpert: 25, perDenseLayer: 274),
        decode: .init(perLayer: 391, modelLevel: 123, perExpert: 22, perDenseLayer: 253),
        training: .init(perLayer: 954, modelLevel: 258, perExpert: 78, perDenseLayer: 741))

    /// The counts of `family` (T5's by its FFN), or of the closest traced family (Llama's for
    /// other rotary models, GPT-2's for learned-position ones).
    static func of(family: String, gatedFFN: Bool = false) -> EagerCallCounts {
        switch family {
        case "gpt2": gpt2
        case "bert": bert
        case "qwen2": qwen2
        case "qwen2_moe": qwen2Moe
        case "deepseek_v2": deepseekV2
        case "t5": gatedFFN ? t5Gated : t5
        default: llama
        }
    }
}
