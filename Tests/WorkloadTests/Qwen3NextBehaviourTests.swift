import Foundation
import Testing
@testable import Workload

/// How llmcost reads and counts Qwen3-Next beyond the whole-model reference figures
/// (`hf_qwen3next.json`): the delta rule alone against FlopCounterMode, its padding to whole
/// chunks, the recurrent decode step, the fixed state, the importer's layouts and refusals.
@Suite struct Qwen3NextBehaviourTests {
    private func imported(_ json: String) throws -> ModelSpec {
        try HuggingFaceConfig.importConfig(Data(json.utf8), file: "config.json", name: "m").spec
    }

    private var catalogSpec: ModelSpec { get throws { try ModelLoader.load("qwen3-next-80b-a3b", catalog: Fixtures.catalog).spec } }

    /// `torch_chunk_gated_delta_rule` alone under FlopCounterMode (torch 2.13, transformers 5.23),
    /// forward and forward + `sum().backward()` with q, k, v, g, β requiring gradients and no
    /// initial state: (batch, seq, key heads, value heads, dk, dv, forward, training).
    static let measuredRule: [(Int, Int, Int, Int, Int, Int, Int128, Int128)] = [
        (1, 16, 2, 4, 8, 12, 1_064_960, 3_653_632),
        (2, 37, 2, 2, 16, 8, 1_507_328, 5_046_272),
        (1, 64, 1, 2, 8, 8, 442_368, 1_523_712),
        (1, 100, 2, 4, 8, 16, 2_490_368, 8_781_824),
        (2, 130, 2, 4, 16, 8, 9_043_968, 31_326_208),
    ]

    @Test func deltaRuleAloneMatchesFlopCounterModeForwardAndBackward() {
        for (b, s, hk, hv, dk, dv, forward, training) in Self.measuredRule {
            let l = LinearAttentionSpec(keyHeads: hk, valueHeads: hv, keyHeadDim: dk, valueHeadDim: dv)
            let op = Operation(.linearAttentionCore, .gatedDeltaRule(l))
            let pass = StackPass(batch: b, queries: s)
            let f = pass.flops(op, .matmul) ?? .zero
            #expect(f.value == forward, "forward \(b)×\(s)")
            #expect((f + pass.backwardFlops(op, forward: f)).value == training, "training \(b)×\(s)")
        }
    }

    /// The sequence is padded to whole chunks of 64: 1 and 64 tokens cost one chunk, 65 two.
    @Test func chunkedRuleCountsWholePaddedChunks() {
        let l = LinearAttentionSpec(keyHeads: 16, valueHeads: 32, keyHeadDim: 128, valueHeadDim: 128)
        let op = Operation(.linearAttentionCore, .gatedDeltaRule(l))
        func flops(_ s: Int) -> ExactCount { StackPass(batch: 1, queries: s).flops(op, .matmul) ?? .zero }
        #expect(flops(1) == flops(64))
        #expect(flops(65) == 2 * flops(64))
        #expect(flops(130) == 3 * flops(64))
        // Per chunk and value head: 2·(2·64²·128 + 64²·128 + 3·64·128²).
        let perHead: Int = 2 * 64 * 64 * 128 + 64 * 64 * 128 + 3 * 64 * 128 * 128
        #expect(flops(64) == ExactCount(64 * perHead))
    }

    /// A cached one-token step runs the recurrent rule: element-wise only — nothing under matmul
    /// or causal, `7·dk·dv + 2·dv` per value head under full; a multi-token call on a cache
    /// runs the chunked rule again.
    @Test func recurrentStepHasNoMatrixProducts() {
        let l = LinearAttentionSpec(keyHeads: 2, valueHeads: 4, keyHeadDim: 8, valueHeadDim: 12)
        let op = Operation(.linearAttentionCore, .gatedDeltaRule(l))
        let step = StackPass(batch: 3, queries: 1, past: 40)
        #expect(step.flops(op, .matmul) == .zero)
        #expect(step.flops(op, .causal) == .zero)
        let elementwise: Int = 3 * 4 * (7 * 8 * 12 + 2 * 12)
        #expect(step.flops(op, .full) == ExactCount(elementwise))
        #expect(StackPass(batch: 3, queries: 5, past: 40).flops(op, .matmul) == StackPass(batch: 3, queries: 5).flops(op, .matmul))
    }

    /// Decode grows with the context only through the 12 full-attention layers' scores and values.
    @Test func decodeGrowsOnlyInTheFullAttentionLayers() throws {
        let counter = try FlopCounter(spec: try catalogSpec)
        let near = try counter.decode(batch: 2, context: 100).total, far = try counter.decode(batch: 2, context: 100_100).total
        // 2 products · 2 FLOPs · batch 2 · 100,000 more keys · 12 layers · 16 heads · 256.
        let growth: Int128 = 8 * 100_000 * 12 * 16 * 256
        #expect(far - near == growth)
    }

    /// The 36 linear-attention layers keep a fixed conv window and state; only the 12
    /// full-attention layers add K and V per token.
    @Test func cacheIsKeysAndValuesOfTheAttentionLayersAndAFixedState() throws {
        let stack = try #require(ModelOperations(try catalogSpec).stacks.first)
        #expect(stack.cachedElementsPerToken == ExactCount(12 * 2 * 2 * 256))
        let perLayer: Int = (2 * 2048 + 4096) * 4 + 32 * 128 * 128
        #expect(stack.recurrentElementsPerSequence == ExactCount(36 * perLayer))
        let memory = MemoryEstimator(spec: try catalogSpec)
        let short = try memory.report(batch: 1, seq: 1000), long = try memory.report(batch: 1, seq: 2000)
        let state = { (r: MemoryReport) in r.kvCache.components.first { $0.name == "recurrent_state" }?.bytes }
        #expect(state(short) != nil && state(short) == state(long))
    }

    /// The catalog entry: the published total, and what one token touches.
    @Test func catalogTotalAndActiveParameters() throws {
        let report = try ParameterCount.report(for: try catalogSpec)
        #expect(report.total == 79_674_391_296)
        // Everything but the 502 unchosen experts of 512 in each of the 48 layers (3·2048·512 each).
        let idle: Int128 = 48 * 502 * 3 * 2048 * 512
        #expect(report.active == 79_674_391_296 - idle)
    }

    /// Without `layer_types` every 4th layer is full attention; `mlp_only_layers` and
    /// `decoder_sparse_step` decide which of them hold experts — counted without a loop.
    @Test(arguments: [
        // (extra fields, full-attention layers, of them with experts, dense layers)
        (#""full_attention_interval": 4"#, 3, 3, 0),
        (#""full_attention_interval": 4, "decoder_sparse_step": 2"#, 3, 3, 6),
        (#""full_attention_interval": 4, "decoder_sparse_step": 3"#, 3, 1, 8),
        (#""full_attention_interval": 3, "mlp_only_layers": [2, 4]"#, 4, 3, 2),
        (#""layer_types": ["full_attention", "linear_attention", "full_attention", "linear_attention", "linear_attention", "linear_attention", "linear_attention", "linear_attention", "linear_attention", "linear_attention", "linear_attention", "full_attention"], "decoder_sparse_step": 2"#, 3, 1, 6),
        (#""num_experts": 0"#, 3, 0, 12),
    ])
    func layoutOfAttentionAndExpertLayers(fields: String, attention: Int, withExperts: Int, dense: Int) throws {
        let spec = try imported(#"{"model_type": "qwen3_next", "hidden_size": 32, "num_hidden_layers": 12, "num_attention_heads": 4, "head_dim": 8, "vocab_size": 50, "#
            + fields + "}")
        let d = try #require(spec.decoder)
        #expect(d.hybrid?.attentionLayers == attention)
        #expect(d.hybrid?.attentionLayersWithExperts == withExperts)
        #expect((d.moe?.denseLayers ?? d.layers) == dense)
        #expect(d.attention.outputGate && d.attention.qkNorm == .perHead)
        #expect(d.positions.rotaryDimensions == 2)          // int(8 × 0.25)
        #expect(d.linearAttention == LinearAttentionSpec(keyHeads: 16, valueHeads: 32, keyHeadDim: 128, valueHeadDim: 128))
    }

    @Test func valueHeadsThatAreNotAMultipleOfTheKeyHeadsAreRefused() {
        _ = expectSpecError(field: "linear_num_value_heads") {
            try imported(#"{"model_type": "qwen3_next", "linear_num_key_heads": 3, "linear_num_value_heads": 4}"#)
        }
    }

    @Test func layerTypesOfAnotherKindAreRefused() {
        _ = expectSpecError(field: "layer_types") {
            try imported(#"{"model_type": "qwen3_next", "num_hidden_layers": 2, "layer_types": ["linear_attention", "sliding_attention"]}"#)
        }
        _ = expectSpecError(field: "layer_types") {
            try imported(#"{"model_type": "qwen3_next", "num_hidden_layers": 3, "layer_types": ["linear_attention", "full_attention"]}"#)
        }
    }

    /// A spec file gives one mixer per stack, and whole value heads per key head.
    @Test func specWithTwoMixersOrSplitValueHeadsIsRefused() throws {
        var spec = try catalogSpec
        spec.decoder?.linearAttention?.valueHeads = 24
        _ = expectSpecError(field: "decoder.linearAttention.valueHeads") { try spec.validated(file: "q.yaml") }
        spec = try catalogSpec
        spec.decoder?.stateSpace = StateSpaceSpec(variant: .mamba, innerSize: 64, stateSize: 8, convKernel: 4, timeStepRank: 4)
        _ = expectSpecError(field: "decoder.linearAttention") { try spec.validated(file: "q.yaml") }
    }

    /// Gated DeltaNet is modelled in Qwen3-Next's sequential layout only: the single-block and
    /// parallel layouts (Nemotron-H, Falcon-H1) and µP multipliers are refused, naming the field.
    @Test func linearAttentionOutsideTheSequentialLayoutIsRefused() throws {
        for blocks in [HybridLayout.Blocks.single, .parallel] {
            var spec = try catalogSpec
            spec.decoder?.hybrid?.blocks = blocks
            let layers = spec.decoder?.layers ?? 0
            if blocks == .parallel { spec.decoder?.hybrid?.attentionLayers = layers }
            _ = expectSpecError(field: "decoder.hybrid.blocks") { try spec.validated(file: "q.yaml") }
        }
        var spec = try catalogSpec
        spec.decoder?.hybrid?.multipliers = true
        _ = expectSpecError(field: "decoder.hybrid.multipliers") { try spec.validated(file: "q.yaml") }
    }

    /// Training: every weight GEMM and attention product is 3 × its forward, the delta rule is
    /// not (its excess over 2 × forward, `c·C²·(dk + dv) − 4·C·dk·dv` per head, happens to vanish
    /// at dk = dv = 128 and exactly 4 chunks; 100 tokens are 2), and the notes and formula say so.
    @Test func trainingExplainsTheDeltaRulesBackward() throws {
        let counter = try FlopCounter(spec: try catalogSpec)
        let train = try counter.train(batch: 1, seq: 100), forward = try counter.prefill(batch: 1, seq: 100)
        let rule = try #require(train.components.first { $0.name == "gdn_delta_rule" })
        let ruleForward = try #require(forward.components.first { $0.name == "gdn_delta_rule" })
        #expect(rule.flops != 3 * ruleForward.flops)
        #expect(rule.formula.contains("not 3 × forward"))
        #expect(train.notes.contains { $0.description.contains("gated delta rule") })
        let projection = try #require(train.components.first { $0.name == "gdn_in_proj" })
        #expect(projection.flops == 3 * (forward.components.first { $0.name == "gdn_in_proj" }?.flops ?? .zero))
    }
}
