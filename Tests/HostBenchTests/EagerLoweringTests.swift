import Foundation
import Testing
import Workload
@testable import HostBench

/// The kernels eager PyTorch launches, as `EagerLowering` writes them down: their GEMMs must be
/// exactly the model's matrix products (Workload's exact count, itself checked against
/// transformers), and pricing must follow the measured rates.
@Suite struct EagerLoweringTests {
    static func spec(_ name: String) throws -> ModelSpec { try ModelLoader.load(name).spec }

    func gemmFLOPs(_ ops: [EagerOperator]) -> Int128 {
        ops.reduce(Int128(0)) { sum, op in
            guard case let .gemm(m, n, k, batch, _) = op.kind else { return sum }
            return sum + 2 * Int128(m) * Int128(n) * Int128(k) * Int128(batch) * Int128(op.count)
        }
    }

    /// The forward pass's and the training step's GEMMs at each of `seqs` tokens against
    /// Workload's exact prefill and training counts.
    func expectForwardAndTrainingGEMMsAreExact(_ spec: ModelSpec, seqs: [Int], _ label: String) throws {
        let lowering = try EagerLowering(spec: spec)
        let counter = try FlopCounter(spec: spec, convention: .matmul)
        for seq in seqs {
            #expect(gemmFLOPs(lowering.operators(.forward, seq: seq)) == (try counter.prefill(batch: 1, seq: seq)).total, "\(label) \(seq)")
            #expect(gemmFLOPs(lowering.operators(.training, seq: seq)) == (try counter.train(batch: 1, seq: seq)).total, "\(label) \(seq)")
        }
    }

    @Test(arguments: ["gpt2", "qwen2-0.5b", "llama-3.2-1b", "opt-125m", "pythia-160m"])
    func theForwardGEMMsAreExactlyTheModelsMatrixProducts(_ name: String) throws {
        let spec = try Self.spec(name)
        let lowering = try EagerLowering(spec: spec)
        let counter = try FlopCounter(spec: spec, convention: .matmul)
        for seq in [7, 128, 512] {
            #expect(gemmFLOPs(lowering.operators(.forward, seq: seq)) == (try counter.prefill(batch: 1, seq: seq)).total, "\(name) \(seq)")
        }
        // One cached step: the new token's products over seq − 1 cached positions.
        #expect(gemmFLOPs(lowering.operators(.decode, seq: 64)) == (try counter.decode(batch: 1, context: 63)).total)
    }

    @Test(arguments: ["gpt2", "qwen2-0.5b", "llama-3.2-1b"])
    func theTrainingGEMMsAreTheForwardAndBackwardProducts(_ name: String) throws {
        let spec = try Self.spec(name)
        let lowering = try EagerLowering(spec: spec)
        let counter = try FlopCounter(spec: spec, convention: .matmul)
        #expect(gemmFLOPs(lowering.operators(.training, seq: 96)) == (try counter.train(batch: 1, seq: 96)).total)
    }

    @Test func gpt2LaunchesTheKernelsItsTraceShows() throws {
        let ops = try EagerLowering(spec: Self.spec("gpt2")).operators(.forward, seq: 512)
        func count(_ suffix: String) -> Int { ops.filter { $0.name.hasSuffix(suffix) }.reduce(0) { $0 + $1.count } }
        // Per the torch.profiler trace: 4 addmm with a bias copy per layer, gelu_new's 8 kernels, 2 bmm.
        #expect(count(".bias_copy") == 4 * 12)
        #expect(ops.filter { $0.name.hasPrefix("layer.ffn.gelu.") }.reduce(0) { $0 + $1.count } == 8 * 12)
        #expect(count("attention.scores") == 12 && count("attention.values") == 12)
        #expect(count("lm_head") == 1)
        #expect(!ops.contains { $0.name.contains("rotary") || $0.name.contains("repeat_kv") })
    }

    @Test func llamaStyleLayersRotateRepeatGroupedHeadsAndCacheByConcatenation() throws {
        let lowering = try EagerLowering(spec: Self.spec("llama-3.2-1b"))
        let decode = lowering.operators(.decode, seq: 1000)
        #expect(decode.contains { $0.name == "layer.attention.repeat_kv" })
        let cat = try #require(decode.first { $0.name == "layer.attention.cache_cat" })
        // K and V of all 1000 positions rewritten: 8 KV heads × 64, read and written.
        #expect(cat.kind == .memory(bytes: 4 * 2 * 1000 * 8 * 64, elements: 1000 * 8 * 64) && cat.count == 2 * 16)
        #expect(decode.filter { $0.name.hasPrefix("layer.attention.rotary") && $0.kind != .view }.count == 10)
    }

    @Test func bertRunsTheEncoderAndPoolerWithoutADecodeStepAndItsLossStopsBeforeThePooler() throws {
        let spec = try Self.spec("bert-base")
        let lowering = try EagerLowering(spec: spec)
        #expect(lowering.passes == [.forward, .training])
        let counter = try FlopCounter(spec: spec, convention: .matmul)
        let forward = lowering.operators(.forward, seq: 128)
        #expect(gemmFLOPs(forward) == (try counter.prefill(batch: 1, seq: 128)).total)
        // No causal mask, no head; the pooler is one row through a d × d layer and tanh.
        #expect(!forward.contains { $0.name.contains("mask") || $0.name.contains("lm_head") })
        #expect(forward.contains { $0.name == "pooler.dense" && $0.kind == .gemm(m: 1, n: 768, k: 768, batch: 1, transposedB: true) })
        #expect(forward.contains { $0.name == "embed.norm.layer_norm" } && forward.contains { $0.name == "embed.token_types" })
        // The stand-in loss sums the last hidden state: the pooler gets no gradient.
        let training = lowering.operators(.training, seq: 128)
        #expect(!training.contains { $0.name.hasPrefix("pooler.") && $0.name.hasSuffix(".backward") })
        #expect(gemmFLOPs(training) == gemmFLOPs(forward) + 2 * (gemmFLOPs(forward) - 2 * 768 * 768))
    }

    @Test func modelsTheLoweringDoesNotCoverAreRefused() {
        #expect(throws: HostBenchError.self) { try EagerLowering(spec: Self.spec("bart-base")) }
        #expect(throws: HostBenchError.self) { try EagerLowering(spec: Self.spec("mixtral-8x7b")) }
        #expect(throws: HostBenchError.self) { try EagerLowering(spec: Self.spec("deepseek-v3")) }
        #expect(throws: HostBenchError.self) { try EagerLowering(spec: Self.spec("jamba-v0.1")) }
    }

    @Test func t5EncodesAndDecodesTheSequenceAndItsGEMMsAreWorkloadsExactCount() throws {
        for name in ["t5-small", "t5-v1_1-base"] {
            let spec = try Self.spec(name)
            let lowering = try EagerLowering(spec: spec)
            #expect(lowering.passes == EagerPass.allCases)
            let counter = try FlopCounter(spec: spec, convention: .matmul)
            let forward = lowering.operators(.forward, seq: 128)
            #expect(gemmFLOPs(forward) == (try counter.prefill(batch: 1, seq: 128)).total, "\(name)")
            // Both stacks compute their relative bias once and add it in every layer; the decoder alone masks.
            #expect(forward.filter { $0.name.hasSuffix("relative_bias.bias_lookup") }.count == 2)
            #expect(forward.first { $0.name == "layer.encoder.attention.position_bias" }?.count == spec.encoder?.layers)
            #expect(forward.contains { $0.name == "decoder.causal_mask" } && !forward.contains { $0.name == "encoder.causal_mask" })
            // Only the head tied in the config is scaled by d^-½ (T5, not v1.1).
            #expect(forward.contains { $0.name == "head.scale" } == (spec.lmHead?.tied == true))
            // Training: 3 × the forward's GEMMs; the table's three gradients summed twice.
            let training = lowering.operators(.training, seq: 128)
            #expect(gemmFLOPs(training) == 3 * gemmFLOPs(forward))
            #expect(training.first { $0.name == "head.lm_head.backward.tied_sum" }?.count == 2)
        }
    }

    @Test func qwen2MoEExpertsSplitTheRoutedRowsSoTheirGEMMsAreWorkloadsExactCount() throws {
        let spec = try Self.spec("qwen1.5-moe-a2.7b")
        let lowering = try EagerLowering(spec: spec)
        try expectForwardAndTrainingGEMMsAreExact(spec, seqs: [1, 7, 512], "seq")
        // 512 tokens × 4 routed copies over 60 experts: 8 experts get 35 rows, 52 get 34.
        let up = lowering.operators(.forward, seq: 512).filter { $0.name == "layer.moe.experts.gate_up" }
        #expect(up.map(\.kind) == [.gemm(m: 35, n: 2816, k: 2048, batch: 1, transposedB: true), .gemm(m: 34, n: 2816, k: 2048, batch: 1, transposedB: true)])
        #expect(up.map(\.count) == [8 * 24, 52 * 24])
        // A decode step routes one token to four experts, one row each.
        let decode = lowering.operators(.decode, seq: 512).filter { $0.name == "layer.moe.experts.down" }
        #expect(decode.map(\.count) == [4 * 24] && decode.first?.kind == .gemm(m: 1, n: 2048, k: 1408, batch: 1, transposedB: true))
    }

    /// DeepSeek-V2's own layouts: the Lite model (plain `q_proj`, greedy routing, one dense
    /// layer) and the fixtures' variants with a query latent, group-limited routing and every
    /// layer sparse.
    static let deepseekV2Configs = ["deepseek-v2-lite", "deepseek_v2-lite-like", "deepseek_v2-grouped-bias", "deepseek_v2-all-sparse"]

    static func deepseekSpec(_ name: String) throws -> ModelSpec {
        let mla = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("WorkloadTests/Fixtures/mla")
        return try ModelLoader.load(mla.appendingPathComponent("\(name).json").path).spec
    }

    @Test(arguments: deepseekV2Configs)
    func deepSeekV2sLatentAttentionAndExpertsAreWorkloadsExactCount(_ name: String) throws {
        let spec = try Self.deepseekSpec(name)
        try expectForwardAndTrainingGEMMsAreExact(spec, seqs: [1, 7, 300], name)
        let lowering = try EagerLowering(spec: spec)
        let counter = try FlopCounter(spec: spec, convention: .matmul)
        // A decode step re-expands every cached latent through kv_b_proj (transformers' convention).
        #expect(gemmFLOPs(lowering.operators(.decode, seq: 300)) == (try counter.decode(batch: 1, context: 299)).total, "\(name)")
    }

    @Test func deepSeekV2LiteRunsItsDenseLayerAndItsExpertLayersApart() throws {
        let spec = try Self.spec("deepseek-v2-lite")
        let lowering = try EagerLowering(spec: spec)
        let forward = lowering.operators(.forward, seq: 512)
        func count(_ name: String) -> Int { forward.filter { $0.name == name }.reduce(0) { $0 + $1.count } }
        // 27 layers: attention in each, the dense MLP in the first, experts in the other 26.
        #expect(count("layer.attention.kv_b") == 27 && count("layer.attention.q_proj") == 27)
        #expect(count("layer.ffn.gate") == 1 && count("layer.moe.router") == 26)
        // The latent norm is an RMSNorm over the 512-wide latent; the keys are assembled by two copies.
        let latentNorm = EagerOperator.Kind.memory(bytes: 2_097_152, elements: 262_144)  // 512 rows × 512, read and written
        #expect(forward.contains { $0.name == "layer.attention.kv_a_norm.pow" && $0.kind == latentNorm })
        #expect(forward.contains { $0.name == "layer.attention.key_states.copy_rope" })
        // Greedy routing: no group mask; the weights are scaled by routed_scaling_factor.
        #expect(count("layer.moe.routing_scale") == 26 && count("layer.moe.masked_fill") == 0)
        // The aten calls counted under transformers 5.23: 158 + 274 + 26 × (392 + 25 × 64).
        let calls: Int = 158 + 274 + 26 * (392 + 25 * 64)
        #expect(forward.filter(\.isLaunch).reduce(0) { $0 + $1.count } == calls)
        // A decode step concatenates the cached latents, not per-head keys and values.
        let decode = lowering.operators(.decode, seq: 1000)
        let cat = EagerOperator.Kind.memory(bytes: 4_096_000, elements: 512_000)  // 1000 latents of 512, read and written
        let expand = EagerOperator.Kind.gemm(m: 1000, n: 4096, k: 512, batch: 1, transposedB: true)  // to 16 heads × (128 + 128)
        #expect(decode.contains { $0.name == "layer.attention.cache_cat.latent" && $0.kind == cat })
        #expect(decode.contains { $0.name == "layer.attention.kv_b" && $0.kind == expand })
        #expect(!decode.contains { $0.name == "layer.attention.repeat_kv" })
    }

    @Test func groupLimitedRoutingMasksTheOtherGroupsAndItsGradientFollowsTheMask() throws {
        let lowering = try EagerLowering(spec: Self.deepseekSpec("deepseek_v2-grouped-bias"))
        let training = lowering.operators(.training, seq: 64)
        #expect(training.contains { $0.name == "layer.moe.group_mask" } && training.contains { $0.name == "layer.moe.masked_fill.backward" })
        #expect(!training.contains { $0.name == "layer.moe.group_mask.backward" })
        // A query latent: q_a_proj, its RMSNorm and q_b_proj, whose output's split parts are concatenated back.
        #expect(training.contains { $0.name == "layer.attention.q_a_norm.pow.backward" })
        #expect(training.filter { $0.name == "layer.attention.q_b.backward" }.count == 2)
    }

    @Test func aT5DecodeStepRunsTheDecoderAloneOverCachedCrossAttentionKeys() throws {
        let lowering = try EagerLowering(spec: Self.spec("t5-small"))
        let decode = lowering.operators(.decode, seq: 128)
        #expect(!decode.contains { $0.name.hasPrefix("encoder.") || $0.name.hasPrefix("layer.encoder.") })
        #expect(!decode.contains { $0.name.hasSuffix("cross_attention.k") || $0.name.hasSuffix("cross_attention.v") })
        #expect(decode.contains { $0.name == "layer.decoder.cross_attention.scores" && $0.kind == .gemm(m: 1, n: 128, k: 64, batch: 8, transposedB: true) })
        #expect(decode.contains { $0.name == "layer.decoder.attention.cache_cat" })
    }

    @Test func pricingFollowsTheMeasuredRates() {
        let model = EagerTimeModel(gemmRates: [.init(m: 100, n: 100, k: 100, gflops: 2), .init(m: 1000, n: 1000, k: 1000, gflops: 100)],
                                   passRates: [.init(bytes: 1 << 20, gbps: 40), .init(bytes: 1 << 28, gbps: 10)], dispatchSeconds: 1e-6)
        // A GEMM at its own shape's rate: 2·10⁶ FLOPs at 2 GFLOP/s.
        let small = EagerOperator("g", .gemm(m: 100, n: 100, k: 100, batch: 1))
        #expect(abs(model.seconds(small) - (2e6 / 2e9 + 1e-6)) < 1e-15)
        // A pass at the rate of its footprint, the nearest measured one at either end.
        let big = EagerOperator("p", .memory(bytes: 1 << 29, elements: 1 << 27))
        #expect(abs(model.seconds(big) - (Double(1 << 29) / 10e9 + 1e-6)) < 1e-12)
        let price = model.price([small, big, EagerOperator("v", .view, count: 5)])
        #expect(price.launches == 7 && abs(price.dispatchOnlySeconds - 5e-6) < 1e-15)
        #expect(abs(price.seconds - (price.gemmSeconds + price.memorySeconds + price.dispatchOnlySeconds)) < 1e-15)
    }

    /// A decode step's KV-cache concatenation reads state the rest of the step evicted: a small
    /// cache runs at the largest footprint's (memory) rate, not at its own size's cache rate.
    @Test func aPassOverColdStateRunsAtTheMemoryRateWhateverItsSize() throws {
        let model = EagerTimeModel(gemmRates: [], passRates: [.init(bytes: 1 << 20, gbps: 40), .init(bytes: 1 << 28, gbps: 10)], dispatchSeconds: 0)
        let warm = EagerOperator("p", .memory(bytes: 1 << 20, elements: 1 << 17))
        var cold = warm
        cold.movesColdMemory = true
        #expect(abs(model.seconds(warm) - Double(1 << 20) / 40e9) < 1e-15)
        #expect(abs(model.seconds(cold) - Double(1 << 20) / 10e9) < 1e-15)
        let decode = try EagerLowering(spec: Self.spec("gpt2")).operators(.decode, seq: 512)
        let cats = decode.filter { $0.name.hasSuffix("attention.cache_cat") }
        let coldNames = Set(decode.filter { $0.movesColdMemory }.map(\.name))
        #expect(!cats.isEmpty && coldNames == ["layer.attention.cache_cat"])
        // Grouped-query attention's repeat_kv writes cache-sized copies onto evicted memory in
        // decode; in the forward pass its operands are the layer's own, still cached.
        let llama = try EagerLowering(spec: Self.spec("llama-3.2-1b"))
        let llamaCold = Set(try llama.operators(.decode, seq: 512).filter { $0.movesColdMemory }.map(\.name))
        #expect(llamaCold == ["layer.attention.cache_cat", "layer.attention.repeat_kv"])
        #expect(try llama.operators(.forward, seq: 512).allSatisfy { !$0.movesColdMemory })
    }

    @Test func freshOutputsBeyondTheWarmFootprintPayTheColdPrice() {
        let model = EagerTimeModel(gemmRates: [], passRates: [.init(bytes: 1 << 20, gbps: 1e9)], dispatchSeconds: 0,
                                   freshPageSecondsPerByte: 1e-9, coldPageSecondsPerByte: 3e-9, warmPageBytes: 4e9)
        let output = EagerOperator("grad", .allocation(bytes: 100_000_000))
        #expect(abs(model.seconds(output, residentBytes: 1e9) - 0.1) < 1e-12)
        #expect(abs(model.seconds(output, residentBytes: 3.95e9) - 0.3) < 1e-12)
        // An allocation is priced for its pages but launches nothing; a small one costs nothing.
        let price = model.price([output, EagerOperator("small", .allocation(bytes: 1 << 20))], residentBytes: 0)
        #expect(price.launches == 0 && abs(price.seconds - 0.1) < 1e-12)
        // What an allocation's breakdown shows as moved: the pages it touches.
        #expect(price.operators.first?.bytes == 100_000_000)
        // Without a measured tier every fresh page costs the warm price.
        let untiered = EagerTimeModel(gemmRates: [], passRates: [], freshPageSecondsPerByte: 1e-9)
        #expect(untiered.coldPageSecondsPerByte == 1e-9 && untiered.warmPageBytes == nil)
        #expect(abs(untiered.seconds(output, residentBytes: 1e12) - (0.1 + EagerTimeModel.defaultDispatchSeconds * 0)) < 1e-12)
    }

    @Test func aGroupedProductsGradientsAreAllocatedWholeForEveryExpert() throws {
        let lowering = try EagerLowering(spec: Self.spec("deepseek-v2-lite"))
        let training = lowering.operators(.training, seq: 512)
        // gate_up_proj's gradient: 64 experts × 2816 × 2048 FP32, one tensor per expert layer.
        let dw = try #require(training.first { $0.name == "layer.moe.experts.gate_up.backward.dw_output" })
        #expect(dw.kind == .allocation(bytes: 1_476_395_008) && dw.count == 26)
        // The input's gradient: the 512 × 6 routed rows × 2048.
        #expect(training.contains { $0.name == "layer.moe.experts.gate_up.backward.dx_output" && $0.kind == .allocation(bytes: 25_165_824) })
        // Weights and, in training, their gradients: what the framework's process holds.
        #expect(lowering.residentBytes(.training) == 2 * lowering.residentBytes(.forward))
        #expect(lowering.residentBytes(.forward) == 4 * 15_706_484_224)
    }

    @Test func anActivationOrSoftmaxIsPricedNoFasterThanItsArithmetic() throws {
        let model = EagerTimeModel(gemmRates: [], passRates: [.init(bytes: 1 << 20, gbps: 40)], dispatchSeconds: 0,
                                   activationSecondsPerElement: 1e-9, softmaxSecondsPerElement: 2e-9)
        let elements = 1 << 20
        let plain = EagerOperator.pass("mul", elements: elements)
        let bytesSeconds = Double(8 * elements) / 40e9
        #expect(abs(model.seconds(plain) - bytesSeconds) < 1e-15)
        #expect(abs(model.seconds(.pass("silu", elements: elements, function: .activation)) - 1e-9 * Double(elements)) < 1e-15)
        #expect(abs(model.seconds(.pass("softmax", elements: elements, function: .softmax)) - 2e-9 * Double(elements)) < 1e-15)
        // A profile saved before the per-value costs were measured prices by bytes alone.
        let old = #"{"gemm_rates":[],"pass_rates":[{"bytes":1048576,"gbps":40}],"dispatch_seconds":0,"fresh_page_seconds_per_byte":0,"gemm_library":"x"}"#
        let decoded = try JSONDecoder().decode(EagerTimeModel.self, from: Data(old.utf8))
        #expect(decoded.activationSecondsPerElement == 0 && abs(decoded.seconds(.pass("s", elements: elements, function: .softmax)) - bytesSeconds) < 1e-15)
    }

    @Test func theLoweringMarksSoftmaxesAndExponentialActivationsButNotReLU() throws {
        let llama = try EagerLowering(spec: Self.spec("llama-3.2-1b")).operators(.training, seq: 64)
        #expect(llama.first { $0.name == "layer.attention.softmax" }?.function == .softmax)
        #expect(llama.first { $0.name == "layer.ffn.activation" }?.function == .activation)
        #expect(llama.first { $0.name == "layer.ffn.activation.backward" }?.function == .activation)
        #expect(llama.first { $0.name == "loss.log_softmax" }?.function == .softmax)
        let opt = try EagerLowering(spec: Self.spec("opt-125m")).operators(.forward, seq: 64)
        #expect(opt.first { $0.name == "layer.ffn.activation" }?.function == .plain)
    }

    @Test func aVectorProductIsPricedAtItsBytesNotAtAGEMMRate() {
        let model = EagerTimeModel(gemmRates: [.init(m: 1, n: 4096, k: 4096, gflops: 1000)],
                                   passRates: [.init(bytes: 1 << 20, gbps: 10)], dispatchSeconds: 0)
        let gemv = EagerOperator("g", .gemm(m: 1, n: 4096, k: 4096, batch: 1))
        #expect(abs(model.seconds(gemv) - gemv.bytes / 10e9) < 1e-12)
    }
}

extension EagerLoweringTests {
    @Test(arguments: EagerPass.allCases)
    func everyPassLaunchesAsManyAtenCallsAsTheProfilerCounts(_ pass: EagerPass) throws {
        for (name, counts) in [("gpt2", EagerCallCounts.gpt2), ("qwen2-0.5b", .qwen2), ("llama-3.2-1b", .llama)] {
            let spec = try Self.spec(name)
            let ops = try EagerLowering(spec: spec).operators(pass, seq: 64)
            let launches = ops.reduce(0) { $0 + $1.count }
            let layers = try #require(spec.decoder?.layers)
            #expect(launches == counts[pass].perLayer * layers + counts[pass].modelLevel, "\(name) \(pass)")
        }
        // A mixture's dense and expert layers, and the grouped products' allocations, which launch nothing.
        let spec = try Self.spec("deepseek-v2-lite")
        let ops = try EagerLowering(spec: spec).operators(pass, seq: 64)
        let calls = EagerCallCounts.deepseekV2[pass]
        let expected = calls.modelLevel + (calls.perDenseLayer ?? 0) + 26 * (calls.perLayer + 64 * calls.perExpert)
        #expect(ops.filter(\.isLaunch).reduce(0) { $0 + $1.count } == expected, "deepseek-v2-lite \(pass)")
    }
}

extension EagerLoweringTests {
    @Test func onlyOutputsBeyondTheAllocatorsReachPayForFreshPages() {
        let model = EagerTimeModel(gemmRates: [.init(m: 512, n: 50257, k: 768, gflops: 100)], passRates: [.init(bytes: 1 << 20, gbps: 10)],
                                   dispatchSeconds: 0, freshPageSecondsPerByte: 1e-9)
        let logits = EagerOperator("head.lm_head", .gemm(m: 512, n: 50257, k: 768, batch: 1))
        let small = EagerOperator("p", .memory(bytes: 8 << 20, elements: 1 << 20))
        // 512 × 50257 FP32 logits (103 MB) are fresh pages; a 4 MiB output is reused.
        #expect(abs(model.freshPageSeconds(logits) - 4 * 512 * 50257 * 1e-9) < 1e-12)
        #expect(model.freshPageSeconds(small) == 0)
        #expect(model.seconds(logits) > logits.flops / 100e9)
    }
}

extension EagerLoweringTests {
    /// `nn.Linear` reads its weight transposed (`x·Wᵀ`), GPT-2's `Conv1D` does not; the head is an
    /// `nn.Linear` everywhere, `Q·Kᵀ` reads K transposed, `P·V` does not; a backward `dX` reads
    /// the weight the other way round from its forward.
    @Test func eachProductIsTimedInTheLayoutPyTorchReadsItsWeightIn() throws {
        func layout(_ model: String, _ name: String, _ pass: EagerPass = .forward) throws -> Bool? {
            let ops = try EagerLowering(spec: Self.spec(model)).operators(pass, seq: 16)
            guard let op = ops.first(where: { $0.name == name }), case let .gemm(_, _, _, _, transposed) = op.kind else { return nil }
            return transposed
        }
        #expect(try layout("qwen2-0.5b", "layer.ffn.up") == true)
        #expect(try layout("gpt2", "layer.ffn.up") == false)
        #expect(try layout("gpt2", "head.lm_head") == true)
        #expect(try layout("gpt2", "layer.attention.scores") == true)
        #expect(try layout("gpt2", "layer.attention.values") == false)
        #expect(try layout("qwen2-0.5b", "layer.ffn.up.backward.dx", .training) == false)
        #expect(try layout("gpt2", "layer.ffn.up.backward.dx", .training) == true)
    }

    /// A rate is looked up in the product's own layout first; a profile saved before layouts were
    /// recorded reads as untransposed.
    @Test func ratesAreMatchedByLayout() throws {
        let model = EagerTimeModel(gemmRates: [.init(m: 1, n: 4096, k: 4096, gflops: 8), .init(m: 1, n: 4096, k: 4096, gflops: 4, transposedB: true)],
                                   passRates: [.init(bytes: 1 << 20, gbps: 1000)], dispatchSeconds: 0)
        #expect(model.gemmFLOPsPerSecond(m: 1, n: 4096, k: 4096) == 8e9)
        #expect(model.gemmFLOPsPerSecond(m: 1, n: 4096, k: 4096, transposedB: true) == 4e9)
        let old = try JSONDecoder().decode(EagerTimeModel.GEMMRate.self, from: Data(#"{"m": 1, "n": 2, "k": 3, "gflops": 4}"#.utf8))
        #expect(old == .init(m: 1, n: 2, k: 3, gflops: 4))
    }
}

extension EagerLoweringTests {
    @Test func theColdPageProbeMapsNothingBeyondItsLimitAndFindsNoTierWhereNoBlockIsDearer() throws {
        // No 256 MiB block fits in 100 MiB: nothing is mapped, no tier.
        #expect(try BandwidthProbe.coldPageTier(warmSecondsPerByte: 1e-9, limitBytes: 100 << 20, threads: 1) == nil)
        // No block can cost more than twice an infinite warm price: no tier, whatever the host.
        #expect(try BandwidthProbe.coldPageTier(warmSecondsPerByte: .infinity, limitBytes: 512 << 20, block: 64 << 20, threads: 1) == nil)
        // A threshold below zero makes every written block dearer, whatever this host's timing (a
        // loaded machine can time a fresh block no slower than a rewrite): a tier from the first
        // block, none held warm, at a finite price.
        let tier = try #require(try BandwidthProbe.coldPageTier(warmSecondsPerByte: -1, limitBytes: 256 << 20, block: 32 << 20, threads: 1))
        #expect(tier.warmBytes == 0 && tier.secondsPerByte >= 0 && tier.secondsPerByte.isFinite)
    }
}
