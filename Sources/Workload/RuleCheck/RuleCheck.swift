/// Checks the `2·N` (forward) and `6·N` (training) rules of thumb against exact counts.
public struct RuleCheck: Sendable {
    public let spec: ModelSpec
    public let parameters: ParameterReport
    /// The deviation beyond which the rule is called broken.
    public static let tolerance = 0.10

    /// Counters of the conventions a check compares, built once: a range bisects over dozens of
    /// contexts, and each counter folds the same operations at every one of them.
    private let matmul: FlopCounter, causal: FlopCounter, kaplan: FlopCounter

    public init(spec: ModelSpec) throws(CountOverflow) {
        self.spec = spec
        matmul = try FlopCounter(spec: spec)
        causal = try FlopCounter(spec: spec, convention: .causal)
        kaplan = try FlopCounter(spec: spec, convention: .kaplan)
        parameters = matmul.parameters
    }

    /// The counter of `convention`.
    func counter(_ convention: Convention) throws -> FlopCounter {
        switch convention {
        case .matmul: matmul
        case .causal: causal
        case .kaplan: kaplan
        case .full, .rule: try FlopCounter(spec: spec, convention: convention)
        }
    }

    /// Exact FLOPs per token of a batch-1 prefill of `context` tokens (encoder–decoder: `context`
    /// tokens into each stack), and the split of its gap to `2·N`.
    public func deviation(at context: Int, convention: Convention) throws -> RuleDeviation {
        let report = try counter(convention).prefill(batch: 1, seq: context)
        let tokens = Double(report.tokens)
        var flops: [DeviationSource: Double] = [:]
        var sourceless = 0.0
        for c in report.components {
            if let source = DeviationSource.of(flopComponent: c.name) {
                flops[source, default: 0] += Double(c.flops.value)
            } else {
                sourceless += Double(c.flops.value)
            }
        }
        var charged: [DeviationSource: Double] = [:]      // 2 × parameters × tokens, by source
        var weightParameters = 0.0
        for c in parameters.components {
            let p = 2 * Double(c.parameters.value) * tokens
            switch c.kind {
            // A tied head multiplies by the token table: its parameters belong to the head's matmul.
            case .embedding where c.name == "token_embedding" && spec.lmHead?.tied == true:
                charged[.lmHead, default: 0] += p
            case .embedding: charged[.embeddings, default: 0] += p
            case .lmHead: charged[.lmHead, default: 0] += p
            case .experts, .router: charged[.mixtureOfExperts, default: 0] += p
            case .norm, .pooler: charged[.other, default: 0] += p
            case .attention, .ffn: weightParameters += p
            }
        }
        // Dense weights (attention projections, FFN): what they cost beyond 2·params·tokens is the
        // encoder–decoder split (each stack runs over its own tokens only) or, for one stack, ~0.
        let weightGap = sourceless - weightParameters - flopsOfOther(report)
        var bySource: [DeviationSource: Double] = [:]
        for source in DeviationSource.allCases where source.applies(to: spec) {
            bySource[source] = ((flops[source] ?? 0) - (charged[source] ?? 0)) / tokens
        }
        bySource[.other, default: 0] += flopsOfOther(report) / tokens
        bySource[spec.isEncoderDecoder ? .encoderDecoderSplit : .other, default: 0] += weightGap / tokens
        return RuleDeviation(context: context, convention: convention, exactPerToken: report.flopsPerToken,
                             rulePerToken: 2 * Double(parameters.total), bySource: bySource)
    }

    /// FLOPs of the pooler, charged to `other` with its parameters.
    private func flopsOfOther(_ report: FlopReport) -> Double {
        Double(report.flops(endingWith: "pooler", "pooler_elementwise"))
    }
}
