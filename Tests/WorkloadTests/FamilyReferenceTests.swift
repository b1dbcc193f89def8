import Foundation
import Testing
@testable import Workload

/// The families with a fixture of their own against transformers 5.23 (`hf_<family>.json`, written
/// with their configs by `scripts/hf-reference/count_hf.py --only <family>`): full-size parameters
/// from meta-device builds, and for small real-weight configs (eager attention, eager experts where
/// the model has the switch) every prefill, cached decode step and training step exactly as
/// FlopCounterMode counts them — through the family's named gap, if it has one.
///
/// Adding a family: its fixture to `fixtures`.
@Suite struct FamilyReferenceTests {
    /// How FlopCounterMode's figure differs from ours, as a stated formula (`TransformersGap`).
    enum Gap: Sendable {
        case none
        /// `TransformersGap.flopsOfLlama4EveryExpert`: `Llama4TextExperts` runs every expert on every token.
        case llama4EveryExpert
        /// `TransformersGap.depthwiseConvWeightGradientOvercount`: in a training step torch's counter
        /// takes the depthwise conv's weight gradient (Mamba's, Gated DeltaNet's) for a dense one (it ignores `groups`).
        case depthwiseConvWeightGradient

        func seen(_ report: FlopReport, spec: ModelSpec) -> Int128 {
            switch self {
            case .none: report.total
            case .llama4EveryExpert: TransformersGap.flopsOfLlama4EveryExpert(report, moe: spec.decoder?.moe)
            case .depthwiseConvWeightGradient:
                report.phase == .train
                    ? report.total + TransformersGap.depthwiseConvWeightGradientOvercount(spec, batch: report.batch, seq: report.seq)
                    : report.total
            }
        }
    }

    struct Fixture: Sendable, CustomTestStringConvertible {
        /// The figures (`Fixtures/<file>`) and the configs' folder (`Fixtures/<configs>/`).
        var file: String
        var configs: String
        /// How many entries, and how many with prefill, decode and train, the fixture holds.
        var entries: ClosedRange<Int>
        var smallEntries: ClosedRange<Int>
        /// Full-size totals the fixture must hold (published, or the meta-device build's, recorded).
        var totals: [String: Int128]
        /// Hub configs whose catalog entry must be the imported config.
        var catalogEntries: [String] = []
        var gap: Gap = .none
        var testDescription: String { file }
    }

    static let fixtures: [Fixture] = [
        // DeepSeek-V2/V3 and Kimi K2 (multi-head latent attention).
        Fixture(file: "hf_mla.json", configs: "mla", entries: 10...Int.max, smallEntries: 7...Int.max,
                totals: ["deepseek-v3": 671_026_404_352, "kimi-k2": 1_026_408_209_408],
                catalogEntries: ["deepseek-v3", "kimi-k2", "deepseek-v2-lite"]),
        // GLM-4.5 (`glm4_moe`). GLM-4.5-Air's total is published (issue 16); GLM-4.5's is the
        // meta-device build's, recorded here (the hub's "358B" adds the multi-token-prediction layer
        // transformers does not build).
        Fixture(file: "hf_glm.json", configs: "glm", entries: 7...Int.max, smallEntries: 4...Int.max,
                totals: ["glm-4.5-air": 106_852_245_504, "glm-4.5": 352_797_814_784,
                         "glm4_moe-class-defaults": 103_481_200_640],
                catalogEntries: ["glm-4.5", "glm-4.5-air"]),
        // gpt-oss-20b and -120b; small windows shorter than the longer prompts and contexts. No gap.
        Fixture(file: "hf_gptoss.json", configs: "gptoss", entries: 5...Int.max, smallEntries: 3...Int.max,
                totals: ["gpt-oss-20b": 20_914_757_184, "gpt-oss-120b": 116_829_156_672]),
        // Llama 4 text (`llama4_text`, and `llama4` through its `text_config`): Scout's and Maverick's
        // text totals; chunk 8, one prefill longer than a chunk and one decode past a chunk.
        // State-space models (Falcon-Mamba, Mamba-2) and the attention–Mamba hybrid Jamba v0.1.
        Fixture(file: "hf_ssm.json", configs: "ssm", entries: 7...Int.max, smallEntries: 4...Int.max,
                totals: ["falcon-mamba-7b": 7_272_665_088, "mamba2-2.7b": 2_702_599_680, "jamba-v0.1": 51_570_323_328],
                gap: .depthwiseConvWeightGradient),
        // Mamba-2 hybrids: Bamba-9B, Nemotron-H-8B, Nemotron-3-Nano-30B-A3B and Falcon-H1-7B (hub
        // configs written from their cards; totals agree with the published 9.78B, 8.1B, 31.6B and 7.59B).
        Fixture(file: "hf_hybrids.json", configs: "hybrids", entries: 11...Int.max, smallEntries: 7...Int.max,
                totals: ["bamba-9b": 9_780_235_392, "nemotron-h-8b": 8_100_852_736, "nemotron-3-nano-30b-a3b": 31_577_937_344,
                         "falcon-h1-7b": 7_585_648_736],
                catalogEntries: ["bamba-9b", "nemotron-h-8b", "nemotron-3-nano-30b-a3b", "falcon-h1-7b"], gap: .depthwiseConvWeightGradient),
        // Qwen3-Next (Gated DeltaNet + gated attention, MoE with a gated shared expert): the 80B-A3B
        // total (issue 16) and the class defaults (the same layers); prompts within one chunk of 64 and
        // over two and three, decode past a chunk, training over several chunks (the delta rule's
        // backward is counted as autograd runs it; the conv's weight gradient is torch's miscount).
        Fixture(file: "hf_qwen3next.json", configs: "qwen3next", entries: 5...Int.max, smallEntries: 3...Int.max,
                totals: ["qwen3-next-80b-a3b": 79_674_391_296, "qwen3_next-class-defaults": 79_674_391_296],
                catalogEntries: ["qwen3-next-80b-a3b"], gap: .depthwiseConvWeightGradient),
        Fixture(file: "hf_llama4.json", configs: "llama4", entries: 6...6, smallEntries: 4...4,
                totals: ["llama-4-scout": 107_769_861_120, "llama-4-maverick": 400_711_848_960],
                gap: .llama4EveryExpert),
    ]

    struct Entry: Sendable, CustomTestStringConvertible {
        var fixture: Fixture
        var name: String
        var config: String
        var parameters: Int128
        /// (batch, seq or context, flops)
        var prefill: [(Int, Int, Int128)]
        var decode: [(Int, Int, Int128)]
        var train: [(Int, Int, Int128)]
        /// Bytes of the weights as the hub checkpoint stores them (FP8 `quantization_config`), as
        /// transformers' own FP8 integration allocates them; nil where the fixture records none.
        var checkpointBytes: Int128?
        var testDescription: String { "\(fixture.file): \(name)" }
    }

    static func entries(of fixture: Fixture) -> [Entry] {
        let url = Fixtures.directory.appendingPathComponent(fixture.file)
        guard let data = try? Data(contentsOf: url),
              let doc = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let models = doc["models"] as? [[String: Any]] else { return [] }
        func int(_ v: Any?) -> Int128 { Int128((v as? NSNumber)?.int64Value ?? -1) }
        func passes(_ v: Any?, _ key: String) -> [(Int, Int, Int128)] {
            ((v as? [[String: Any]]) ?? []).map { (Int(int($0["batch"])), Int(int($0[key])), int($0["flops"])) }
        }
        return models.map { m in
            Entry(fixture: fixture, name: m["name"] as? String ?? "",
                  config: Fixtures.directory.appendingPathComponent(m["config"] as? String ?? "").path,
                  parameters: int(m["parameters"]), prefill: passes(m["prefill"], "seq"), decode: passes(m["decode"], "context"),
                  train: passes(m["train"], "seq"), checkpointBytes: m["checkpoint_bytes"] == nil ? nil : int(m["checkpoint_bytes"]))
        }
    }

    static let entries: [Entry] = fixtures.flatMap(entries(of:))

    @Test(arguments: fixtures) func fixtureHoldsTheFullSizeAndSmallModels(_ f: Fixture) {
        let entries = Self.entries(of: f)
        #expect(f.entries.contains(entries.count), "\(f.file): \(entries.count) entries")
        let small = entries.filter { !$0.prefill.isEmpty && !$0.decode.isEmpty && !$0.train.isEmpty }.count
        #expect(f.smallEntries.contains(small), "\(f.file): \(small) entries with prefill, decode and train")
    }

    @Test(arguments: entries) func parametersAndFlopsMatchTransformersExactly(_ e: Entry) throws {
        let spec = try ModelLoader.loadFile(at: e.config).spec
        #expect(try ParameterCount.report(for: spec).total == e.parameters, "\(e.name) parameters")
        let counter = try FlopCounter(spec: spec), gap = e.fixture.gap
        for (batch, seq, flops) in e.prefill {
            #expect(try gap.seen(counter.prefill(batch: batch, seq: seq), spec: spec) == flops, "\(e.name) prefill \(batch)×\(seq)")
        }
        for (batch, context, flops) in e.decode {
            #expect(try gap.seen(counter.decode(batch: batch, context: context), spec: spec) == flops,
                    "\(e.name) decode \(batch) at \(context)")
        }
        for (batch, seq, flops) in e.train {
            #expect(try gap.seen(counter.train(batch: batch, seq: seq), spec: spec) == flops, "\(e.name) train \(batch)×\(seq)")
        }
    }

    /// `memory` prices the weights as the checkpoint stores them, byte for byte what transformers'
    /// fine-grained FP8 integration allocates (fp8 values, one fp32 scale per 128×128 block of each
    /// matrix, everything it leaves unconverted in bf16).
    @Test(arguments: entries.filter { $0.checkpointBytes != nil })
    func checkpointWeightBytesMatchTransformersFP8Integration(_ e: Entry) throws {
        let spec = try ModelLoader.loadFile(at: e.config).spec
        #expect(spec.checkpointPrecision == CheckpointPrecision(linear: .fp8, blockSize: [128, 128]))
        let report = try MemoryEstimator(spec: spec, checkpoint: spec.checkpointPrecision).report(batch: 1, seq: 16)
        #expect(report.weights.total == e.checkpointBytes, "\(e.name) checkpoint bytes")
    }

    @Test func deepSeekV3AndKimiK2RecordTheirCheckpointBytes() {
        let recorded = Self.entries.filter { $0.checkpointBytes != nil }.map(\.name)
        #expect(recorded.sorted() == ["deepseek-v3", "kimi-k2"])
    }

    @Test(arguments: fixtures) func fullSizeTotals(_ f: Fixture) throws {
        let totals = Dictionary(uniqueKeysWithValues: Self.entries(of: f).map { ($0.name, $0.parameters) })
        for (name, total) in f.totals {
            #expect(totals[name] == total, "\(f.file): \(name)")
        }
    }

    static let catalogEntries: [(Fixture, String)] = fixtures.flatMap { f in f.catalogEntries.map { (f, $0) } }

    @Test(arguments: catalogEntries)
    func catalogEntryIsTheImportedHubConfig(fixture: Fixture, name: String) throws {
        let catalog = try ModelLoader.load(name, catalog: Fixtures.catalog).spec
        let path = Fixtures.directory.appendingPathComponent("\(fixture.configs)/\(name).json").path
        let imported = try ModelLoader.loadFile(at: path).spec
        #expect(imported.structure == catalog.structure)
        #expect(imported.predictionModules == catalog.predictionModules)
        #expect(imported.checkpointPrecision == catalog.checkpointPrecision)
    }
}
