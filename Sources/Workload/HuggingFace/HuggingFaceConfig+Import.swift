import Foundation

/// Turns a config into a validated `ModelSpec`, choosing the mapping by `model_type`.
extension HuggingFaceConfig {
    /// The `model_type`s read with a dedicated mapping (aliases included); any other goes through
    /// the generic decoder reading, with warnings.
    public static let supportedModelTypes = [
        "gpt2", "llama", "mistral", "mixtral", "qwen2", "gemma", "phi", "gpt_neox", "opt", "falcon",
        "RefinedWebModel", "RefinedWeb", "bert", "t5", "mt5", "bart",
    ]

    /// Reads and validates the config.
    /// - Parameter name: the model's name (the loader passes the directory or file name).
    /// - Returns: the spec, with `source` = the file and `family` = `model_type`, and the
    ///   assumptions the reading made (empty for a supported family in the usual shape).
    public func modelSpec(name: String) throws(SpecError) -> LoadedModel {
        var warnings: [String] = []
        let type = try string("model_type")
        var spec: ModelSpec
        switch type?.lowercased() {
        case "gpt2": spec = try gpt2Spec(warnings: &warnings)
        case "llama": spec = try llamaSpec(warnings: &warnings)
        case "mistral": spec = try mistralSpec(warnings: &warnings)
        case "mixtral": spec = try mixtralSpec(warnings: &warnings)
        case "qwen2": spec = try qwen2Spec(warnings: &warnings)
        case "gemma": spec = try gemmaSpec(warnings: &warnings)
        case "phi": spec = try phiSpec(warnings: &warnings)
        case "gpt_neox": spec = try gptNeoXSpec(warnings: &warnings)
        case "opt": spec = try optSpec(warnings: &warnings)
        case "falcon", "refinedwebmodel", "refinedweb": spec = try falconSpec(warnings: &warnings)
        case "bert": spec = try bertSpec(warnings: &warnings)
        case "t5", "mt5": spec = try t5Spec(warnings: &warnings)
        case "bart": spec = try bartSpec(warnings: &warnings)
        default: spec = try genericSpec(warnings: &warnings)
        }
        spec.name = name
        spec.source = file
        spec.family = type
        return LoadedModel(spec: try spec.validated(file: file), warnings: warnings)
    }

    /// Parses and imports a `config.json` in one step.
    public static func importConfig(_ data: Data, file: String, name: String) throws(SpecError) -> LoadedModel {
        try HuggingFaceConfig(data: data, file: file).modelSpec(name: name)
    }
}
