import Workload

/// Refuses a `flops` option that the chosen phase or model would silently ignore (`--beams` on a
/// prefill, `--decoder-seq` on a decoder-only model), naming the option and where it applies.
struct PhaseApplicability {
    let options: PhaseOptions
    let spec: ModelSpec
    init(_ options: PhaseOptions, spec: ModelSpec) { self.options = options; self.spec = spec }

    func check() throws {
        let o = options
        try only(.context, given: o.context != nil, in: [.decode])
        try only(.encoderSequenceLength, given: o.encoderSeq != nil, in: [.decode])
        try only(.draftTokens, given: o.draftTokensOption != nil, in: [.decode])
        try only(.decoderSequenceLength, given: o.decoderSeq != nil, in: [.prefill, .train])
        try only(.newTokens, given: o.newTokensOption != nil, in: [.generate])
        try only(.beams, given: o.beamsOption != nil, in: [.generate])
        try only(.beamPrefill, given: o.beamPrefillOption != nil, in: [.generate])
        try only(.recompute, given: o.recomputeOption != nil, in: [.train])
        if !spec.isEncoderDecoder {
            for (parameter, given) in [(InputParameter.decoderSequenceLength, o.decoderSeq != nil), (.encoderSequenceLength, o.encoderSeq != nil)] where given {
                throw PhaseError(parameter, "applies to encoder–decoder models only; \(spec.name) is \(kind)")
            }
        }
    }

    private var kind: String { spec.decoder == nil ? "encoder-only" : "decoder-only" }

    private func only(_ parameter: InputParameter, given: Bool, in phases: [Phase]) throws {
        guard given, !phases.contains(options.phase) else { return }
        let names = phases.map { "\(OptionNames.name(.phase)) \($0.rawValue)" }.joined(separator: " or ")
        throw PhaseError(parameter, "applies to \(names) only, not to \(options.phase.rawValue)")
    }
}
