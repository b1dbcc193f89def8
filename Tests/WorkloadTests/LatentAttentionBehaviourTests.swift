import Foundation
import Testing
@testable import Workload

/// What latent attention and DeepSeek MoE do beyond matching the reference: the two decode
/// conventions, the latent cache, the checkpoint extras, the class defaults and the refusals.
@Suite struct LatentAttentionBehaviourTests {
    static func catalog(_ name: String) throws -> ModelSpec { try ModelLoader.load(name, catalog: Fixtures.catalog).spec }

    static func importing(_ json: String) throws -> LoadedModel {
        try ModelLoader.load(data: Data(json.utf8), path: "config.json")
    }

    @Test func absorbedDecodeReplacesTheReExpansionOfEveryCachedLatent() throws {
        let spec = try Self.catalog("deepseek-v3")
        let l = try #require(spec.decoder?.attention.latent), H = 128, L = 61, B = 2, keys = 4096 + 1
        let expanded = try FlopCounter(spec: spec).decode(batch: B, context: 4096)
        let absorbed = try FlopCounter(spec: spec, latentDecode: .absorbed).decode(batch: B, context: 4096)
        func line(_ r: FlopReport, _ name: String) -> Int128 { r.components.first { $0.name == name }?.flops.value ?? -1 }
        let r = l.keyValueRank, nv = l.nopeHeadDim + l.valueHeadDim
        #expect(line(expanded, "attention_kv_b") == Int128(2 * B * keys * L * r * H * nv))
        #expect(line(absorbed, "attention_kv_b") == Int128(2 * B * L * H * r * nv))
        #expect(line(expanded, "attention_scores") == Int128(2 * B * keys * L * H * l.queryKeyHeadDim))
        #expect(line(absorbed, "attention_scores") == Int128(2 * B * keys * L * H * (r + l.ropeHeadDim)))
        #expect(line(absorbed, "attention_values") == Int128(2 * B * keys * L * H * r))
        // Everything else is the same work.
        #expect(line(expanded, "experts") == line(absorbed, "experts"))
        #expect(absorbed.total < expanded.total / 50)
        #expect(expanded.notes.contains { $0.description.contains("under the absorbed convention this step is \(absorbed.total) FLOPs") })
    }

    @Test func prefillIsTheExpandedFormUnderBothConventions() throws {
        let spec = try Self.catalog("deepseek-v2-lite")
        let a = try FlopCounter(spec: spec).prefill(batch: 2, seq: 300)
        let b = try FlopCounter(spec: spec, latentDecode: .absorbed).prefill(batch: 2, seq: 300)
        #expect(a.total == b.total)
    }

    @Test func generationAbsorbsOnlyItsDecodeSteps() throws {
        let spec = try Self.catalog("kimi-k2")
        let t = try FlopCounter(spec: spec), a = try FlopCounter(spec: spec, latentDecode: .absorbed)
        let gap = try t.generate(batch: 1, prompt: 100, newTokens: 2).report.total - a.generate(batch: 1, prompt: 100, newTokens: 2).report.total
        #expect(gap == (try t.decode(batch: 1, context: 100).total - a.decode(batch: 1, context: 100).total))
    }

    @Test func theCacheHoldsTheLatentAndTheReportSaysSo() throws {
        let memory = try MemoryEstimator(spec: Self.catalog("deepseek-v3")).report(batch: 1, seq: 1000)
        #expect(memory.kvCacheBytesPerToken == 61 * (512 + 64) * 2)
        #expect(memory.kvCache.components.map(\.name) == ["latent"])
        #expect(memory.kvCache.total == 61 * 576 * 2 * 1000)
        #expect(memory.notes.contains { $0.contains("compressed latent") && $0.contains("71.1× smaller") })
    }

    @Test func checkpointExtrasAreReportedNotCounted() throws {
        let spec = try Self.catalog("deepseek-v3")
        let extras = try spec.predictionModuleParameters()
        #expect(extras.module == 11_610_067_968)
        #expect(extras.copies == 2 * 129_280 * 7168)
        let notes = spec.checkpointExtraNotes()
        #expect(notes.count == 2)
        #expect(notes[1].contains("14848 values"))
        #expect(try Self.catalog("kimi-k2").checkpointExtraNotes().count == 1, "no MTP module, but the correction biases")
    }

    @Test func anAbsentFieldTakesDeepseekV3ConfigsDefaultWhichIsDeepSeekV3() throws {
        let loaded = try Self.importing(#"{"model_type": "deepseek_v3"}"#)
        #expect(try ParameterCount.report(for: loaded.spec).total == 671_026_404_352)
        #expect(loaded.spec.predictionModules == 1)
        #expect(loaded.warnings.first?.contains("DeepseekV3Config's defaults") == true)
    }

    @Test func aNullQueryRankMeansAPlainQueryProjection() throws {
        let spec = try Self.importing(#"{"model_type": "deepseek_v3", "q_lora_rank": null, "num_hidden_layers": 4}"#).spec
        #expect(spec.decoder?.attention.latent?.queryRank == nil)
    }

    @Test func kimiK2IsReadAsDeepSeekV3WithAWarning() throws {
        let loaded = try Self.importing(#"{"model_type": "kimi_k2", "n_group": 1, "topk_group": 1, "num_nextn_predict_layers": 0}"#)
        #expect(loaded.spec.family == "kimi_k2")
        #expect(loaded.spec.predictionModules == nil)
        #expect(loaded.warnings.contains { $0.contains("read as DeepSeek-V3") })
    }

    @Test func whatTransformersIgnoresIsReportedAndIgnored() throws {
        let loaded = try Self.importing(#"{"model_type": "deepseek_v3", "moe_layer_freq": 2, "scoring_func": "softmax", "num_key_value_heads": 8, "head_dim": 64}"#)
        for key in ["moe_layer_freq", "scoring_func", "num_key_value_heads", "head_dim"] {
            #expect(loaded.warnings.contains { $0.contains("'\(key)'") }, "\(key)")
        }
        #expect(try ParameterCount.report(for: loaded.spec).total == 671_026_404_352)
    }

    @Test func deepSeekV2RefusesWhatItsConfigClassRefuses() {
        expectSpecError(field: "num_attention_heads") { try Self.importing(#"{"model_type": "deepseek_v2", "hidden_size": 100, "num_attention_heads": 3, "num_experts_per_tok": 2}"#) }
        expectSpecError(field: "num_experts_per_tok") { try Self.importing(#"{"model_type": "deepseek_v2"}"#) }
        expectSpecError(field: "topk_method") { try Self.importing(#"{"model_type": "deepseek_v2", "num_experts_per_tok": 2, "topk_method": "noaux_tc"}"#) }
        expectSpecError(field: "first_k_dense_replace") { try Self.importing(#"{"model_type": "deepseek_v3", "first_k_dense_replace": null}"#) }
    }

    @Test func deepSeekV2MLPBiasReachesDenseAndSharedMLPsButNotTheRoutedExperts() throws {
        let spec = try Self.importing(#"{"model_type": "deepseek_v2", "num_experts_per_tok": 2, "mlp_bias": true}"#).spec
        let moe = try #require(spec.decoder?.moe)
        #expect(spec.decoder?.ffn.bias == true)
        #expect(moe.expert(of: spec.decoder!.ffn).bias == false)
        #expect(moe.sharedExpert(of: spec.decoder!.ffn)?.bias == true)
    }

    @Test func inconsistentLatentSpecsAreRefusedNamingTheField() throws {
        var spec = try Self.catalog("deepseek-v3")
        spec.decoder?.attention.kvHeads = 64
        expectSpecError(field: "decoder.attention.kvHeads") { try spec.validated(file: "s.yaml") }
        spec = try Self.catalog("deepseek-v3")
        spec.decoder?.attention.headDim = 128
        expectSpecError(field: "decoder.attention.headDim") { try spec.validated(file: "s.yaml") }
        spec = try Self.catalog("deepseek-v3")
        spec.decoder?.moe?.routing?.groups = 7
        expectSpecError(field: "decoder.moe.routing.groups") { try spec.validated(file: "s.yaml") }
        spec = try Self.catalog("deepseek-v3")
        spec.decoder?.moe?.routing?.topKGroups = 9
        expectSpecError(field: "decoder.moe.routing.topKGroups") { try spec.validated(file: "s.yaml") }
        spec = try Self.catalog("deepseek-v3")
        spec.decoder?.attention.latent?.ropeHeadDim = 63
        spec.decoder?.attention.headDim = 191
        expectSpecError(field: "decoder.attention.latent.ropeHeadDim") { try spec.validated(file: "s.yaml") }
    }

    @Test func fullConventionPricesTheSigmoidRouterItsCorrectionAndScaling() throws {
        let spec = try Self.catalog("deepseek-v3")
        let routing = try FlopCounter(spec: spec, convention: .full).prefill(batch: 1, seq: 1).components.first { $0.name == "routing" }
        // 58 sparse layers × (256 × (sigmoid 3 + correction 1) + scaling 8 + weighted sum 2·8·7168 + shared add 7168)
        let perLayer: Int = 256 * 4 + 8 + 2 * 8 * 7168 + 7168
        #expect(routing?.flops.value == Int128(58 * perLayer))
    }

    @Test func deepSeekR1IsDeepSeekV3sLayout() throws {
        let r1 = try Self.catalog("deepseek-r1")
        let v3 = try Self.catalog("deepseek-v3")
        #expect(r1.structure == v3.structure)
    }
}
