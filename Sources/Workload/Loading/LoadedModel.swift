/// A spec as loaded, with what the loader had to assume to produce it.
///
/// Warnings are non-empty only when a Hugging Face config had to be read by guesswork (an
/// unknown `model_type`, an unmodelled option): the CLI prints them so no guess goes unstated.
public struct LoadedModel: Sendable, Equatable {
    /// The validated spec every count starts from.
    public var spec: ModelSpec
    /// Each assumption the loader made (a config-class default, an unmodelled option), one
    /// sentence each: a library user should show them, as the CLI does, since the counts rest on them.
    public var warnings: [String]
    /// The model directory the config was read from, when the MODEL named one (a downloaded
    /// repository or a hub cache snapshot): where a checkpoint's safetensors files lie.
    public var directory: String?

    public init(spec: ModelSpec, warnings: [String] = [], directory: String? = nil) {
        self.spec = spec; self.warnings = warnings; self.directory = directory
    }
}
