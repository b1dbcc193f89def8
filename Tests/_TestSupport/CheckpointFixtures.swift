import Foundation

/// Model directories and hub caches written for a test: safetensors files with a real header and
/// zero data, an index for a sharded checkpoint, `config.json`, and the
/// `models--org--name/{refs,snapshots}` tree `huggingface_hub` leaves behind.
public enum CheckpointFixtures {
    /// One tensor: name, safetensors dtype, shape.
    public typealias Tensor = (name: String, dtype: String, shape: [Int])

    static let bits: [String: Int] = [
        "BOOL": 8, "U8": 8, "I8": 8, "F8_E4M3": 8, "F8_E5M2": 8, "F8_E8M0": 8, "F4": 4,
        "U16": 16, "I16": 16, "F16": 16, "BF16": 16, "U32": 32, "I32": 32, "F32": 32, "I64": 64, "U64": 64, "F64": 64,
    ]

    /// A fresh scratch directory.
    public static func scratch(_ label: String = "checkpoint") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// A header length, then `header`, then `dataBytes` zero bytes.
    public static func raw(header: String, length: UInt64? = nil, dataBytes: Int = 0) -> Data {
        let json = Data(header.utf8)
        var data = Data()
        withUnsafeBytes(of: (length ?? UInt64(json.count)).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        data.append(Data(count: dataBytes))
        return data
    }

    /// Writes a valid safetensors file of real size at `path` without writing its data: the
    /// header, then a sparse hole the length of the tensors (a checkpoint of gigabytes in a test).
    public static func writeSparse(_ tensors: [Tensor], to path: String) throws {
        let full = safetensors(tensors, withData: false)
        try full.header.write(to: URL(fileURLWithPath: path))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(full.header.count + full.dataBytes))
        try handle.close()
    }

    /// A valid safetensors file holding `tensors`, laid end to end, with zero data.
    public static func safetensors(_ tensors: [Tensor]) -> Data { safetensors(tensors, withData: true).header }

    static func safetensors(_ tensors: [Tensor], withData: Bool) -> (header: Data, dataBytes: Int) {
        var offset = 0
        var entries: [String] = [#""__metadata__": {"format": "pt"}"#]
        for t in tensors {
            let bytes = t.shape.reduce(1, *) * (bits[t.dtype] ?? 8) / 8
            entries.append("\"\(t.name)\": {\"dtype\": \"\(t.dtype)\", \"shape\": [\(t.shape.map(String.init).joined(separator: ", "))], \"data_offsets\": [\(offset), \(offset + bytes)]}")
            offset += bytes
        }
        return (raw(header: "{" + entries.joined(separator: ", ") + "}", dataBytes: withData ? offset : 0), offset)
    }

    /// DeepSeek-V3's checkpoint as published: every linear layer's matrix in F8_E4M3 with an F32
    /// `weight_scale_inv` per 128×128 block, embedding, head, norms and router in BF16, the
    /// routers' F32 `e_score_correction_bias`, and the multi-token-prediction module as layer 61
    /// (a sparse layer with its own embedding, `enorm`, `hnorm`, `eh_proj` and `shared_head`).
    public static func deepSeekV3Tensors() -> [Tensor] {
        let d = 7168, v = 129_280, heads = 128
        func fp8(_ name: String, _ outputs: Int, _ inputs: Int) -> [Tensor] {
            [(name + ".weight", "F8_E4M3", [outputs, inputs]), (name + ".weight_scale_inv", "F32", [(outputs + 127) / 128, (inputs + 127) / 128])]
        }
        func layer(_ l: Int) -> [Tensor] {
            let p = "model.layers.\(l)."
            var t: [Tensor] = [(p + "input_layernorm.weight", "BF16", [d]), (p + "post_attention_layernorm.weight", "BF16", [d]),
                               (p + "self_attn.q_a_layernorm.weight", "BF16", [1536]), (p + "self_attn.kv_a_layernorm.weight", "BF16", [512])]
            t += fp8(p + "self_attn.q_a_proj", 1536, d) + fp8(p + "self_attn.q_b_proj", heads * 192, 1536)
            t += fp8(p + "self_attn.kv_a_proj_with_mqa", 576, d) + fp8(p + "self_attn.kv_b_proj", heads * 256, 512)
            t += fp8(p + "self_attn.o_proj", d, heads * 128)
            guard l >= 3 else {
                return t + fp8(p + "mlp.gate_proj", 18432, d) + fp8(p + "mlp.up_proj", 18432, d) + fp8(p + "mlp.down_proj", d, 18432)
            }
            t += [(p + "mlp.gate.weight", "BF16", [256, d]), (p + "mlp.gate.e_score_correction_bias", "F32", [256])]
            for e in (0..<256).map({ "mlp.experts.\($0)" }) + ["mlp.shared_experts"] {
                t += fp8(p + e + ".gate_proj", 2048, d) + fp8(p + e + ".up_proj", 2048, d) + fp8(p + e + ".down_proj", d, 2048)
            }
            return t
        }
        var tensors: [Tensor] = [("model.embed_tokens.weight", "BF16", [v, d]), ("model.norm.weight", "BF16", [d]), ("lm_head.weight", "BF16", [v, d])]
        for l in 0...61 { tensors += layer(l) }
        let mtp = "model.layers.61."
        tensors += [(mtp + "embed_tokens.weight", "BF16", [v, d]), (mtp + "enorm.weight", "BF16", [d]), (mtp + "hnorm.weight", "BF16", [d]),
                    (mtp + "eh_proj.weight", "BF16", [d, 2 * d]), (mtp + "shared_head.norm.weight", "BF16", [d]),
                    (mtp + "shared_head.head.weight", "BF16", [v, d])]
        return tensors
    }

    /// gpt-oss's checkpoint as published: attention and router in BF16 with biases and sinks,
    /// each expert projection as U8 MXFP4 `*_blocks` (16 bytes per 32 values) and `*_scales`
    /// (one byte per 32) beside a BF16 bias.
    public static func gptOssTensors(layers: Int, experts: Int, hidden d: Int, intermediate i: Int, heads: Int, kvHeads: Int,
                                     headDim: Int, vocabulary: Int) -> [Tensor] {
        var tensors: [Tensor] = [("model.embed_tokens.weight", "BF16", [vocabulary, d]), ("model.norm.weight", "BF16", [d]),
                                 ("lm_head.weight", "BF16", [vocabulary, d])]
        for l in 0..<layers {
            let p = "model.layers.\(l)."
            let q = heads * headDim, kv = kvHeads * headDim
            tensors += [
                (p + "input_layernorm.weight", "BF16", [d]), (p + "post_attention_layernorm.weight", "BF16", [d]),
                (p + "self_attn.q_proj.weight", "BF16", [q, d]), (p + "self_attn.q_proj.bias", "BF16", [q]),
                (p + "self_attn.k_proj.weight", "BF16", [kv, d]), (p + "self_attn.k_proj.bias", "BF16", [kv]),
                (p + "self_attn.v_proj.weight", "BF16", [kv, d]), (p + "self_attn.v_proj.bias", "BF16", [kv]),
                (p + "self_attn.o_proj.weight", "BF16", [d, q]), (p + "self_attn.o_proj.bias", "BF16", [d]),
                (p + "self_attn.sinks", "BF16", [heads]),
                (p + "mlp.router.weight", "BF16", [experts, d]), (p + "mlp.router.bias", "BF16", [experts]),
                (p + "mlp.experts.gate_up_proj_blocks", "U8", [experts, 2 * i, d / 32, 16]),
                (p + "mlp.experts.gate_up_proj_scales", "U8", [experts, 2 * i, d / 32]),
                (p + "mlp.experts.gate_up_proj_bias", "BF16", [experts, 2 * i]),
                (p + "mlp.experts.down_proj_blocks", "U8", [experts, d, i / 32, 16]),
                (p + "mlp.experts.down_proj_scales", "U8", [experts, d, i / 32]),
                (p + "mlp.experts.down_proj_bias", "BF16", [experts, d]),
            ]
        }
        return tensors
    }

    /// `model.safetensors.index.json` mapping each file's tensors to it.
    public static func index(_ shards: [String: [Tensor]]) -> Data {
        let map = shards.sorted { $0.key < $1.key }.flatMap { file, tensors in tensors.map { "\"\($0.name)\": \"\(file)\"" } }
        return Data("{\"metadata\": {\"total_size\": 0}, \"weight_map\": {\(map.joined(separator: ", "))}}".utf8)
    }

    /// A tiny Llama: vocabulary 32, width 8, 2 layers, 2 heads of 4 (1 KV head), FFN 16.
    public static func tinyLlamaConfig(tied: Bool = false) -> Data {
        Data("""
        {"model_type": "llama", "architectures": ["LlamaForCausalLM"], "vocab_size": 32, "hidden_size": 8,
         "intermediate_size": 16, "num_hidden_layers": 2, "num_attention_heads": 2, "num_key_value_heads": 1,
         "head_dim": 4, "max_position_embeddings": 128, "tie_word_embeddings": \(tied), "torch_dtype": "bfloat16"}
        """.utf8)
    }

    /// The parameters transformers builds for `tinyLlamaConfig` (untied): 256 + 2 × 592 + 8 + 256.
    public static let tinyLlamaParameters = 1704

    /// Every tensor of the tiny Llama's checkpoint, in `dtype` (`lm_head.weight` unless `head` is false).
    public static func tinyLlamaTensors(dtype: String = "BF16", layers: Int = 2, head: Bool = true) -> [Tensor] {
        var tensors: [Tensor] = [("model.embed_tokens.weight", dtype, [32, 8]), ("model.norm.weight", dtype, [8])]
        for l in 0..<layers {
            let p = "model.layers.\(l)."
            tensors += [
                (p + "self_attn.q_proj.weight", dtype, [8, 8]), (p + "self_attn.k_proj.weight", dtype, [4, 8]),
                (p + "self_attn.v_proj.weight", dtype, [4, 8]), (p + "self_attn.o_proj.weight", dtype, [8, 8]),
                (p + "mlp.gate_proj.weight", dtype, [16, 8]), (p + "mlp.up_proj.weight", dtype, [16, 8]),
                (p + "mlp.down_proj.weight", dtype, [8, 16]),
                (p + "input_layernorm.weight", dtype, [8]), (p + "post_attention_layernorm.weight", dtype, [8]),
            ]
        }
        if head { tensors.append(("lm_head.weight", dtype, [32, 8])) }
        return tensors
    }

    /// Writes `files` (relative path → contents) under `directory`.
    public static func write(_ files: [String: Data], in directory: String) throws {
        for (name, data) in files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    /// A hub cache under `root` holding `id` at `commit`, with `refs/<ref>` naming it for each of
    /// `refs`, and the snapshot's `files` — as huggingface_hub lays them out: the contents in
    /// `blobs/`, the snapshot's entries symbolic links to them.
    public static func cache(root: String, id: String, commit: String, refs: [String] = ["main"], files: [String: Data]) throws {
        let repository = "models--" + id.replacingOccurrences(of: "/", with: "--")
        var tree: [String: Data] = [:]
        for ref in refs { tree["\(repository)/refs/\(ref)"] = Data(commit.utf8) }
        for (_, data) in files { tree["\(repository)/blobs/\(blobName(data))"] = data }
        try write(tree, in: root)
        for (name, data) in files {
            let link = URL(fileURLWithPath: root).appendingPathComponent("\(repository)/snapshots/\(commit)/\(name)")
            try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: link)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../../blobs/\(blobName(data))")
        }
    }

    /// A stand-in for the blob's hash: distinct for distinct contents.
    static func blobName(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16) + "-\(data.count)"
    }
}
