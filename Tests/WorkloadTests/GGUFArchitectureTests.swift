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
    }
}
