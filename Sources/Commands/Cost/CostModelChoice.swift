import ArgumentParser
import CostModel
import Workload

/// The model a cost is for: a MODEL (spec or config, counted exactly) or `--parameters N`
/// (the seeds' rule: 2N per forward token, 6N per training token).
struct CostModelChoice: ParsableArguments {
    @Argument(help: ArgumentHelp("A catalog name, spec file, Hugging Face config.json or model directory, GGUF file, or a hub id in the local Hugging Face cache (omit with --parameters).", valueName: "model"))
    var model: String?
    @Option(help: ArgumentHelp(ModelArgument.revisionHelp, valueName: "revision"))
    var revision: String?
    @Option(help: "Use the rule (2·N forward, 6·N training) for a model of N parameters instead of a MODEL, e.g. 175e9.")
    var parameters: Double?
    @Option(name: .customLong("weight-type"), help: "Weight storage format: \(DataType.allCases.map(\.rawValue).joined(separator: ", ")) (default: as the checkpoint stores them where the model says, else bf16; fp32 on a measured host, whose kernels are FP32, except a GGUF file's tensors as stored).")
    var weightType: DataType?
    @Option(name: .customLong("kv-type"), help: "KV-cache storage format (default as --weight-type's default).")
    var kvType: DataType?
    @Flag(name: .customLong("allow-beyond-context"), help: "Cost sequences longer than the model's context window.")
    var allowBeyondContext = false

    /// The storage format when none is given: fp32 on a measured host (its kernels measured FP32
    /// SGEMM), bf16 on a datasheet device.
    static func defaultType(measuredHost: Bool) -> DataType { measuredHost ? .fp32 : .bf16 }

    /// Figures at `sequenceLength` tokens per sequence (set by `parameter`). A sequence, or a prompt
    /// plus `newTokens`, beyond the model's context window is refused by the one window check
    /// `flops` uses, unless `--allow-beyond-context`.
    func figures(sequenceLength: Int?, parameter: InputParameter, newTokens: Int = 0, recompute: Recompute = .none,
                 measuredHost: Bool = false) throws -> ModelFigures {
        try loaded(sequenceLength: sequenceLength, parameter: parameter, newTokens: newTokens, recompute: recompute,
                   measuredHost: measuredHost).figures
    }

    /// The figures and, for a MODEL, its architecture (nil with `--parameters`, which has none):
    /// what a plan needs beyond the figures, from the one load.
    func loaded(sequenceLength: Int?, parameter: InputParameter, newTokens: Int = 0, recompute: Recompute = .none,
                measuredHost: Bool = false) throws -> (figures: ModelFigures, spec: ModelSpec?) {
        let kvType = self.kvType ?? Self.defaultType(measuredHost: measuredHost)
        // Unnamed on a datasheet device: the weights as the checkpoint stores them, else bf16 (as `memory` and `plan`).
        let namedWeightType = self.weightType ?? (measuredHost ? DataType.fp32 : nil)
        let weightType = namedWeightType ?? .bf16
        switch (model, parameters) {
        case (.some, .some): throw CLIError("give either a MODEL or \(InputParameter.parameters.option), not both")
        case (.none, .none): throw CLIError("missing MODEL (or \(InputParameter.parameters.option) N for the 2N/6N rule)")
        case (.none, .some(let n)):
            if revision != nil { throw CLIError("\(InputParameter.revision.option) names a revision of a hub MODEL; \(InputParameter.parameters.option) has none") }
            let parameters = try CostError.wholeNumber(n, .parameters, minimum: 1)
            let bytes = Int128(max(1, weightType.bits / 8))
            return (ModelFigures.rule(name: "\(HumanUnits.count(parameters)) parameters", parameters: parameters, bytesPerParameter: bytes), nil)
        case (.some(let reference), .none):
            let spec = try ModelLoading.load(reference, revision: revision)
            // A request that generates needs a decoder: refused before the window is checked.
            if newTokens > 0, spec.decoder == nil || spec.lmHead == nil { throw InferenceCost.encoderOnly(spec.name) }
            let seq = sequenceLength ?? spec.defaultSequenceLength
            try spec.checkContext(length: seq, parameter: parameter, allowBeyond: allowBeyondContext)
            if newTokens > 0 { try spec.checkGeneration(prompt: seq, newTokens: newTokens, allowBeyond: allowBeyondContext) }
            if measuredHost, self.weightType == nil, spec.checkpointPrecision?.file != nil {
                // A GGUF file is what llama.cpp runs on a CPU: its quantised tensors as stored are what
                // each decode step reads, and its KV cache is f16 by default.
                return (try ModelFigures(spec: spec, sequenceLength: seq, recompute: recompute, weightType: nil, kvType: self.kvType ?? .fp16), spec)
            }
            return (try ModelFigures(spec: spec, sequenceLength: seq, recompute: recompute, weightType: namedWeightType, kvType: kvType), spec)
        }
    }

    /// On a measured host, a GGUF file's weights are priced as stored (not the host's fp32
    /// default): the hardware's note on storage says so.
    func describeStorage(of figures: ModelFigures, on profile: inout HardwareProfile) {
        guard profile.isMeasured, weightType == nil, figures.weightStorage.hasPrefix("weights (checkpoint: GGUF") else { return }
        profile.sources["weights"] = "weights as the GGUF file stores them and the KV cache in \(kvType?.rawValue ?? "fp16 (llama.cpp's default)"), as llama.cpp runs them on a CPU; \(InputParameter.weightType) prices them at one dtype instead"
    }
}
