/// What a group of weights does; decides whether it counts as "embedding" and whether MoE routing
/// makes only part of it active.
public enum ComponentKind: String, Sendable, Codable {
    /// Vocabulary and position tables, OPT's projections: excluded from non-embedding counts.
    case embedding
    case attention
    case ffn
    /// Expert FFNs of a mixture: only `topK / experts` of them are active per token.
    case experts
    case router
    case norm
    /// An untied vocabulary projection (and its bias): a vocabulary matrix, so "embedding" in
    /// Kaplan's sense, but reported on its own.
    case lmHead
    case pooler
}

/// One line of a parameter breakdown.
public struct ParameterComponent: Sendable, Equatable {
    /// Stable, script-friendly name: `token_embedding`, `attention`, `decoder.cross_attention`, …
    public var name: String
    public var kind: ComponentKind
    public var parameters: ExactCount
    /// Parameters a single token touches (differs from `parameters` only for experts).
    public var activeParameters: ExactCount
    /// How the figure is made, e.g. `32 layers × (4096×4096 + …)`; printed when a front end explains each line.
    public var formula: String

    public init(name: String, kind: ComponentKind, parameters: ExactCount,
                activeParameters: ExactCount? = nil, formula: String) {
        self.name = name; self.kind = kind; self.parameters = parameters
        self.activeParameters = activeParameters ?? parameters; self.formula = formula
    }
}
