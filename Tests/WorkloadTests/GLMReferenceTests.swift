import Foundation
import Testing
@testable import Workload

/// GLM-4.5 (`glm4_moe`) configs against transformers 5.23 (`hf_glm.json`, written by
/// `scripts/hf-reference/count_glm.py`): full-size parameters from meta-device builds, and for
/// small real-weight configs (eager attention, eager experts) every prefill, the cached decode step
/// and the training step exactly as FlopCounterMode counts them — no gap applied.
@Suite struct GLMReferenceTests {
    struct Entry: Sendable, CustomTestStringConvertible {
        var name: String
        var config: String
        var parameters: Int128
        /// (batch, seq or context, flops)
        var prefill: [(Int, Int, Int128)]
        var decode: [(Int, Int, Int128)]
        var train: [(Int, Int, Int128)]
        var testDescription: String { name }
    }

    static let entries: [Entry] = {
        let url = Fixtures.directory.appendingPathComponent("hf_glm.json")
        guard let data = try? Data(contentsOf: url),
              let doc = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let models = doc["models"] as? [[String: Any]] else { return [] }
        func int(_ v: Any?) -> Int128 { Int128((v as? NSNumber)?.int64Value ?? -1) }
        func passes(_ v: Any?, _ key: String) -> [(Int, Int, Int128)] {
            ((v as? [[String: Any]]) ?? []).map { (Int(int($0["batch"])), Int(int($0[key])), int($0["flops"])) }
        }
        return models.map { m in
            Entry(name: m["name"] as? String ?? "", config: Fixtures.directory.appendingPathComponent(m["config"] as? String ?? "").path,
                  parameters: int(m["parameters"]), prefill: passes(m["prefill"], "seq"), decode: passes(m["decode"], "context"),
                  train: passes(m["train"], "seq"))
        }
    }()

    @Test func fixtureHoldsTheFullSizeAndSmallModels() {
        #expect(Self.entries.count >= 7)
        #expect(Self.entries.filter { !$0.prefill.isEmpty && !$0.decode.isEmpty && !$0.train.isEmpty }.count >= 4)
    }

    @Test(arguments: entries) func parametersAndFlopsMatchTransformersExactly(_ e: Entry) throws {
        let spec = try ModelLoader.loadFile(at: e.config).spec
        #expect(try ParameterCount.report(for: spec).total == e.parameters, "\(e.name) parameters")
        let counter = try FlopCounter(spec: spec)
        for (batch, seq, flops) in e.prefill {
            #expect(try counter.prefill(batch: batch, seq: seq).total == flops, "\(e.name) prefill \(batch)×\(seq)")
        }
        for (batch, context, flops) in e.decode {
            #expect(try counter.decode(batch: batch, context: context).total == flops, "\(e.name) decode \(batch) at \(context)")
        }
        for (batch, seq, flops) in e.train {
            #expect(try counter.train(batch: batch, seq: seq).total == flops, "\(e.name) train \(batch)×\(seq)")
        }
    }

    /// GLM-4.5-Air's total is published (issue 16); GLM-4.5's is the meta-device build's, recorded
    /// here (the hub's "358B" adds the multi-token-prediction layer transformers does not build).
    @Test func fullSizeTotalsOfGLM45AndAir() throws {
        let totals = Dictionary(uniqueKeysWithValues: Self.entries.map { ($0.name, $0.parameters) })
        #expect(totals["glm-4.5-air"] == 106_852_245_504)
        #expect(totals["glm-4.5"] == 352_797_814_784)
        #expect(totals["glm4_moe-class-defaults"] == 103_481_200_640)
    }

    @Test(arguments: ["glm-4.5", "glm-4.5-air"])
    func catalogEntryIsTheImportedHubConfig(name: String) throws {
        let catalog = try ModelLoader.load(name, catalog: Fixtures.catalog).spec
        let imported = try ModelLoader.loadFile(at: Fixtures.directory.appendingPathComponent("glm/\(name).json").path).spec
        #expect(imported.structure == catalog.structure)
        #expect(imported.predictionModules == catalog.predictionModules)
    }
}
