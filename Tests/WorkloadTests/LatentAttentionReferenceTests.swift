import Foundation
import Testing
@testable import Workload

/// DeepSeek-V2/V3 and Kimi K2 configs against transformers 5.23 (`hf_mla.json`, written by
/// `scripts/hf-reference/count_mla.py`): full-size parameters from meta-device builds, and for
/// small real-weight configs (eager attention, eager experts) every prefill, the cached decode step
/// and the training step exactly as FlopCounterMode counts them — no gap applied.
@Suite struct LatentAttentionReferenceTests {
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
        let url = Fixtures.directory.appendingPathComponent("hf_mla.json")
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
        #expect(Self.entries.count >= 10)
        #expect(Self.entries.filter { !$0.prefill.isEmpty && !$0.decode.isEmpty && !$0.train.isEmpty }.count >= 7)
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

    @Test func publishedTotalsOfDeepSeekV3AndKimiK2() throws {
        let totals = Dictionary(uniqueKeysWithValues: Self.entries.map { ($0.name, $0.parameters) })
        #expect(totals["deepseek-v3"] == 671_026_404_352)
        #expect(totals["kimi-k2"] == 1_026_408_209_408)
    }

    @Test(arguments: ["deepseek-v3", "kimi-k2", "deepseek-v2-lite"])
    func catalogEntryIsTheImportedHubConfig(name: String) throws {
        let catalog = try ModelLoader.load(name, catalog: Fixtures.catalog).spec
        let imported = try ModelLoader.loadFile(at: Fixtures.directory.appendingPathComponent("mla/\(name).json").path).spec
        #expect(imported.structure == catalog.structure)
        #expect(imported.predictionModules == catalog.predictionModules)
    }

    @Test func deepSeekR1IsDeepSeekV3sLayout() throws {
        let r1 = try ModelLoader.load("deepseek-r1", catalog: Fixtures.catalog).spec
        let v3 = try ModelLoader.load("deepseek-v3", catalog: Fixtures.catalog).spec
        #expect(r1.structure == v3.structure)
    }
}
