import Foundation

/// Turns a config into a validated `ModelSpec`, choosing the mapping by `model_type`.
extension HuggingFaceConfig {
    /// The `model_type`s read with a dedicated mapping (aliases included); any other goes through
    /// the generic decoder reading, with warnings.
    public static let supportedModelTypes = [
        "gpt2", "llama", "mistral", "mixtral", "qwen2", "gemma", "phi", "gpt_neox", "opt", "falcon",
        "RefinedWebModel", "RefinedWeb", "bert", "t5", "mt5", "bart", "qwen3", "olmo2",
    ]

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
        switch type?.lowercased() {
        case "gpt2": try gpt2Spec(warnings: &warnings)
        case "gpt_bigcode": try gptBigCodeSpec(warnings: &warnings)
        case "starcoder2": try starcoder2Spec(warnings: &warnings)
        case "llama": try llamaSpec(warnings: &warnings)
        case "mistral": try mistralSpec(warnings: &warnings)
        case "mixtral": try mixtralSpec(warnings: &warnings)
        case "qwen2": try qwen2Spec(warnings: &warnings)
        case "qwen3": try qwen3Spec(warnings: &warnings)
        case "qwen2_moe": try qwen2MoESpec(warnings: &warnings)
        case "qwen3_moe": try qwen3MoESpec(warnings: &warnings)
        case "olmo": try olmoSpec(warnings: &warnings)
        case "olmo2": try olmo2Spec(warnings: &warnings)
        case "olmoe": try olmoeSpec(warnings: &warnings)
        case "gemma": try gemmaSpec(warnings: &warnings)
        case "gemma2": try gemma2Spec(warnings: &warnings)
        case "gemma3_text": try gemma3TextSpec(warnings: &warnings)
        case "phi": try phiSpec(warnings: &warnings)
        case "phi3": try phi3Spec(warnings: &warnings)
        case "phimoe": try phimoeSpec(warnings: &warnings)
        case "gpt_neox": try gptNeoXSpec(warnings: &warnings)
        case "opt": try optSpec(warnings: &warnings)
        case "falcon", "refinedwebmodel", "refinedweb": try falconSpec(warnings: &warnings)
        case "bert": try bertSpec(warnings: &warnings)
        case "t5", "mt5": try t5Spec(warnings: &warnings)
        case "bart": try bartSpec(warnings: &warnings)
        default: try genericSpec(warnings: &warnings)
        }
    }

    /// Parses and imports a `config.json` in one step.
    public static func importConfig(_ data: Data, file: String, name: String) throws(SpecError) -> LoadedModel {
        try HuggingFaceConfig(data: data, file: file).modelSpec(name: name)
    }
}
