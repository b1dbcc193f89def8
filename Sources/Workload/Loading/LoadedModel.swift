/// A spec as loaded, with what the loader had to assume to produce it.
///
/// Warnings are non-empty only when a Hugging Face config had to be read by guesswork (an
/// unknown `model_type`, an unmodelled option): the CLI prints them so no guess goes unstated.
public struct LoadedModel: Sendable, Equatable {
    public var spec: ModelSpec
    public var warnings: [String]

    public init(spec: ModelSpec, warnings: [String] = []) {
        self.spec = spec; self.warnings = warnings
    }
}
