/// What one layer of a stack is, where a stack's layers differ: how far its self-attention
/// reaches, whether it rotates positions, whether its FFN is the mixture of experts.
///
/// Sums never depend on which layer is which, only on how many of each kind there are, so a
/// stack is counted as groups of identical layers (`StackSpec.layerKindCounts`).
public struct LayerKind: Codable, Sendable, Hashable {
    /// How far back a layer's queries read.
    public enum Reach: String, Codable, Sendable, CaseIterable {
        /// Every earlier position (or every position, in a bidirectional stack).
        case full
        /// The last `slidingWindow` positions (Mistral, Gemma 2's local layers).
        case sliding
        /// The positions of the query's own chunk of `attentionChunkSize` (Llama 4's local layers).
        case chunked
    }

    public var attention: Reach
    /// Whether the layer applies the stack's rotary embedding (Llama 4's global layers are NoPE).
    public var rotary: Bool
    /// Whether the FFN is the stack's mixture of experts rather than its dense `ffn`.
    public var experts: Bool

    public init(attention: Reach = .full, rotary: Bool = true, experts: Bool = false) {
        self.attention = attention; self.rotary = rotary; self.experts = experts
    }

    enum CodingKeys: String, CodingKey { case attention, rotary, experts }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        attention = try c.decodeIfPresent(Reach.self, forKey: .attention) ?? .full
        rotary = try c.decodeIfPresent(Bool.self, forKey: .rotary) ?? true
        experts = try c.decodeIfPresent(Bool.self, forKey: .experts) ?? false
    }
}

extension StackSpec {
    /// Every layer's kind, in order: the pattern repeated over the stack, or the kinds the counts
    /// imply (windowed layers taken from the dense ones first; any assignment gives the same sums).
    public var layerKinds: [LayerKind] {
        if let pattern = layerPattern, !pattern.isEmpty {
            return (0..<layers).map { pattern[$0 % pattern.count] }
        }
        return layerKindCounts.flatMap { Array(repeating: $0.kind, count: $0.count) }
    }

    /// How many layers of each kind the stack has, in order of first appearance (without a
    /// pattern: expert layers full, then windowed; dense full, then windowed — the order every
    /// existing report was made in).
    public var layerKindCounts: [(kind: LayerKind, count: Int)] {
        if let pattern = layerPattern, !pattern.isEmpty {
            var order: [LayerKind] = [], counts: [LayerKind: Int] = [:]
            for i in 0..<layers {
                let kind = pattern[i % pattern.count]
                if counts[kind] == nil { order.append(kind) }
                counts[kind, default: 0] += 1
            }
            return order.map { ($0, counts[$0]!) }
        }
        let windowed = windowedLayers
        let expertLayers = moe.map { $0.sparseLayers(of: layers) } ?? 0
        let denseLayers = layers - expertLayers
        let denseWindowed = min(denseLayers, windowed)
        let kinds: [(LayerKind, Int)] = [
            (LayerKind(attention: .full, experts: true), expertLayers - (windowed - denseWindowed)),
            (LayerKind(attention: .sliding, experts: true), windowed - denseWindowed),
            (LayerKind(attention: .full, experts: false), denseLayers - denseWindowed),
            (LayerKind(attention: .sliding, experts: false), denseWindowed),
        ]
        return kinds.filter { $0.1 > 0 }.map { (kind: $0.0, count: $0.1) }
    }

    /// Layers of `reach` (from the pattern, or the sliding-window count).
    public func layers(reaching reach: LayerKind.Reach) -> Int {
        layerKindCounts.filter { $0.kind.attention == reach }.reduce(0) { $0 + $1.count }
    }

    /// Layers that apply the rotary embedding (all of them but Llama 4's NoPE layers).
    public var rotaryLayers: Int { layerKindCounts.filter { $0.kind.rotary }.reduce(0) { $0 + $1.count } }

    /// The positions a layer of `reach` keeps in its cache at most, nil for all of them.
    public func cacheCap(_ reach: LayerKind.Reach) -> Int? {
        switch reach {
        case .full: nil
        case .sliding: slidingWindow
        case .chunked: attentionChunkSize
        }
    }
}

extension ModelSpec {
    /// Llama 4: transformers' `Llama4TextExperts` multiplies every token by every expert (the
    /// unchosen ones scaled by a zero score), so its reference counts differ from the top-k count.
    public var referenceRunsEveryExpert: Bool { family == "llama4_text" || family == "llama4" }
}
