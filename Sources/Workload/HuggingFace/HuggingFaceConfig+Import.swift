import Foundation

/// Turns a config into a validated `ModelSpec`, choosing the mapping by `model_type`.
extension HuggingFaceConfig {
    /// The `model_type`s read with a dedicated mapping (aliases included, lower-cased), each
    /// with its reading: the one table the dispatch and the list of supported types both read.
    /// Any other type goes through the generic decoder reading, with warnings.
    typealias Importer = @Sendable (HuggingFaceConfig, inout [String]) throws(SpecError) -> ModelSpec
    static let importers: [String: Importer] = [
        "gpt2": { c, w throws(SpecError) in try c.gpt2Spec(warnings: &w) },
        "gpt_bigcode": { c, w throws(SpecError) in try c.gptBigCodeSpec(warnings: &w) },
        "starcoder2": { c, w throws(SpecError) in try c.starcoder2Spec(warnings: &w) },
        "llama": { c, w throws(SpecError) in try c.llamaSpec(warnings: &w) },
        "mistral": { c, w throws(SpecError) in try c.mistralSpec(warnings: &w) },
        "mixtral": { c, w throws(SpecError) in try c.mixtralSpec(warnings: &w) },
        "qwen2": { c, w throws(SpecError) in try c.qwen2Spec(warnings: &w) },
        "qwen3": { c, w throws(SpecError) in try c.qwen3Spec(warnings: &w) },
        "qwen2_moe": { c, w throws(SpecError) in try c.qwen2MoESpec(warnings: &w) },
        "qwen3_moe": { c, w throws(SpecError) in try c.qwen3MoESpec(warnings: &w) },
        "olmo": { c, w throws(SpecError) in try c.olmoSpec(warnings: &w) },
        "olmo2": { c, w throws(SpecError) in try c.olmo2Spec(warnings: &w) },
        "olmoe": { c, w throws(SpecError) in try c.olmoeSpec(warnings: &w) },
        "gemma": { c, w throws(SpecError) in try c.gemmaSpec(warnings: &w) },
        "gemma2": { c, w throws(SpecError) in try c.gemma2Spec(warnings: &w) },
        "gemma3_text": { c, w throws(SpecError) in try c.gemma3TextSpec(warnings: &w) },
        "phi": { c, w throws(SpecError) in try c.phiSpec(warnings: &w) },
        "phi3": { c, w throws(SpecError) in try c.phi3Spec(warnings: &w) },
        "phimoe": { c, w throws(SpecError) in try c.phimoeSpec(warnings: &w) },
        "gpt_neox": { c, w throws(SpecError) in try c.gptNeoXSpec(warnings: &w) },
        "opt": { c, w throws(SpecError) in try c.optSpec(warnings: &w) },
        "falcon": { c, w throws(SpecError) in try c.falconSpec(warnings: &w) },
        "refinedwebmodel": { c, w throws(SpecError) in try c.falconSpec(warnings: &w) },
        "refinedweb": { c, w throws(SpecError) in try c.falconSpec(warnings: &w) },
        "bert": { c, w throws(SpecError) in try c.bertSpec(warnings: &w) },
        "t5": { c, w throws(SpecError) in try c.t5Spec(warnings: &w) },
        "mt5": { c, w throws(SpecError) in try c.t5Spec(warnings: &w) },
        "bart": { c, w throws(SpecError) in try c.bartSpec(warnings: &w) },
        "deepseek_v2": { c, w throws(SpecError) in try c.deepseekV2Spec(warnings: &w) },
        "deepseek_v3": { c, w throws(SpecError) in try c.deepseekV3Spec(warnings: &w) },
        "kimi_k2": { c, w throws(SpecError) in try c.deepseekV3Spec(warnings: &w) },
        "glm4_moe": { c, w throws(SpecError) in try c.glm4MoESpec(warnings: &w) },
        "gpt_oss": { c, w throws(SpecError) in try c.gptOssSpec(warnings: &w) },
        "llama4_text": { c, w throws(SpecError) in try c.llama4TextSpec(warnings: &w) },
        "llama4": { c, w throws(SpecError) in try c.llama4Spec(warnings: &w) },
        "mamba": { c, w throws(SpecError) in try c.mambaSpec(warnings: &w) },
        "falcon_mamba": { c, w throws(SpecError) in try c.mambaSpec(warnings: &w) },
        "mamba2": { c, w throws(SpecError) in try c.mamba2Spec(warnings: &w) },
        "jamba": { c, w throws(SpecError) in try c.jambaSpec(warnings: &w) },
        "bamba": { c, w throws(SpecError) in try c.bambaSpec(warnings: &w) },
        "nemotron_h": { c, w throws(SpecError) in try c.nemotronHSpec(warnings: &w) },
        "falcon_h1": { c, w throws(SpecError) in try c.falconH1Spec(warnings: &w) },
        "qwen3_next": { c, w throws(SpecError) in try c.qwen3NextSpec(warnings: &w) },
    ]

    /// The `model_type`s read with a dedicated mapping, sorted.
    public static var supportedModelTypes: [String] { importers.keys.sorted() }

    /// Reads and validates the config.
    /// - Parameter name: the model's name (the loader passes the directory or file name).
    /// - Returns: the spec, with `source` = the file and `family` = `model_type`, and the
    ///   assumptions the reading made (empty for a supported family in the usual shape).
    public func modelSpec(name: String) throws(SpecError) -> LoadedModel {
        var warnings: [String] = []
        let type = try string("model_type")
        let defaults = ClassDefaults.forModelType(type)
        let config = withDefaults(defaults)
        var spec = try config.familySpec(type, warnings: &warnings)
        try config.refuseSelfOnlyWindow(spec)
        spec.checkpointPrecision = try config.checkpointPrecision(of: spec, warnings: &warnings)
        if let defaults, !config.defaultsRead.entries.isEmpty {
            let list = config.defaultsRead.entries.map { "\($0.key) = \($0.value.jsonText)" }.joined(separator: ", ")
            warnings.insert("fields absent from the config take \(defaults.className)'s defaults (transformers 5.23.0): \(list)", at: 0)
        }
        spec.name = name
        spec.source = file
        spec.family = type
        return LoadedModel(spec: try spec.validated(file: file), warnings: warnings)
    }

    /// The mapping of `type`.
    private func familySpec(_ type: String?, warnings: inout [String]) throws(SpecError) -> ModelSpec {
        guard let type, let importer = Self.importers[type.lowercased()] else { return try genericSpec(warnings: &warnings) }
        return try importer(self, &warnings)
    }

    /// A window of 1 (each token sees only itself) is refused: transformers 5.23's sliding cache
    /// keeps `[-window + 1:]` = `[0:]` of the history for it, so a decode step attends to every
    /// cached key while prefill's mask lets a token see one — no count is exact for both.
    private func refuseSelfOnlyWindow(_ spec: ModelSpec) throws(SpecError) {
        guard spec.stacks.contains(where: { $0.stack.slidingWindow == 1 }) else { return }
        throw error("sliding_window", "a window of 1 is degenerate (transformers 5.23's cache keeps the whole history for it, its mask one token); give 2 or more, or null for none")
    }

    /// Parses and imports a `config.json` in one step.
    public static func importConfig(_ data: Data, file: String, name: String) throws(SpecError) -> LoadedModel {
        try HuggingFaceConfig(data: data, file: file).modelSpec(name: name)
    }
}
