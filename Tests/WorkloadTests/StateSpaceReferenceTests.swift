import Foundation
import Testing
@testable import Workload

/// State-space models (`mamba`, `falcon_mamba`, `mamba2`) and the hybrid `jamba` against transformers 5.23 (`hf_ssm.json`, written by
/// `scripts/hf-reference/count_ssm.py`): full-size parameters from meta-device builds, and for
/// small real-weight configs on the torch path every prefill and the cached decode step exactly as
/// FlopCounterMode counts them, and the training step up to one named gap
/// (`TransformersGap.depthwiseConvWeightGradientOvercount`: torch's counter ignores the conv's groups).
@Suite struct StateSpaceReferenceTests {
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
        let url = Fixtures.directory.appendingPathComponent("hf_ssm.json")
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
        #expect(Self.entries.map(\.name).contains("falcon-mamba-7b"))
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
            let gap = TransformersGap.depthwiseConvWeightGradientOvercount(spec, batch: batch, seq: seq)
            #expect(try counter.train(batch: batch, seq: seq).total + gap == flops, "\(e.name) train \(batch)×\(seq)")
        }
    }

    /// Published totals: Falcon-Mamba-7B (untied head), Mamba-2 2.7B (tied head), Jamba v0.1
    /// (4 attention and 28 Mamba layers, 16 of them with 16 experts).
    @Test func fullSizeTotalsOfFalconMambaMamba2AndJamba() {
        let totals = Dictionary(uniqueKeysWithValues: Self.entries.map { ($0.name, $0.parameters) })
        #expect(totals["falcon-mamba-7b"] == 7_272_665_088)
        #expect(totals["mamba2-2.7b"] == 2_702_599_680)
        #expect(totals["jamba-v0.1"] == 51_570_323_328)
    }

    /// A decode step costs the same at any context: the scan reads a fixed state, not the past.
    @Test func decodeFlopsDoNotGrowWithContext() throws {
        let e = try #require(Self.entries.first { $0.name == "mamba2-small" })
        let counter = try FlopCounter(spec: try ModelLoader.loadFile(at: e.config).spec)
        #expect(try counter.decode(batch: 1, context: 16).total == counter.decode(batch: 1, context: 100_000).total)
    }
}
