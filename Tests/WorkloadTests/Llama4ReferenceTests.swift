import Foundation
import Testing
@testable import Workload

/// Llama 4 text (`llama4_text`, and `llama4` through its `text_config`) against transformers 5.23
/// (`hf_llama4.json`, written by `scripts/hf-reference/count_llama4.py`): Scout's and Maverick's
/// full-size text parameters from meta-device builds, and for small real-weight configs (eager
/// attention, chunk 8) every prefill (one longer than a chunk), the cached decode steps (one past a
/// chunk) and the training step exactly — with one named gap, `TransformersGap.flopsOfLlama4EveryExpert`.
@Suite struct Llama4ReferenceTests {
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
        let url = Fixtures.directory.appendingPathComponent("hf_llama4.json")
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
        #expect(Self.entries.count == 6)
        #expect(Self.entries.filter { !$0.prefill.isEmpty && !$0.decode.isEmpty && !$0.train.isEmpty }.count == 4)
    }

    @Test(arguments: entries) func parametersAndFlopsMatchTransformersExactly(_ e: Entry) throws {
        let spec = try ModelLoader.loadFile(at: e.config).spec
        #expect(try ParameterCount.report(for: spec).total == e.parameters, "\(e.name) parameters")
        let counter = try FlopCounter(spec: spec), moe = spec.decoder?.moe
        func seen(_ report: FlopReport) -> Int128 { TransformersGap.flopsOfLlama4EveryExpert(report, moe: moe) }
        for (batch, seq, flops) in e.prefill {
            #expect(try seen(counter.prefill(batch: batch, seq: seq)) == flops, "\(e.name) prefill \(batch)×\(seq)")
        }
        for (batch, context, flops) in e.decode {
            #expect(try seen(counter.decode(batch: batch, context: context)) == flops, "\(e.name) decode \(batch) at \(context)")
        }
        for (batch, seq, flops) in e.train {
            #expect(try seen(counter.train(batch: batch, seq: seq)) == flops, "\(e.name) train \(batch)×\(seq)")
        }
    }

    @Test func publishedTextTotalsOfScoutAndMaverick() throws {
        let totals = Dictionary(uniqueKeysWithValues: Self.entries.map { ($0.name, $0.parameters) })
        #expect(totals["llama-4-scout"] == 107_769_861_120)
        #expect(totals["llama-4-maverick"] == 400_711_848_960)
    }
}
