import ArgumentParser
import Workload

/// `llmcost flops MODEL`: FLOPs of a phase under a convention, by component.
struct Flops: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "FLOPs of prefill, KV-cache decode, generation (with beam search) or a training step, by component.",
        discussion: Examples.discussion(
            "llmcost flops llama-2-7b --seq 4096",
            "llmcost flops gpt2 --phase generate --seq 512 --new-tokens 128 --beams 4",
            "llmcost flops llama-2-7b --phase train --recompute selective --explain"))

    @OptionGroup var model: ModelArgument
    @OptionGroup var shape: PhaseOptions
    @Option(help: "Counting convention: \(Convention.allCases.map(\.rawValue).joined(separator: ", ")).")
    var convention: Convention = .matmul
    @Option(name: .customLong("mla-decode"), help: "Multi-head latent attention decode steps: \(LatentAttentionDecode.allCases.map(\.rawValue).joined(separator: " (default), ")) (W_UK/W_UV folded in, attention in the latent space).")
    var latentDecode: LatentAttentionDecode = .transformers
    @OptionGroup var output: OutputOptions

    func run() throws {
        let spec = try ModelLoading.load(model.model, revision: model.revision)
        let counter = try FlopCounter(spec: spec, convention: convention, latentDecode: latentDecode)
        let parameters = try ParameterCount.report(for: spec)
        let result = try shape.count(with: counter)
        try output.emit(FlopsView(result: result, parameters: parameters, shape: shape, explain: output.explain).rendered)
    }
}

extension Convention: ExpressibleByArgument {}
extension Phase: ExpressibleByArgument {}
extension Recompute: ExpressibleByArgument {}
extension BeamPrefill: ExpressibleByArgument {}
extension LatentAttentionDecode: ExpressibleByArgument {}
