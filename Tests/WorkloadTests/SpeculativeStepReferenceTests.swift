import Foundation
import Testing
@testable import Workload

/// A speculative decode step — the next token and its drafts fed in one cached call, logits at
/// each — against what transformers 5.23.0 counts for the same call
/// (`scripts/hf-reference/speculative_step.py` wrote `hf_speculative.json`).
@Suite struct SpeculativeStepReferenceTests {
    struct Step: Decodable {
        var config: String, batch: Int, context: Int, flops: Int
        var draftTokens: Int
        /// Encoder–decoder: the encoder positions the decoder cross-attends to.
        var encoderSeq: Int?
        enum CodingKeys: String, CodingKey { case config, batch, context, flops, draftTokens = "draft_tokens", encoderSeq = "encoder_seq" }
    }
    struct Document: Decodable { var transformers: String; var steps: [Step] }

    static let document: Document? = try? JSONDecoder().decode(
        Document.self, from: Data(contentsOf: Fixtures.directory.appendingPathComponent("hf_speculative.json")))

    @Test func theFixtureIsFromTheReferenceVersionAndCoversAttentionKinds() throws {
        let document = try #require(Self.document)
        #expect(document.transformers == "5.23.0")
        // Plain, grouped-query, sliding-window, mixture-of-experts, latent attention, encoder–decoder.
        for family in ["gpt2", "llama", "mistral", "mixtral", "gemma2", "deepseek_v3", "t5", "bart"] {
            #expect(document.steps.contains { $0.config.contains(family) }, "\(family)")
        }
    }

    @Test(arguments: document?.steps ?? []) func aSpeculativeStepMatchesTransformers(_ step: Step) throws {
        let spec = try ModelLoader.loadFile(at: Fixtures.directory.appendingPathComponent(step.config).path).spec
        let report = try FlopCounter(spec: spec).decode(batch: step.batch, context: step.context, encoderSeq: step.encoderSeq,
                                                       draftTokens: step.draftTokens)
        #expect(report.total == Int128(step.flops), "\(step.config)")
        #expect(report.tokens == Int128(step.batch * (1 + step.draftTokens)))
    }

    /// transformers' cached state-space and linear-attention steps take one token per sequence:
    /// drafts through them are refused, naming the drafts, not counted as something it never runs.
    @Test(arguments: ["falcon-mamba-7b", "jamba-v0.1", "qwen3-next-80b-a3b"])
    func draftsThroughRecurrentLayersAreRefused(_ name: String) throws {
        let spec = try ModelLoader.load(name, catalog: Fixtures.catalog).spec
        #expect(try FlopCounter(spec: spec).decode(batch: 1, context: 8).total > 0)
        do {
            _ = try FlopCounter(spec: spec).decode(batch: 1, context: 8, draftTokens: 1)
            Issue.record("\(name): drafts counted")
        } catch let error as PhaseError {
            #expect(error.parameter == .draftTokens)
        }
    }
}

extension SpeculativeStepReferenceTests.Step: CustomTestStringConvertible {
    var testDescription: String { config }
}
