import CostModel

/// A link between devices: what a collective's bytes travel over. Its two figures carry their
/// sources as the accelerator catalog's do, one `SourceReference` each.
public struct Interconnect: Sendable, Equatable {
    public var name: String
    /// Bandwidth one device can drive in one direction.
    public var bandwidth: BytesPerSecond
    /// Latency of one ring step (one hop of a ring collective).
    public var latency: Seconds
    /// Where the bandwidth comes from.
    public var bandwidthSource: SourceReference
    /// Where the latency comes from.
    public var latencySource: SourceReference

    public init(name: String, bandwidth: BytesPerSecond, latency: Seconds,
                bandwidthSource: SourceReference, latencySource: SourceReference) {
        self.name = name; self.bandwidth = bandwidth; self.latency = latency
        self.bandwidthSource = bandwidthSource; self.latencySource = latencySource
    }

    /// The one link-time formula every collective uses: `bytes ÷ bandwidth + steps × latency`.
    public func time(bytes: Bytes, steps: Double) -> Seconds { bandwidth.time(for: bytes) + latency * steps }

    /// The bandwidth's citation as the link catalog prints it.
    public var bandwidthCitation: String { InterconnectCatalog.citation(bandwidthSource) }
    /// The latency's citation as the link catalog prints it.
    public var latencyCitation: String { InterconnectCatalog.citation(latencySource) }
}
