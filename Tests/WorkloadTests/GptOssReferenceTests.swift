import Foundation
import Testing
@testable import Workload

/// gpt-oss configs against transformers 5.23 (`hf_gptoss.json`, written by
/// `scripts/hf-reference/count_gptoss.py`): full-size parameters of gpt-oss-20b and -120b from
/// meta-device builds, and for small real-weight configs (eager attention, eager experts, windows
/// shorter than the longer prompts and contexts) every prefill, cached decode step and training
/// step exactly as FlopCounterMode counts them — no gap applied.
@Suite struct GptOssReferenceTests {
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
        let url = Fixtures.directory.appendingPathComponent("hf_gptoss.json")
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
        #expect(Self.entries.count >= 5)
        #expect(Self.entries.filter { !$0.prefill.isEmpty && !$0.decode.isEmpty && !$0.train.isEmpty }.count >= 3)
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

    @Test func publishedTotalsOfGptOss() throws {
        let totals = Dictionary(uniqueKeysWithValues: Self.entries.map { ($0.name, $0.parameters) })
        #expect(totals["gpt-oss-20b"] == 20_914_757_184)
        #expect(totals["gpt-oss-120b"] == 116_829_156_672)
    }
}
