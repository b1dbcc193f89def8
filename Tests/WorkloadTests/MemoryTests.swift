import Testing
@testable import Workload

@Suite struct MemoryTests {
    @Test func kvCachePerTokenFollowsKVHeadsNotQueryHeads() throws {
        let llama = try MemoryEstimator(spec: ReferenceSpecs.llama2_7b).report(batch: 1, seq: 4096)
        #expect(llama.kvCacheBytesPerToken == 2 * 32 * 32 * 128 * 2)
        #expect(llama.kvCache.total == 2 * 32 * 32 * 128 * 2 * 4096)
        let mixtral = try MemoryEstimator(spec: ReferenceSpecs.mixtral).report(batch: 2, seq: 100)
        #expect(mixtral.kvCacheBytesPerToken == 2 * 32 * 8 * 128 * 2)
    }

    @Test func slidingWindowBoundsTheCache() throws {
        var spec = ReferenceSpecs.mixtral
        spec.decoder!.slidingWindow = 4096
        let r = try MemoryEstimator(spec: spec, kvType: .fp8).report(batch: 1, seq: 32768)
        #expect(r.cachedPositions == 4096)
        #expect(r.kvCache.total == 2 * 32 * 8 * 128 * 4096)
    }

    @Test func weightBytesFollowTheDataType() throws {
        let n: Int128 = 6_738_415_616
        #expect(try MemoryEstimator(spec: ReferenceSpecs.llama2_7b, weightType: .fp32).report(batch: 1, seq: 1).weights.total == 4 * n)
        #expect(try MemoryEstimator(spec: ReferenceSpecs.llama2_7b).report(batch: 1, seq: 1).weights.total == 2 * n)
        // int4: linear layers at ½ byte + an fp16 scale per 128; embeddings and norms in bf16.
        let embedding: Int128 = 131_072_000, norms: Int128 = 65 * 4096
        let linear = n - embedding - norms
        let int4 = try MemoryEstimator(spec: ReferenceSpecs.llama2_7b, weightType: .int4).report(batch: 1, seq: 1)
        let perComponentScales = try ParameterCount.report(for: ReferenceSpecs.llama2_7b).components
            .filter { $0.kind != .embedding && $0.kind != .norm }
            .reduce(Int128(0)) { $0 + 2 * (($1.parameters.value + 127) / 128) }
        #expect(int4.weights.total == 2 * (embedding + norms) + linear / 2 + perComponentScales)
    }

    @Test func trainingStateIsSixteenBytesPerParameterPlusActivations() throws {
        let r = try MemoryEstimator(spec: ReferenceSpecs.gpt2, recompute: .full).report(batch: 1, seq: 1024)
        let state = r.training.components.prefix(4).reduce(Int128(0)) { $0 + $1.bytes.value }
        #expect(state == 16 * 124_439_808)
        let activations = r.training.components.first { $0.name == "activations" }!.bytes.value
        #expect(activations == 12 * 2 * 1024 * 768)
    }

    @Test func activationsMatchKorthikantiForGPTShapes() throws {
        // s·b·h·(34 + 5·a·s/h) per layer for a GPT layer (F = 4h, MHA).
        let s = 1024, b = 2, h = 768, a = 12
        let r = try MemoryEstimator(spec: ReferenceSpecs.gpt2).report(batch: b, seq: s)
        let perLayer = Int128(s * b * h * 34 + 5 * a * s * s * b)
        let act = r.training.components.filter { $0.name == "activations" || $0.name == "attention_scores" }
            .reduce(Int128(0)) { $0 + $1.bytes.value }
        #expect(act == 12 * perLayer)
    }
}
