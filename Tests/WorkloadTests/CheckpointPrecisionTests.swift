import Foundation
import Testing
@testable import Workload

/// How a checkpoint stores its weights (`quantization_config`): FP8 with block scales counted
/// per matrix shape, the importer's reading and refusals, the spec field's validation, and a
/// named dtype overriding it. (The full-size FP8 figures against transformers' own FP8
/// integration are in `FamilyReferenceTests`; gpt-oss's MXFP4 in `GptOssBehaviourTests`.)
@Suite struct CheckpointPrecisionTests {
    static let fp8 = CheckpointPrecision(linear: .fp8, blockSize: [128, 128])

    static func deepSeekV3() throws -> ModelSpec { try ModelLoader.load("deepseek-v3", catalog: Fixtures.catalog).spec }

    static func config(_ quantization: String, type: String = "llama") throws -> LoadedModel {
        let json = #"{"model_type": "\#(type)", "hidden_size": 256, "intermediate_size": 640, "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 1, "vocab_size": 1000, "max_position_embeddings": 4096, "quantization_config": \#(quantization)}"#
        return try HuggingFaceConfig.importConfig(Data(json.utf8), file: "c.json", name: "c")
    }

    /// DeepSeek-V3's attention scales, matrix by matrix: q_a 7168→1536 (12×56 blocks), q_b
    /// 1536→24576 (192×12), kv_a_proj_with_mqa 7168→576 (5×56: 576 is not a multiple of 128),
    /// kv_b 512→32768 (256×4), o 16384→7168 (56×128) — 11,448 fp32 scales per layer, 61 layers.
    @Test func fp8ScalesAreCeilDividedPerMatrixShape() throws {
        let spec = try Self.deepSeekV3()
        let report = try MemoryEstimator(spec: spec, checkpoint: spec.checkpointPrecision).report(batch: 1, seq: 16)
        let attention = try #require(report.weights.components.first { $0.name == "attention" })
        let values = try #require(try ParameterCount.report(for: spec).components.first { $0.name == "attention" }).parameters
        let scales = 12 * 56 + 192 * 12 + 5 * 56 + 256 * 4 + 56 * 128
        #expect(attention.bytes == values + ExactCount(61 * scales * 4))
        // An average over the values (one scale per 16,384) would miss the partial blocks of kv_a_proj_with_mqa.
        #expect(attention.bytes != values + (values / ExactCount(16_384)) * ExactCount(4))
    }

    /// Embedding, LM head, router and norms stay bf16; a named dtype prices every weight at it.
    @Test func embeddingHeadRouterAndNormsStayBF16AndADtypeOverrides() throws {
        let spec = try Self.deepSeekV3()
        let parameters = try ParameterCount.report(for: spec)
        let report = try MemoryEstimator(spec: spec, checkpoint: spec.checkpointPrecision).report(batch: 1, seq: 16)
        for name in ["token_embedding", "lm_head", "router", "norms", "latent_norms", "final_norm"] {
            let p = try #require(parameters.components.first { $0.name == name }).parameters
            #expect(report.weights.components.first { $0.name == name }?.bytes == p * ExactCount(2), "\(name)")
        }
        #expect(report.weights.title.contains("fp8"))
        #expect(report.notes.contains { $0.contains("fp8") && $0.contains("128×128") })
        let bf16 = try MemoryEstimator(spec: spec, weightType: .bf16).report(batch: 1, seq: 16)
        #expect(bf16.weights.total == 2 * 671_026_404_352)
        #expect(bf16.checkpoint == nil)
    }

    /// The checkpoint files' extras: the MTP module at the same precision (its bf16 eh_proj, norms,
    /// embedding and head copies) and the fp32 score-correction biases, named beside the total.
    @Test func theFilesExtrasAreNamedBesideTheBuiltWeights() throws {
        let spec = try Self.deepSeekV3()
        let estimator = MemoryEstimator(spec: spec, checkpoint: spec.checkpointPrecision)
        let extra = estimator.checkpointFileExtraBytes(Self.fp8)
        // 59 router biases (58 sparse layers + the module) × 256 × 4 bytes, and the module's copies in bf16 alone exceed 3.7 GB.
        #expect(extra > ExactCount(59 * 256 * 4 + 2 * 2 * 129_280 * 7168))
        #expect(try estimator.report(batch: 1, seq: 16).notes.contains { $0.contains("\(extra) bytes") })
    }

    @Test func anFP8QuantizationConfigIsReadForAnyModelType() throws {
        let loaded = try Self.config(#"{"quant_method": "fp8", "fmt": "e4m3", "activation_scheme": "dynamic", "weight_block_size": [128, 128]}"#)
        #expect(loaded.spec.checkpointPrecision == Self.fp8)
        #expect(loaded.warnings.isEmpty)
        // Without a block size: one scale per matrix (per-tensor quantisation).
        let perTensor = try Self.config(#"{"quant_method": "fp8"}"#).spec
        #expect(perTensor.checkpointPrecision == CheckpointPrecision(linear: .fp8))
        let report = try MemoryEstimator(spec: perTensor, checkpoint: perTensor.checkpointPrecision).report(batch: 1, seq: 8)
        let ffn = try #require(report.weights.components.first { $0.name == "ffn" })
        #expect(ffn.bytes == ExactCount(2 * 3 * 256 * 640 + 2 * 3 * 4))
    }

    @Test func anUnknownMethodIsOneWarningNamingTheFieldAndWeightsStayBF16() throws {
        let loaded = try Self.config(#"{"quant_method": "gptq", "bits": 4}"#)
        #expect(loaded.spec.checkpointPrecision == nil)
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("'quantization_config.quant_method' = \"gptq\"") == true)
        let unlisted = try Self.config(#"{"quant_method": "fp8", "weight_block_size": [128, 128], "modules_to_not_convert": ["lm_head", "model.layers.0.mlp.gate", "model.layers.1.self_attn"]}"#)
        #expect(unlisted.warnings.count == 1)
        #expect(unlisted.warnings.first?.contains("model.layers.1.self_attn") == true)
    }

    @Test(arguments: [
        (#"{"quant_method": "fp8", "weight_block_size": [0, 128]}"#, "quantization_config.weight_block_size"),
        (#"{"quant_method": "fp8", "weight_block_size": [-128, 128]}"#, "quantization_config.weight_block_size"),
        (#"{"quant_method": "fp8", "weight_block_size": [128]}"#, "quantization_config.weight_block_size"),
        (#"{"quant_method": "fp8", "weight_block_size": [128, 1.5]}"#, "quantization_config.weight_block_size"),
        (#"{"quant_method": "fp8", "weight_block_size": "128"}"#, "quantization_config.weight_block_size"),
        (#"{"quant_method": "fp8", "fmt": "e3m4"}"#, "quantization_config.fmt"),
        (#"{"quant_method": 8}"#, "quantization_config.quant_method"),
        (#"{"quant_method": "fp8", "modules_to_not_convert": "lm_head"}"#, "quantization_config.modules_to_not_convert"),
        (#"[1]"#, "quantization_config"),
    ])
    func badQuantizationConfigIsOneErrorNamingTheField(quantization: String, field: String) {
        expectSpecError(field: field) { try Self.config(quantization) }
    }

    static let yaml = """
        vocabularySize: 100
        hiddenSize: 256
        decoder:
          layers: 2
          attention: {heads: 2, headDim: 128}
          ffn: {intermediateSize: 320, gated: true, activation: silu}
          norm: {kind: rmsnorm}
        """

    @Test(arguments: [
        ("{linear: fp8, blockSize: [0, 128]}", "checkpointPrecision.blockSize"),
        ("{linear: fp8, blockSize: [128]}", "checkpointPrecision.blockSize"),
        ("{linear: mxfp4, blockSize: [128, 128]}", "checkpointPrecision.blockSize"),
        ("{experts: mxfp4}", "checkpointPrecision.experts"),
        ("{blockSize: [128, 128]}", "checkpointPrecision"),
        ("{linear: fp4}", "checkpointPrecision.linear"),
    ])
    func badSpecFieldIsOneErrorNamingTheField(value: String, field: String) {
        let text = Self.yaml + "\ncheckpointPrecision: \(value)\n"
        expectSpecError(field: field) { try ModelLoader.load(data: Data(text.utf8), path: "s.yaml") }
    }

    /// A spec file's fp8 storage: the FFN's 320 outputs are 3 blocks of 128 (one partial).
    @Test func aSpecFileCarriesFP8Storage() throws {
        let text = Self.yaml + "\ncheckpointPrecision: {linear: fp8, blockSize: [128, 128]}\n"
        let spec = try ModelLoader.load(data: Data(text.utf8), path: "s.yaml").spec
        let report = try MemoryEstimator(spec: spec, checkpoint: spec.checkpointPrecision).report(batch: 1, seq: 8)
        // gate and up (320 × 256: 3 × 2 blocks), down (256 × 320: 2 × 3 blocks), two layers.
        #expect(report.weights.components.first { $0.name == "ffn" }?.bytes == ExactCount(2 * (3 * 320 * 256 + 3 * 6 * 4)))
    }

    /// Every catalog model's stored matrices fit inside its weights (the rest being biases and
    /// vectors): the shapes the quantised bytes are computed from are the weights counted.
    @Test func storedMatricesAreWithinEveryOperationsWeights() throws {
        for entry in try Fixtures.catalog.contents() {
            let spec = try ModelLoader.load(entry.name, catalog: Fixtures.catalog).spec
            for decode in [LatentAttentionDecode.transformers, .absorbed] {
                let ops = ModelOperations(spec, latentDecode: decode)
                let all = ops.head + ops.stacks.flatMap { $0.once + $0.layers.flatMap(\.operations) }
                for op in all where op.weights != nil {
                    let matrices = op.storedMatrices.reduce(ExactCount.zero) { $0 + $1.elements }
                    #expect(matrices <= op.weights!.count, "\(entry.name) \(String(describing: op.component))")
                    if op.weights?.group == .attention, !(spec.decoder?.attention.qkvBias ?? true), !(spec.decoder?.attention.outputBias ?? true),
                       spec.decoder?.stateSpace == nil, spec.encoder == nil {
                        #expect(matrices == op.weights!.count, "\(entry.name): a bias-free attention weight is all matrix")
                    }
                }
            }
        }
    }
}
