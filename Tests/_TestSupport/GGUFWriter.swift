import Foundation

/// Writes small GGUF files for tests: a header (metadata of every value type, arrays and strings
/// included, and tensor infos) followed by a zero-filled data section of exactly the bytes the
/// tensors take. Its own block table (independent of the reader's) says those bytes.
public struct GGUFWriter {
    public enum Value {
        case u8(UInt8), i8(Int8), u16(UInt16), i16(Int16), u32(UInt32), i32(Int32), u64(UInt64), i64(Int64)
        case f32(Float), f64(Double), bool(Bool), string(String)
        case strings([String]), i32s([Int32]), f32s([Float])
        /// A value of any type id with the given payload bytes (hostile headers).
        case raw(type: UInt32, payload: [UInt8])
    }

    public struct Tensor {
        public var name: String
        public var dims: [UInt64]
        public var type: UInt32
        public init(_ name: String, _ dims: [UInt64], _ type: UInt32) { self.name = name; self.dims = dims; self.type = type }
    }

    /// ggml type ids the writer can size: (values per block, bytes per block).
    public static let blocks: [UInt32: (Int, Int)] = [0: (1, 4), 1: (1, 2), 8: (32, 34), 12: (256, 144), 14: (256, 210), 30: (1, 2), 39: (32, 17)]
    public static let f32: UInt32 = 0, f16: UInt32 = 1, q8_0: UInt32 = 8, q4_K: UInt32 = 12, q6_K: UInt32 = 14

    public var version: UInt32 = 3
    public var metadata: [(String, Value)] = []
    public var tensors: [Tensor] = []
    public var alignment = 32

    public init(metadata: [(String, Value)] = [], tensors: [Tensor] = []) {
        self.metadata = metadata; self.tensors = tensors
    }

    public static func bytes(of t: Tensor) -> Int {
        let (per, size) = blocks[t.type] ?? (1, 4)
        return t.dims.reduce(1) { $0 &* Int(truncatingIfNeeded: $1) } / per &* size
    }

    /// The header, and where each of its fields starts (for truncation tests).
    public func header() -> [UInt8] {
        var out: [UInt8] = Array("GGUF".utf8)
        out += le(version); out += le(UInt64(tensors.count)); out += le(UInt64(metadata.count))
        for (key, value) in metadata { out += string(key); out += encode(value) }
        var offset = 0
        for t in tensors {
            out += string(t.name); out += le(UInt32(t.dims.count))
            for d in t.dims { out += le(d) }
            out += le(t.type); out += le(UInt64(offset))
            offset += (Self.bytes(of: t) + alignment - 1) / alignment * alignment
        }
        return out
    }

    /// The whole file: header, padding to the alignment, zeroed tensor data.
    public func file() -> [UInt8] {
        var out = header()
        while out.count % alignment != 0 { out.append(0) }
        let data = tensors.reduce(0) { $0 + (Self.bytes(of: $1) + alignment - 1) / alignment * alignment }
        return out + [UInt8](repeating: 0, count: data)
    }

    public func write(to path: String) throws { try Data(file()).write(to: URL(fileURLWithPath: path)) }

    func le<T: FixedWidthInteger>(_ v: T) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    func string(_ s: String) -> [UInt8] { le(UInt64(s.utf8.count)) + Array(s.utf8) }

    func encode(_ v: Value) -> [UInt8] {
        switch v {
        case .u8(let x): le(UInt32(0)) + [x]
        case .i8(let x): le(UInt32(1)) + [UInt8(bitPattern: x)]
        case .u16(let x): le(UInt32(2)) + le(x)
        case .i16(let x): le(UInt32(3)) + le(x)
        case .u32(let x): le(UInt32(4)) + le(x)
        case .i32(let x): le(UInt32(5)) + le(x)
        case .f32(let x): le(UInt32(6)) + le(x.bitPattern)
        case .bool(let x): le(UInt32(7)) + [x ? 1 : 0]
        case .string(let s): le(UInt32(8)) + string(s)
        case .u64(let x): le(UInt32(10)) + le(x)
        case .i64(let x): le(UInt32(11)) + le(x)
        case .f64(let x): le(UInt32(12)) + le(x.bitPattern)
        case .strings(let xs): le(UInt32(9)) + le(UInt32(8)) + le(UInt64(xs.count)) + xs.flatMap(string)
        case .i32s(let xs): le(UInt32(9)) + le(UInt32(5)) + le(UInt64(xs.count)) + xs.flatMap { le($0) }
        case .f32s(let xs): le(UInt32(9)) + le(UInt32(6)) + le(UInt64(xs.count)) + xs.flatMap { le($0.bitPattern) }
        case .raw(let type, let payload): le(type) + payload
        }
    }

    /// A tiny Llama (2 layers, width 256, 4 heads of 64, 2 KV heads, FFN 512, vocabulary 512,
    /// untied LM head) stored the way a Q4_K_M quantisation mixes types: Q4_K, Q6_K, Q8_0, F16
    /// and F32 tensors.
    public static func tinyLlama(vocabulary: Int = 512) -> GGUFWriter {
        var w = GGUFWriter(metadata: [
            ("general.architecture", .string("llama")),
            ("general.name", .string("tiny llama")),
            ("general.file_type", .u32(15)),
            ("llama.block_count", .u32(2)),
            ("llama.context_length", .u32(2048)),
            ("llama.embedding_length", .u32(256)),
            ("llama.feed_forward_length", .u32(512)),
            ("llama.attention.head_count", .u32(4)),
            ("llama.attention.head_count_kv", .u32(2)),
            ("llama.rope.dimension_count", .u32(64)),
            ("llama.rope.freq_base", .f32(10000)),
            ("llama.attention.layer_norm_rms_epsilon", .f32(1e-5)),
            ("tokenizer.ggml.model", .string("llama")),
            ("tokenizer.ggml.tokens", .strings((0..<vocabulary).map { "tok\($0)" })),
            ("tokenizer.ggml.scores", .f32s((0..<vocabulary).map { Float($0) })),
            ("tokenizer.ggml.token_type", .i32s((0..<vocabulary).map { _ in 1 })),
            ("tokenizer.ggml.add_bos_token", .bool(true)),
        ])
        w.tensors = [Tensor("token_embd.weight", [256, UInt64(vocabulary)], q4_K),
                     Tensor("output_norm.weight", [256], f32),
                     Tensor("output.weight", [256, UInt64(vocabulary)], q6_K)]
        for layer in 0..<2 {
            let b = "blk.\(layer)."
            w.tensors += [Tensor(b + "attn_norm.weight", [256], f32),
                          Tensor(b + "attn_q.weight", [256, 256], q4_K),
                          Tensor(b + "attn_k.weight", [256, 128], q4_K),
                          Tensor(b + "attn_v.weight", [256, 128], q8_0),
                          Tensor(b + "attn_output.weight", [256, 256], f16),
                          Tensor(b + "ffn_norm.weight", [256], f32),
                          Tensor(b + "ffn_gate.weight", [256, 512], q4_K),
                          Tensor(b + "ffn_up.weight", [256, 512], q4_K),
                          Tensor(b + "ffn_down.weight", [512, 256], q8_0)]
        }
        return w
    }

    /// A tiny Qwen3-MoE (2 layers, width 256, 4 experts of 256, 2 routed per token, QK norms,
    /// tied embeddings: no `output.weight`).
    public static func tinyQwen3MoE() -> GGUFWriter {
        var w = GGUFWriter(metadata: [
            ("general.architecture", .string("qwen3moe")),
            ("general.file_type", .u32(7)),
            ("qwen3moe.block_count", .u32(2)),
            ("qwen3moe.context_length", .u32(4096)),
            ("qwen3moe.embedding_length", .u32(256)),
            ("qwen3moe.feed_forward_length", .u32(768)),
            ("qwen3moe.expert_feed_forward_length", .u32(256)),
            ("qwen3moe.expert_count", .u32(4)),
            ("qwen3moe.expert_used_count", .u32(2)),
            ("qwen3moe.attention.head_count", .u32(4)),
            ("qwen3moe.attention.head_count_kv", .u32(2)),
            ("qwen3moe.attention.key_length", .u32(64)),
            ("qwen3moe.attention.value_length", .u32(64)),
            ("tokenizer.ggml.tokens", .strings((0..<512).map { "t\($0)" })),
        ])
        w.tensors = [Tensor("token_embd.weight", [256, 512], q8_0), Tensor("output_norm.weight", [256], f32)]
        for layer in 0..<2 {
            let b = "blk.\(layer)."
            w.tensors += [Tensor(b + "attn_norm.weight", [256], f32),
                          Tensor(b + "attn_q.weight", [256, 256], q8_0),
                          Tensor(b + "attn_k.weight", [256, 128], q8_0),
                          Tensor(b + "attn_v.weight", [256, 128], q8_0),
                          Tensor(b + "attn_output.weight", [256, 256], q8_0),
                          Tensor(b + "attn_q_norm.weight", [64], f32),
                          Tensor(b + "attn_k_norm.weight", [64], f32),
                          Tensor(b + "ffn_norm.weight", [256], f32),
                          Tensor(b + "ffn_gate_inp.weight", [256, 4], f32),
                          Tensor(b + "ffn_gate_exps.weight", [256, 256, 4], q8_0),
                          Tensor(b + "ffn_up_exps.weight", [256, 256, 4], q8_0),
                          Tensor(b + "ffn_down_exps.weight", [256, 256, 4], q8_0)]
        }
        return w
    }
}
