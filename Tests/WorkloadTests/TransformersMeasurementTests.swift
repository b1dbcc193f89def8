import Foundation
import Testing
@testable import Workload

/// Every `Fixtures/hf` config, imported by our code, against what `transformers` itself
/// instantiates and what `FlopCounterMode` counts when it runs (`Fixtures/hf_measured.json`,
/// written by `Fixtures/tools/measure_hf.py`). Exact to the last parameter and FLOP, after
/// removing the named gaps of `TransformersGap`.
@Suite struct TransformersMeasurementTests {
    static let measured = TransformersReference.read(Fixtures.directory.appendingPathComponent("hf_measured.json")) { name in
        let path = Fixtures.hfConfig(name)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    @Test func everyFixtureConfigIsMeasured() throws {
        let configs = try FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.appendingPathComponent("hf").path)
            .filter { $0.hasSuffix(".json") }
        #expect(configs.count == 19)
        #expect(Set(Self.measured.map(\.name)) == Set(configs.map { String($0.dropLast(5)) }))
    }

    @Test(arguments: measured) func parametersAreTheInstantiatedOnes(reference: TransformersReference) throws {
        let spec = try ModelLoader.loadFile(at: reference.config).spec
        let theirs = try #require(reference.parameters)
        let ours = try ParameterCount.report(for: spec).total
        #expect(TransformersGap.parametersSeenByTransformers(ours, spec: spec, major: reference.transformersMajor) == theirs,
                "\(reference.name): ours \(ours), transformers \(theirs)")
    }

    @Test(arguments: measured) func prefillFlopsAreTheCountedOnes(reference: TransformersReference) throws {
        let spec = try ModelLoader.loadFile(at: reference.config).spec
        let pass = try #require(reference.prefill)
        let report = try FlopCounter(spec: spec).prefill(batch: pass.batch, seq: pass.length, decoderSeq: pass.other)
        let ours = TransformersGap.flopsSeenByTransformers(report, major: reference.transformersMajor)
        #expect(ours == pass.flops, "\(reference.name) prefill: ours \(ours) (total \(report.total)), FlopCounterMode \(pass.flops)")
    }

    @Test(arguments: measured.filter { $0.decode != nil }) func decodeFlopsAreTheCountedOnes(reference: TransformersReference) throws {
        let spec = try ModelLoader.loadFile(at: reference.config).spec
        let pass = try #require(reference.decode)
        let report = try FlopCounter(spec: spec).decode(batch: pass.batch, context: pass.length, encoderSeq: pass.other)
        let ours = TransformersGap.flopsSeenByTransformers(report, major: reference.transformersMajor)
        #expect(ours == pass.flops, "\(reference.name) decode: ours \(ours) (total \(report.total)), FlopCounterMode \(pass.flops)")
    }

    /// The two gaps are real and of the stated size, not a fudge that happens to fit.
    @Test func theGapsAreExactlyTheNamedComponents() throws {
        let t5 = try Fixtures.load("t5-v1_1-base")
        let total = try ParameterCount.report(for: t5).total
        #expect(total == 247_577_856)
        #expect(total - TransformersGap.parametersSeenByTransformers(total, spec: t5, major: 5) == 32_128 * 768)
        #expect(TransformersGap.parametersSeenByTransformers(total, spec: t5, major: 4) == total)

        let llama = try FlopCounter(spec: Fixtures.load("llama-2-7b")).prefill(batch: 2, seq: 128)
        // inv_freq (64 frequencies) × 128 positions × 2 sequences, one multiply-add each.
        #expect(llama.total - TransformersGap.flopsSeenByTransformers(llama, major: 5) == 2 * 2 * 64 * 128)
        #expect(TransformersGap.flopsSeenByTransformers(llama, major: 4) == llama.total)
    }
}
