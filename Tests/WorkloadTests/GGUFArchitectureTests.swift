import Foundation
import Testing
import _TestSupport
@testable import Workload

/// Each architecture read from GGUF, written with the tensors llama.cpp's converter stores for
/// it: the importer's parameter count must equal the file's tensors group by group (no
/// cross-check warning), so a mis-read size or a missing bias shows.
@Suite struct GGUFArchitectureTests {
    typealias T = GGUFWriter.Tensor
    static let d: UInt64 = 64, ff: UInt64 = 128, vocab: UInt64 = 100, kv: UInt64 = 32  // 2 KV heads of 16

    struct Case: CustomTestStringConvertible, Sendable {
        var arch: String
        var family: String
        var extra: [String: UInt32] = [:]
        /// Tensors of one layer, by suffix and shape.
        var layer: [(String, [UInt64])]
        var global: [(String, [UInt64])]
        var kvHeads: UInt32 = 2
        var testDescription: String { arch }
    }

    static let norm: [(String, [UInt64])] = [("attn_norm.weight", [d]), ("ffn_norm.weight", [d])]
    static let qkv: [(String, [UInt64])] = [("attn_q.weight", [d, d]), ("attn_k.weight", [d, kv]), ("attn_v.weight", [d, kv]), ("attn_output.weight", [d, d])]
    static let gated: [(String, [UInt64])] = [("ffn_gate.weight", [d, ff]), ("ffn_up.weight", [d, ff]), ("ffn_down.weight", [ff, d])]
    static let head: [(String, [UInt64])] = [("token_embd.weight", [d, vocab]), ("output_norm.weight", [d]), ("output.weight", [d, vocab])]
    static let tiedHead: [(String, [UInt64])] = [("token_embd.weight", [d, vocab]), ("output_norm.weight", [d])]
    static let qkvBias: [(String, [UInt64])] = [("attn_q.bias", [d]), ("attn_k.bias", [kv]), ("attn_v.bias", [kv])]

    static let cases: [Case] = [
        Case(arch: "llama", family: "llama", layer: norm + qkv + gated, global: head),
        Case(arch: "llama", family: "mixtral", extra: ["expert_count": 4, "expert_used_count": 2],
             layer: norm + qkv + [("ffn_gate_inp.weight", [d, 4]), ("ffn_gate_exps.weight", [d, ff, 4]),
                                  ("ffn_up_exps.weight", [d, ff, 4]), ("ffn_down_exps.weight", [ff, d, 4])], global: head),
        Case(arch: "llama", family: "mixtral", extra: ["expert_count": 2, "expert_used_count": 1],
             layer: norm + qkv + [("ffn_gate_inp.weight", [d, 2])]
                + (0..<2).flatMap { e in [("ffn_gate.\(e).weight", [d, ff]), ("ffn_up.\(e).weight", [d, ff]), ("ffn_down.\(e).weight", [ff, d])] },
             global: head),
        Case(arch: "qwen2", family: "qwen2", layer: norm + qkv + qkvBias + gated, global: head),
        Case(arch: "qwen3", family: "qwen3", extra: ["attention.key_length": 16],
             layer: norm + qkv + [("attn_q_norm.weight", [16]), ("attn_k_norm.weight", [16])] + gated, global: tiedHead),
        Case(arch: "qwen2moe", family: "qwen2_moe",
             extra: ["expert_count": 4, "expert_used_count": 2, "expert_feed_forward_length": 32, "expert_shared_feed_forward_length": 96],
             layer: norm + qkv + qkvBias + [("ffn_gate_inp.weight", [d, 4]), ("ffn_gate_exps.weight", [d, 32, 4]),
                                            ("ffn_up_exps.weight", [d, 32, 4]), ("ffn_down_exps.weight", [32, d, 4]),
                                            ("ffn_gate_inp_shexp.weight", [d]), ("ffn_gate_shexp.weight", [d, 96]),
                                            ("ffn_up_shexp.weight", [d, 96]), ("ffn_down_shexp.weight", [96, d])], global: head),
        Case(arch: "gemma2", family: "gemma2", extra: ["attention.key_length": 16, "attention.sliding_window": 512],
             layer: norm + qkv + gated + [("post_attention_norm.weight", [d]), ("post_ffw_norm.weight", [d])], global: tiedHead),
        Case(arch: "gemma3", family: "gemma3_text", extra: ["attention.key_length": 16, "attention.sliding_window": 512],
             layer: norm + qkv + gated + [("post_attention_norm.weight", [d]), ("post_ffw_norm.weight", [d]),
                                          ("attn_q_norm.weight", [16]), ("attn_k_norm.weight", [16])], global: tiedHead),
        Case(arch: "phi3", family: "phi3", extra: ["rope.dimension_count": 16],
             layer: norm + [("attn_qkv.weight", [d, d + 2 * kv]), ("attn_output.weight", [d, d]),
                            ("ffn_up.weight", [d, 2 * ff]), ("ffn_down.weight", [ff, d])], global: head),
        Case(arch: "gpt2", family: "gpt2",
             layer: [("attn_norm.weight", [d]), ("attn_norm.bias", [d]), ("attn_qkv.weight", [d, 3 * d]), ("attn_qkv.bias", [3 * d]),
                     ("attn_output.weight", [d, d]), ("attn_output.bias", [d]), ("ffn_norm.weight", [d]), ("ffn_norm.bias", [d]),
                     ("ffn_up.weight", [d, ff]), ("ffn_up.bias", [ff]), ("ffn_down.weight", [ff, d]), ("ffn_down.bias", [d])],
             global: [("token_embd.weight", [d, vocab]), ("position_embd.weight", [d, 2048]), ("output_norm.weight", [d]), ("output_norm.bias", [d])],
             kvHeads: 4),
        Case(arch: "starcoder2", family: "starcoder2",
             layer: [("attn_norm.weight", [d]), ("attn_norm.bias", [d]), ("ffn_norm.weight", [d]), ("ffn_norm.bias", [d])] + qkv + qkvBias
                + [("attn_output.bias", [d]), ("ffn_up.weight", [d, ff]), ("ffn_up.bias", [ff]), ("ffn_down.weight", [ff, d]), ("ffn_down.bias", [d])],
             global: [("token_embd.weight", [d, vocab]), ("output_norm.weight", [d]), ("output_norm.bias", [d])]),
        Case(arch: "falcon", family: "falcon",
             layer: [("attn_norm.weight", [d]), ("attn_norm.bias", [d]), ("attn_qkv.weight", [d, d + 32]), ("attn_output.weight", [d, d]),
                     ("ffn_up.weight", [d, 4 * d]), ("ffn_down.weight", [4 * d, d])],
             global: [("token_embd.weight", [d, vocab]), ("output_norm.weight", [d]), ("output_norm.bias", [d])], kvHeads: 1),
    ]

    static func writer(_ c: Case) -> GGUFWriter {
        var metadata: [(String, GGUFWriter.Value)] = [
            ("general.architecture", .string(c.arch)),
            ("\(c.arch).block_count", .u32(2)), ("\(c.arch).context_length", .u32(2048)),
            ("\(c.arch).embedding_length", .u32(UInt32(d))), ("\(c.arch).feed_forward_length", .u32(UInt32(c.arch == "falcon" ? 4 * d : ff))),
            ("\(c.arch).attention.head_count", .u32(4)), ("\(c.arch).attention.head_count_kv", .u32(c.kvHeads)),
            ("tokenizer.ggml.tokens", .strings((0..<Int(vocab)).map { "t\($0)" })),
        ]
        metadata += c.extra.sorted { $0.key < $1.key }.map { ("\(c.arch).\($0.key)", .u32($0.value)) }
        var w = GGUFWriter(metadata: metadata)
        w.tensors = c.global.map { T($0.0, $0.1, GGUFWriter.f32) }
        for layer in 0..<2 { w.tensors += c.layer.map { T("blk.\(layer).\($0.0)", $0.1, GGUFWriter.f32) } }
        return w
    }

    @Test(arguments: cases)
    func parametersMatchTheFileTensorByGroup(_ c: Case) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-gguf-arch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("\(c.arch).gguf").path
        let w = Self.writer(c)
        try w.write(to: path)
        let loaded = try ModelLoader.load(path)
        #expect(loaded.spec.family == c.family)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        let fileValues = w.tensors.reduce(Int128(0)) { $0 + Int128($1.dims.reduce(1, *)) }
        #expect(try ParameterCount.report(for: loaded.spec).total == fileValues)
        #expect(loaded.spec.checkpointPrecision?.file?.totalBytes == 4 * fileValues)
        if loaded.spec.decoder?.moe != nil {
            let expertValues = w.tensors.filter { $0.name.contains("_exps") || $0.name.range(of: #"ffn_[a-z]+\.\d+\."#, options: .regularExpression) != nil }
                .reduce(Int128(0)) { $0 + Int128($1.dims.reduce(1, *)) }
            let memory = try MemoryEstimator(spec: loaded.spec, requestedWeightType: nil).report(batch: 1, seq: 1)
            #expect(memory.weightTraffic.routedExperts == 4 * expertValues)
        }
    }
}

/// DeepSeek-V2-Lite's layout (`deepseek2`): latent attention without a query LoRA, one leading
/// dense layer, then routed and shared experts; V3 adds the sigmoid gating and `exp_probs_b`.
@Suite struct GGUFDeepSeekTests {
    typealias T = GGUFWriter.Tensor

    static func writer(v3: Bool) -> GGUFWriter {
        let d: UInt64 = 64, heads: UInt64 = 4, nope: UInt64 = 16, rope: UInt64 = 8, vHead: UInt64 = 16, rank: UInt64 = 32
        var metadata: [(String, GGUFWriter.Value)] = [
            ("general.architecture", .string("deepseek2")),
            ("deepseek2.block_count", .u32(2)), ("deepseek2.context_length", .u32(4096)),
            ("deepseek2.embedding_length", .u32(64)), ("deepseek2.feed_forward_length", .u32(128)),
            ("deepseek2.attention.head_count", .u32(4)), ("deepseek2.attention.head_count_kv", .u32(4)),
            ("deepseek2.attention.key_length", .u32(24)), ("deepseek2.attention.value_length", .u32(16)),
            ("deepseek2.attention.kv_lora_rank", .u32(32)), ("deepseek2.rope.dimension_count", .u32(8)),
            ("deepseek2.leading_dense_block_count", .u32(1)), ("deepseek2.expert_feed_forward_length", .u32(32)),
            ("deepseek2.expert_count", .u32(4)), ("deepseek2.expert_shared_count", .u32(1)), ("deepseek2.expert_used_count", .u32(2)),
            ("deepseek2.expert_weights_scale", .f32(1.0)),
            ("tokenizer.ggml.tokens", .strings((0..<100).map { "t\($0)" })),
        ]
        if v3 { metadata += [("deepseek2.expert_gating_func", .u32(2)), ("deepseek2.expert_group_count", .u32(2)), ("deepseek2.expert_group_used_count", .u32(1))] }
        var w = GGUFWriter(metadata: metadata)
        w.tensors = [T("token_embd.weight", [d, 100], GGUFWriter.f32), T("output_norm.weight", [d], GGUFWriter.f32), T("output.weight", [d, 100], GGUFWriter.f32)]
        for layer in 0..<2 {
            let b = "blk.\(layer)."
            w.tensors += [T(b + "attn_norm.weight", [d], 0), T(b + "ffn_norm.weight", [d], 0),
                          T(b + "attn_q.weight", [d, heads * (nope + rope)], 0), T(b + "attn_kv_a_mqa.weight", [d, rank + rope], 0),
                          T(b + "attn_kv_a_norm.weight", [rank], 0), T(b + "attn_kv_b.weight", [rank, heads * (nope + vHead)], 0),
                          T(b + "attn_output.weight", [heads * vHead, d], 0)]
            if layer == 0 {
                w.tensors += [T(b + "ffn_gate.weight", [d, 128], 0), T(b + "ffn_up.weight", [d, 128], 0), T(b + "ffn_down.weight", [128, d], 0)]
            } else {
                w.tensors += [T(b + "ffn_gate_inp.weight", [d, 4], 0), T(b + "ffn_gate_exps.weight", [d, 32, 4], 0),
                              T(b + "ffn_up_exps.weight", [d, 32, 4], 0), T(b + "ffn_down_exps.weight", [32, d, 4], 0),
                              T(b + "ffn_gate_shexp.weight", [d, 32], 0), T(b + "ffn_up_shexp.weight", [d, 32], 0),
                              T(b + "ffn_down_shexp.weight", [32, d], 0)]
                if v3 { w.tensors.append(T(b + "exp_probs_b.bias", [4], 0)) }
            }
        }
        return w
    }

    /// A file that keeps V3's multi-token-prediction layer counts it in `block_count`: it is priced, not counted.
    @Test func predictionLayerIsPricedNotCounted() throws {
        var w = Self.writer(v3: true)
        w.metadata = w.metadata.map { $0.0 == "deepseek2.block_count" ? ($0.0, .u32(3)) : $0 }
        w.metadata.append(("deepseek2.nextn_predict_layers", .u32(1)))
        w.tensors += w.tensors.filter { $0.name.hasPrefix("blk.1.") }.map { T("blk.2." + $0.name.dropFirst(6), $0.dims, $0.type) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-gguf-ds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("ds-mtp.gguf").path
        try w.write(to: path)
        let loaded = try ModelLoader.load(path)
        #expect(loaded.spec.decoder?.layers == 2 && loaded.spec.predictionModules == 1)
        #expect(!loaded.warnings.contains { $0.contains("the file's tensors hold") }, "\(loaded.warnings)")
        let stored = try #require(loaded.spec.checkpointPrecision?.file)
        #expect(stored.groups.contains { $0.name == "prediction modules (not built)" })
    }

    @Test(arguments: [false, true])
    func latentAttentionAndExpertsMatchTheFile(v3: Bool) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-gguf-ds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("ds.gguf").path
        let w = Self.writer(v3: v3)
        try w.write(to: path)
        let loaded = try ModelLoader.load(path)
        #expect(loaded.spec.family == (v3 ? "deepseek_v3" : "deepseek_v2"))
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.spec.decoder?.attention.latent?.keyValueRank == 32)
        let buffers = v3 ? 4 : 0
        let fileValues = w.tensors.reduce(Int128(0)) { $0 + Int128($1.dims.reduce(1, *)) }
        #expect(try ParameterCount.report(for: loaded.spec).total == fileValues - Int128(buffers))
        // The KV cache holds the latent: (32 + 8) values per token and layer.
        let memory = try MemoryEstimator(spec: loaded.spec, requestedWeightType: nil).report(batch: 1, seq: 10)
        #expect(memory.kvCache.total == 10 * 40 * 2 * 2)
    }
}
