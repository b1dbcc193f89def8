import Foundation
import Testing
import _TestSupport
@testable import Workload

/// safetensors headers read without the data, hostile ones refused naming the file and field,
/// and checkpoints (single file, sharded with an index) compared with config.json.
@Suite struct SafetensorsTests {
    typealias F = CheckpointFixtures

    func file(_ data: Data, named name: String = "model.safetensors") throws -> String {
        let dir = try F.scratch("safetensors")
        try F.write([name: data], in: dir)
        return "\(dir)/\(name)"
    }

    @Test func aHeaderGivesEveryTensorsDtypeShapeAndBytes() throws {
        let path = try file(F.safetensors([("a", "BF16", [3, 4]), ("b", "F32", []), ("c", "F4", [2, 8]), ("d", "BOOL", [5])]))
        let f = try SafetensorsFile.read(path: path)
        #expect(f.tensors.map(\.name) == ["a", "b", "c", "d"])
        #expect(f.tensors.map(\.elements) == [12, 1, 16, 5])
        #expect(f.tensors.map(\.bytes) == [24, 4, 8, 5])
        #expect(f.dataBytes == 41)
    }

    /// Each hostile file is one `SpecError` naming the file (and the field where one is at fault).
    @Test func hostileFilesAreOneErrorNamingTheFileAndField() throws {
        let cases: [(Data, String?, String)] = [
            (Data([1, 2, 3]), nil, "fewer than the 8"),
            (F.raw(header: "{}", length: 1 << 40), "header length", "beyond the 100000000-byte limit"),
            (F.raw(header: "{}", length: 5000), "header length", "beyond the end of the file"),
            (F.raw(header: "GGUF\u{3}\u{0}\u{0}\u{0}"), nil, "does not start with '{'"),
            (F.raw(header: "{not json}"), nil, "malformed JSON"),
            (F.raw(header: "[" + String(repeating: "[", count: 600)), nil, "does not start with '{'"),
            (F.raw(header: "{\"w\":" + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"), nil, "nested more than 512"),
            (F.raw(header: #"{"w": {"dtype": "F32", "shape": [-2, 3], "data_offsets": [0, 24]}}"#, dataBytes: 24), "w.shape[0]", "≥ 0"),
            (F.raw(header: #"{"w": {"dtype": "F32", "shape": [4294967296, 4294967296], "data_offsets": [0, 4]}}"#, dataBytes: 4), "w.shape", "overflow"),
            (F.raw(header: #"{"w": {"dtype": "F32", "shape": [1.5], "data_offsets": [0, 4]}}"#, dataBytes: 4), "w.shape[0]", "whole number"),
            (F.raw(header: #"{"w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 12]}}"#, dataBytes: 12), "w.data_offsets", "is 24 bytes"),
            (F.raw(header: #"{"w": {"dtype": "F32", "shape": [2], "data_offsets": [8, 0]}}"#, dataBytes: 8), "w.data_offsets", "0 ≤ begin ≤ end"),
            (F.raw(header: #"{"w": {"dtype": "Q4_K", "shape": [2], "data_offsets": [0, 8]}}"#, dataBytes: 8), "w.dtype", "unknown dtype"),
            (F.raw(header: #"{"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}"#, dataBytes: 4), nil, "truncated"),
            (F.raw(header: #"{"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}"#, dataBytes: 9), nil, "trailing bytes"),
            (F.raw(header: #"{"a": {"dtype": "U8", "shape": [2], "data_offsets": [0, 2]}, "b": {"dtype": "U8", "shape": [2], "data_offsets": [1, 3]}}"#, dataBytes: 3), "b.data_offsets", "overlaps"),
            (F.raw(header: #"{"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}"#, dataBytes: 8), "w", "written twice"),
            (F.raw(header: #"{"__metadata__": {"format": 1}}"#), "__metadata__.format", "must be a string"),
            (F.raw(header: #"{"w": [1, 2]}"#), "w", "must be an object"),
            (F.raw(header: #"{"w": {"dtype": "F32", "shape": [1e400], "data_offsets": [0, 4]}}"#, dataBytes: 4), "w.shape[0]", "beyond the range"),
            (F.raw(header: #"{"w": {"dtype": "F32", "shape": [NaN], "data_offsets": [0, 4]}}"#, dataBytes: 4), "w.shape[0]", "NaN and Infinity"),
            (F.raw(header: #"{"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8.0]}}"#, dataBytes: 8), "w.data_offsets", "two whole numbers"),
            (F.raw(header: #"{"w": {"dtype": "F32", "shape": [2]}}"#, dataBytes: 8), "w.data_offsets", "two whole numbers"),
            (F.raw(header: "{\"w\": {\"dtype\": \"F32\", \"shape\": [\(Array(repeating: "1", count: 17).joined(separator: ","))], \"data_offsets\": [0, 4]}}", dataBytes: 4), "w.shape", "17 dimensions"),
        ]
        for (data, field, words) in cases {
            let path = try file(data)
            let error = expectSpecError(field: field, containing: words) { try SafetensorsFile.read(path: path) }
            #expect(error?.file == path)
        }
    }

    @Test func aSparseMultiGigabyteFileIsReadWithoutItsData() throws {
        let dir = try F.scratch("sparse")
        defer { try? FileManager.default.removeItem(atPath: dir) }  // sparse files of hundreds of gigabytes
        let path = "\(dir)/model.safetensors"
        let big = 1 << 33  // 8 GiB of F16 zeros, never written
        let data = F.raw(header: "{\"w\": {\"dtype\": \"F16\", \"shape\": [\(big / 2)], \"data_offsets\": [0, \(big)]}}")
        try data.write(to: URL(fileURLWithPath: path))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(data.count + big))
        try handle.close()
        #expect(try SafetensorsFile.read(path: path).tensors.first?.elements == big / 2)
    }

    func loaded(_ files: [String: Data], tied: Bool = false) throws -> (LoadedModel, CheckpointReport) {
        let dir = try F.scratch("model")
        try F.write(files.merging(["config.json": F.tinyLlamaConfig(tied: tied)]) { a, _ in a }, in: dir)
        let loaded = try ModelLoader.load(dir, revision: nil, catalog: Fixtures.catalog, hub: HubCache(root: dir, origin: "test"))
        let directory = try #require(loaded.directory)
        let checkpoint = try #require(try Checkpoint.read(directory: directory))
        let total = try ParameterCount.report(for: loaded.spec).total
        return (loaded, CheckpointReport(checkpoint: checkpoint, spec: loaded.spec, configParameters: total))
    }

    @Test func aMatchingCheckpointAgreesWithTheConfigExactly() throws {
        let (_, r) = try loaded(["model.safetensors": F.safetensors(F.tinyLlamaTensors())])
        #expect(r.parameters == Int128(F.tinyLlamaParameters) && r.configParameters == r.parameters)
        #expect(r.unattributed == 0 && r.differences.isEmpty)
        #expect(r.parametersByDType.map(\.dtype) == ["BF16"] && r.totalBytes == Int128(2 * F.tinyLlamaParameters))
        #expect(r.files.map(\.name) == ["model.safetensors"] && r.tensors == 21)
    }

    @Test func aShardedCheckpointIsReadThroughItsIndex() throws {
        let all = F.tinyLlamaTensors(dtype: "F32")
        let shards = ["model-00001-of-00002.safetensors": Array(all.prefix(10)), "model-00002-of-00002.safetensors": Array(all.dropFirst(10))]
        var files = shards.mapValues(F.safetensors)
        files[Checkpoint.indexName] = F.index(shards)
        files["consolidated.safetensors"] = F.safetensors(all)  // Mistral's second copy: not read
        let (_, r) = try loaded(files)
        #expect(r.files.count == 2 && r.parameters == Int128(F.tinyLlamaParameters) && r.unattributed == 0)
        #expect(r.bytesByDType.map(\.bytes) == [Int128(4 * F.tinyLlamaParameters)])
        #expect(r.notes.contains { $0.contains("consolidated.safetensors") })
    }

    @Test func anIndexThatDisagreesWithItsFilesIsOneError() throws {
        let all = F.tinyLlamaTensors()
        let dir = try F.scratch("index")
        try F.write(["a.safetensors": F.safetensors(all), Checkpoint.indexName: F.index(["b.safetensors": all])], in: dir)
        expectSpecError(field: "weight_map", containing: "b.safetensors") { try Checkpoint.read(directory: dir) }
        try F.write([Checkpoint.indexName: F.index(["a.safetensors": all + [("extra.weight", "F32", [2])]])], in: dir)
        expectSpecError(field: "weight_map.extra.weight", containing: "no such tensor") { try Checkpoint.read(directory: dir) }
        try F.write([Checkpoint.indexName: Data(#"{"weight_map": {"w": "../x.safetensors"}}"#.utf8)], in: dir)
        expectSpecError(field: "weight_map.w", containing: "same directory") { try Checkpoint.read(directory: dir) }
        try F.write([Checkpoint.indexName: Data(#"{"weight_map": [1, 2]}"#.utf8)], in: dir)
        expectSpecError(field: "weight_map", containing: "not an object") { try Checkpoint.read(directory: dir) }
        // An index of 200 MB (a sparse file) is refused by its size, unread.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(dir)/\(Checkpoint.indexName)"))
        try handle.truncate(atOffset: 200_000_000)
        try handle.close()
        expectSpecError(containing: "larger than 100000000") { try Checkpoint.read(directory: dir) }
    }

    @Test func extrasAreNamedByTensorGroup() throws {
        var tensors = F.tinyLlamaTensors()
        tensors += [("model.layers.2.eh_proj.weight", "BF16", [8, 16]), ("model.layers.2.enorm.weight", "BF16", [8])]
        tensors += [("vision_model.patch_embed.weight", "BF16", [8, 12])]
        tensors += [("model.layers.0.self_attn.rotary_emb.inv_freq", "F32", [2])]
        tensors += [("model.layers.0.self_attn.q_proj.weight_scale_inv", "F32", [1, 1])]
        let (_, r) = try loaded(["model.safetensors": F.safetensors(tensors)])
        let groups = Dictionary(uniqueKeysWithValues: r.differences.map { ($0.name, $0) })
        #expect(groups["layers beyond num_hidden_layers"]?.parameters == 136)
        #expect(groups["vision tower"]?.parameters == 96)
        #expect(groups["buffers"]?.parameters == 0 && groups["buffers"]?.bytes == 8)
        #expect(groups["quantisation scales"]?.bytes == 4)
        #expect(r.unattributed == 0 && r.parameters == Int128(F.tinyLlamaParameters + 136 + 96))
    }

    /// GPT-2's published file keeps each layer's causal mask (`h.N.attn.bias`) beside the real
    /// `c_attn.bias`; DeepSeek's keeps `e_score_correction_bias`; names decide, not shapes.
    @Test func buffersAndLayerNumbersAreToldFromWeightsByName() throws {
        let spec = try ModelLoader.load("gpt2", catalog: Fixtures.catalog).spec
        let classifier = TensorClassifier(spec: spec)
        func kind(_ name: String) -> TensorClassifier.Kind {
            classifier.kind(of: SafetensorsTensor(name: name, dtype: .F32, shape: [1], elements: 1, bytes: 4))
        }
        #expect(kind("h.0.attn.bias") == .buffers && kind("h.0.attn.masked_bias") == .buffers)
        #expect(kind("h.0.attn.c_attn.bias") == .model && kind("transformer.h.11.mlp.c_fc.weight") == .model)
        #expect(kind("h.12.mlp.c_fc.weight") == .beyondLayers && kind("model.layers.61.enorm.weight") == .beyondLayers)
        #expect(kind("model.layers.3.mlp.gate.e_score_correction_bias") == .buffers)
        #expect(kind("model.layers.3.mlp.experts.7.down_proj.weight_scale_inv") == .scales)
        #expect(kind("model.visual.blocks.0.attn.qkv.weight") == .vision && kind("vision_tower.encoder.weight") == .vision)
        #expect(TensorClassifier.isRoutedExpert("model.layers.3.mlp.experts.7.down_proj.weight"))
        #expect(!TensorClassifier.isRoutedExpert("model.layers.3.mlp.shared_experts.down_proj.weight"))
    }

    @Test func aTiedHeadStoredTwiceIsNamed() throws {
        let (_, r) = try loaded(["model.safetensors": F.safetensors(F.tinyLlamaTensors())], tied: true)
        #expect(r.differences.map(\.name) == ["tied LM head stored"] && r.differences[0].parameters == 256)
        #expect(r.unattributed == 0)
    }

    @Test func mxfp4BlocksCountTwoValuesAByteAndTheirScalesAsBytes() throws {
        var tensors = F.tinyLlamaTensors()
        tensors += [("model.layers.0.mlp.experts.down_proj_blocks", "U8", [2, 8, 1, 16]), ("model.layers.0.mlp.experts.down_proj_scales", "U8", [2, 8, 1])]
        let (_, r) = try loaded(["model.safetensors": F.safetensors(tensors)])
        #expect(r.parametersByDType.first { $0.dtype == "MXFP4" }?.parameters == 512)
        #expect(r.bytesByDType.first { $0.dtype == "U8" }?.bytes == 272)
        #expect(r.routedExpertBytes == 256 && r.unattributed == 512)
        #expect(r.notes.contains { $0.contains("MXFP4") } && r.notes.contains { $0.contains("512 more") })
    }

    /// gpt-oss-20b's published checkpoint (real shapes, sparse files, three shards): its MXFP4
    /// blocks count two values a byte, so the weights match transformers' 20,914,757,184
    /// parameters exactly, and its bytes are the index's `total_size`, 13,761,264,768.
    @Test func gptOss20bsMXFP4CheckpointMatchesTheConfigExactly() throws {
        let dir = try F.scratch("gpt-oss")
        defer { try? FileManager.default.removeItem(atPath: dir) }  // sparse files of hundreds of gigabytes
        try F.write(["config.json": Data(contentsOf: Fixtures.directory.appendingPathComponent("gptoss/gpt-oss-20b.json"))], in: dir)
        let all = F.gptOssTensors(layers: 24, experts: 32, hidden: 2880, intermediate: 2880, heads: 64, kvHeads: 8, headDim: 64, vocabulary: 201_088)
        let shards = ["model-00000-of-00002.safetensors": Array(all.prefix(100)), "model-00001-of-00002.safetensors": Array(all.dropFirst(100).prefix(200)),
                      "model-00002-of-00002.safetensors": Array(all.dropFirst(300))]
        for (name, tensors) in shards { try F.writeSparse(tensors, to: "\(dir)/\(name)") }
        try F.write([Checkpoint.indexName: F.index(shards)], in: dir)
        let loaded = try ModelLoader.load(dir, revision: nil, catalog: Fixtures.catalog, hub: HubCache(root: dir, origin: "test"))
        let checkpoint = try #require(try Checkpoint.read(directory: dir))
        let total = try ParameterCount.report(for: loaded.spec).total
        let r = CheckpointReport(checkpoint: checkpoint, spec: loaded.spec, configParameters: total)
        #expect(total == 20_914_757_184 && r.unattributed == 0)
        #expect(r.totalBytes == 13_761_264_768)
        #expect(r.differences.map(\.name) == ["quantisation scales"])
        #expect(r.parametersByDType.map(\.dtype) == ["BF16", "MXFP4"])
    }

    /// DeepSeek-V3's FP8 checkpoint (real shapes and names, sparse shards): once its scales, its
    /// routers' score-correction biases and its multi-token-prediction layer 61 are named, the
    /// weights are transformers' 671,026,404,352 parameters exactly.
    @Test func deepSeekV3sCheckpointIsTheConfigPlusNamedGroups() throws {
        let dir = try F.scratch("deepseek")
        defer { try? FileManager.default.removeItem(atPath: dir) }  // sparse files of hundreds of gigabytes
        try F.write(["config.json": Data(contentsOf: Fixtures.directory.appendingPathComponent("mla/deepseek-v3.json"))], in: dir)
        let all = F.deepSeekV3Tensors()
        let shards = ["model-00001-of-00002.safetensors": Array(all.prefix(all.count / 2)), "model-00002-of-00002.safetensors": Array(all.dropFirst(all.count / 2))]
        for (name, tensors) in shards { try F.writeSparse(tensors, to: "\(dir)/\(name)") }
        try F.write([Checkpoint.indexName: F.index(shards)], in: dir)
        let (loaded, checkpoint) = (try ModelLoader.load(dir, revision: nil, catalog: Fixtures.catalog, hub: HubCache(root: dir, origin: "test")),
                                    try #require(try Checkpoint.read(directory: dir)))
        let r = CheckpointReport(checkpoint: checkpoint, spec: loaded.spec, configParameters: try ParameterCount.report(for: loaded.spec).total)
        #expect(r.configParameters == 671_026_404_352 && r.unattributed == 0)
        let groups = Dictionary(uniqueKeysWithValues: r.differences.map { ($0.name, $0) })
        #expect(Set(groups.keys) == ["quantisation scales", "buffers", "layers beyond num_hidden_layers"])
        #expect(groups["buffers"]?.tensors == 59 && groups["buffers"]?.bytes == 59 * 256 * 4)
        #expect(r.parametersByDType.map(\.dtype) == ["BF16", "F8_E4M3"])
    }

    @Test func memoryUsesTheStoredBytesUnlessADtypeIsNamed() throws {
        let (loaded, r) = try loaded(["model.safetensors": F.safetensors(F.tinyLlamaTensors(dtype: "F32"))])
        let stored = try MemoryEstimator(spec: loaded.spec, requestedWeightType: nil, stored: r).report(batch: 1, seq: 16)
        #expect(stored.weights.total == Int128(4 * F.tinyLlamaParameters))
        #expect(stored.notes.contains { $0.contains("safetensors file") })
        let named = try MemoryEstimator(spec: loaded.spec, requestedWeightType: .fp16, stored: r).report(batch: 1, seq: 16)
        #expect(named.weights.total == Int128(2 * F.tinyLlamaParameters))
    }
}
