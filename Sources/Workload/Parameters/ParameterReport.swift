/// Exact parameter counts of a model: the breakdown and the totals scripts rely on.
public struct ParameterReport: Sendable, Equatable {
    public var model: String
    /// Components in model order; they sum to `total`. Zero-sized components are omitted.
    public var components: [ParameterComponent]
    /// Every parameter the model code instantiates (tied weights once).
    public var total: Int128
    /// Parameters one token touches: all but the inactive experts of a mixture.
    public var active: Int128
    /// `total` less vocabulary and position tables and an untied LM head (Kaplan et al. 2020).
    public var nonEmbedding: Int128

    /// Builds the totals from the components, failing if any count overflowed.
    public init(model: String, components: [ParameterComponent]) throws(CountOverflow) {
        self.model = model
        self.components = components
        total = try components.reduce(ExactCount.zero) { $0 + $1.parameters }
            .checked("parameter count of \(model)")
        active = try components.reduce(ExactCount.zero) { $0 + $1.activeParameters }
            .checked("active parameter count of \(model)")
        nonEmbedding = try components.filter { $0.kind != .embedding && $0.kind != .lmHead }
            .reduce(ExactCount.zero) { $0 + $1.parameters }
            .checked("non-embedding parameter count of \(model)")
    }

    /// The parameters of all components of one kind.
    public func parameters(of kind: ComponentKind) -> Int128 {
        components.filter { $0.kind == kind }.reduce(0) { $0 + $1.parameters.value }
    }
}
