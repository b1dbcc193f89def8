/// A GGUF file's tensors summed by parameter group and by ggml type, and checked against the
/// parameter count.
enum GGUFStorage {
    /// Tensors llama.cpp stores that transformers holds as buffers, not parameters (Llama 3's
    /// `rope_freqs`): priced in memory under this name, left out of the cross-check.
    static let buffers = "buffers (not parameters)"
    /// DeepSeek's multi-token-prediction layers (`blk.N` past the counted layers): priced in
    /// memory under this name, not counted (transformers does not build them).
    static let predictionModules = "prediction modules (not built)"

    /// The parameter group of a tensor named the llama.cpp way (`blk.3.attn_q.weight`), keyed like
    /// the parameter report's components.
    static func group(of name: String, layers: Int? = nil) -> String {
        var parts = name.split(separator: ".").map(String.init)
        if parts.first == "blk", parts.count >= 3, let layers, let n = Int(parts[1]), n >= layers { return predictionModules }
        if parts.last == "weight" || parts.last == "bias" { parts.removeLast() }
        if parts.first == "blk", parts.count >= 3 { parts.removeFirst(2) }
        let base = parts.joined(separator: ".")
        switch base {
        case "token_embd": return ParameterGroup.tokenEmbedding.rawValue
        case "token_embd_norm": return ParameterGroup.embeddingNorm.rawValue
        case "position_embd": return ParameterGroup.positionEmbedding.rawValue
        case "output": return ParameterGroup.lmHead.rawValue
        case "output_norm": return ParameterGroup.finalNorm.rawValue
        case "rope_freqs", "rope_factors_long", "rope_factors_short", "exp_probs_b": return buffers
        case "attn_q_norm", "attn_k_norm": return ParameterGroup.qkNorms.rawValue
        case "attn_q_a_norm", "attn_kv_a_norm": return ParameterGroup.latentNorms.rawValue
        case "ffn_gate_inp": return ParameterGroup.router.rawValue
        default: break
        }
        // Fused experts (`ffn_up_exps`), or one tensor per expert as 2023–24 Mixtral files store them (`ffn_up.3`).
        if base.hasSuffix("_exps") || (parts.count == 2 && parts[0].hasPrefix("ffn_") && Int(parts[1]) != nil) {
            return ParameterGroup.experts.rawValue
        }
        if base.hasSuffix("_shexp") { return ParameterGroup.sharedExpert.rawValue }
        if base.hasSuffix("norm") || base.hasSuffix("norm_2") { return ParameterGroup.norms.rawValue }
        if base.hasPrefix("attn_") { return ParameterGroup.attention.rawValue }
        if base.hasPrefix("ffn_") { return ParameterGroup.ffn.rawValue }
        return "other (\(base))"
    }

    static func storedTensors(_ h: GGUFHeader, layers: Int?, path: String) throws(SpecError) -> StoredTensors {
        var groups: [StoredTensors.Group] = []
        var types: [StoredTensors.TypeTotal] = []
        for t in h.tensors {
            let name = group(of: t.name, layers: layers)
            let elements = Int128(t.elements)
            if let i = groups.firstIndex(where: { $0.name == name }) {
                groups[i].elements += elements; groups[i].bytes += t.bytes
                if let j = groups[i].byType.firstIndex(where: { $0.type == t.type.name }) {
                    groups[i].byType[j].elements += elements
                } else {
                    groups[i].byType.append((t.type.name, t.type.bitsPerWeight, elements))
                }
            } else {
                groups.append(.init(name: name, elements: elements, bytes: t.bytes, byType: [(t.type.name, t.type.bitsPerWeight, elements)]))
            }
            if let i = types.firstIndex(where: { $0.type == t.type.name }) {
                types[i].tensors += 1; types[i].elements += elements; types[i].bytes += t.bytes
            } else {
                types.append(.init(type: t.type.name, bitsPerWeight: t.type.bitsPerWeight, tensors: 1, elements: elements, bytes: t.bytes))
            }
        }
        return StoredTensors(fileType: try fileType(h, path: path), groups: groups, types: types.sorted { $0.bytes > $1.bytes })
    }

    static func fileType(_ h: GGUFHeader, path: String) throws(SpecError) -> String? {
        switch h.metadata["general.file_type"] {
        case nil: return nil
        case .integer(let i)?:
            // llama.cpp sets bit 10 (`LLAMA_FTYPE_GUESSED`) when it inferred the type from the tensors.
            let guessed = i >= 0 && i & 1024 != 0
            let id = guessed ? i & ~1024 : i
            let name = GGUFFileType.names[Int(clamping: id)] ?? "file type \(id)"
            return guessed ? name + " (guessed)" : name
        case let other?: throw SpecError(file: path, field: "general.file_type", "expected an integer, got \(other.described)")
        }
    }

    /// The file's values against the parameter count, group by group: a difference means the
    /// architecture was read wrongly or the file holds something transformers does not build.
    static func crossCheck(_ stored: StoredTensors, spec: ModelSpec, header: GGUFHeader) throws(SpecError) -> [String] {
        let report: ParameterReport
        do { report = try ParameterCount.report(for: spec) } catch { return ["the parameter count could not be cross-checked against the file's tensors: \(error)"] }
        let counted = Dictionary(report.components.map { ($0.name, $0.parameters.value) }, uniquingKeysWith: +)
        let inFile = stored.groups.filter { $0.name != buffers && $0.name != predictionModules }
        let fileTotal = inFile.reduce(Int128(0)) { $0 + $1.elements }
        var warnings: [String] = []
        if fileTotal != report.total {
            let groups = Set(counted.keys).union(inFile.map(\.name)).sorted()
            let differing = groups.compactMap { name -> String? in
                let file = inFile.first { $0.name == name }?.elements ?? 0
                let ours = counted[name] ?? 0
                return file == ours ? nil : "\(name): file \(file), counted \(ours)"
            }
            warnings.append("the file's tensors hold \(fileTotal) values, the architecture read from its metadata has \(report.total) parameters (\(differing.joined(separator: "; "))); memory prices the file's tensors as stored")
        }
        return warnings
    }
}
