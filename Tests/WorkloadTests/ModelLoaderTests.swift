import Foundation
import Testing
@testable import Workload

/// MODEL strings resolve to catalog entries, spec files, configs or model directories, and every
/// bad file is one `SpecError`.
@Suite struct ModelLoaderTests {
    /// A fresh scratch directory for one test.
    func scratch(_ files: [String: Data] = [:]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, data) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return dir.path
    }

    static let tinyYAML = """
        # a tiny model
        vocabularySize: 1000
        hiddenSize: 64
        decoder:
          layers: 2
          attention: {heads: 4, headDim: 16}
          ffn: {intermediateSize: 256, gated: true, activation: silu}
          norm: {kind: rmsnorm}
          positions: {kind: rotary}
        lmHead: {tied: false}
        """

    @Test func catalogNamesResolveCaseInsensitively() throws {
        let loaded = try ModelLoader.load("GPT2", catalog: Fixtures.catalog)
        #expect(loaded.spec.name == "gpt2" && loaded.warnings.isEmpty)
        #expect(try ModelLoader.load("Llama-2-7B", catalog: Fixtures.catalog).spec.name == "llama-2-7b")
    }

    @Test func unknownNamesSuggestTheNearestCatalogNames() {
        let error = expectSpecError(fileSuffix: "catalog:lama-2-7b", containing: "did you mean") {
            try ModelLoader.load("lama-2-7b", catalog: Fixtures.catalog)
        }
        #expect(error?.message.contains("'llama-2-7b'") == true)
        expectSpecError(containing: "'mixtral-8x7b'") { try ModelLoader.load("mixtral-8x7", catalog: Fixtures.catalog) }
    }

    @Test func aSpecFileLoadsByPathAndTakesItsNameFromTheFile() throws {
        let dir = try scratch(["tiny.yaml": Data(Self.tinyYAML.utf8)])
        let loaded = try ModelLoader.load("\(dir)/tiny.yaml", catalog: Fixtures.catalog)
        #expect(loaded.spec.name == "tiny" && loaded.spec.source == "\(dir)/tiny.yaml")
        #expect(loaded.spec.decoder?.attention.kvHeads == 4)
    }

    @Test func aJSONSpecFileLoadsLikeItsYAML() throws {
        let json = #"{"name": "tiny", "vocabularySize": 1000, "hiddenSize": 64, "decoder": {"layers": 2, "attention": {"heads": 4, "headDim": 16}, "ffn": {"intermediateSize": 256, "gated": true, "activation": "silu"}, "norm": {"kind": "rmsnorm"}, "positions": {"kind": "rotary"}}, "lmHead": {"tied": false}}"#
        let dir = try scratch(["a.json": Data(json.utf8), "tiny.yaml": Data(Self.tinyYAML.utf8)])
        let fromJSON = try ModelLoader.loadFile(at: "\(dir)/a.json").spec
        let fromYAML = try ModelLoader.loadFile(at: "\(dir)/tiny.yaml").spec
        #expect(fromJSON.structure == fromYAML.structure)
    }

    @Test func aConfigFileOrItsDirectoryIsReadAsHuggingFace() throws {
        let config = try Data(contentsOf: URL(fileURLWithPath: Fixtures.hfConfig("mistral-7b")))
        let dir = try scratch(["Mistral-7B-v0.1/config.json": config, "renamed.json": config])
        let byDirectory = try ModelLoader.load("\(dir)/Mistral-7B-v0.1", catalog: Fixtures.catalog)
        #expect(byDirectory.spec.name == "Mistral-7B-v0.1" && byDirectory.spec.family == "mistral")
        let byFile = try ModelLoader.load("\(dir)/renamed.json", catalog: Fixtures.catalog)
        #expect(byFile.spec.name == "renamed" && byFile.spec.structure == byDirectory.spec.structure)
    }

    @Test func aConfigWithoutModelTypeIsDetectedByItsKeys() throws {
        let json = #"{"hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4, "vocab_size": 100, "intermediate_size": 256}"#
        let loaded = try ModelLoader.load(data: Data(json.utf8), path: "anon.json")
        #expect(loaded.spec.decoder?.layers == 2 && !loaded.warnings.isEmpty)
    }

    @Test func badFilesAreOneClearErrorEach() throws {
        var binary = Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01])
        binary.append(Data(repeating: 0xFF, count: 10))
        let dir = try scratch([
            "empty.yaml": Data(), "blank.yaml": Data("  \n\n".utf8), "binary.yaml": binary,
            "latin1.yaml": Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9]),
            "broken.yaml": Data("vocabularySize: [1, 2\nhiddenSize: 3".utf8),
            "broken.json": Data("{\"model_type\": \"llama\",".utf8),
            "comments.yaml": Data("# nothing here\n".utf8),
            "list.yaml": Data("- 1\n- 2\n".utf8),
            "neither.json": Data(#"{"hello": "world"}"#.utf8),
            "nodir/readme.txt": Data("x".utf8),
        ])
        expectSpecError(fileSuffix: "empty.yaml", containing: "empty") { try ModelLoader.loadFile(at: "\(dir)/empty.yaml") }
        expectSpecError(fileSuffix: "blank.yaml", containing: "empty") { try ModelLoader.loadFile(at: "\(dir)/blank.yaml") }
        expectSpecError(fileSuffix: "binary.yaml", containing: "UTF-8") { try ModelLoader.loadFile(at: "\(dir)/binary.yaml") }
        expectSpecError(fileSuffix: "latin1.yaml", containing: "UTF-8") { try ModelLoader.loadFile(at: "\(dir)/latin1.yaml") }
        expectSpecError(fileSuffix: "broken.yaml", containing: "malformed YAML") { try ModelLoader.loadFile(at: "\(dir)/broken.yaml") }
        expectSpecError(fileSuffix: "broken.json", containing: "malformed JSON") { try ModelLoader.loadFile(at: "\(dir)/broken.json") }
        expectSpecError(fileSuffix: "comments.yaml", containing: "no YAML document") { try ModelLoader.loadFile(at: "\(dir)/comments.yaml") }
        expectSpecError(fileSuffix: "list.yaml", containing: "mapping") { try ModelLoader.loadFile(at: "\(dir)/list.yaml") }
        expectSpecError(field: "hello") { try ModelLoader.loadFile(at: "\(dir)/neither.json") }
        expectSpecError(containing: "without config.json") { try ModelLoader.load("\(dir)/nodir", catalog: Fixtures.catalog) }
        expectSpecError(containing: "no such file") { try ModelLoader.load("\(dir)/missing.yaml", catalog: Fixtures.catalog) }
    }

    @Test func filesOver16MBAreRefusedUnread() throws {
        let dir = try scratch()
        let path = "\(dir)/huge.json"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(16 << 20) + 1)
        try handle.close()
        expectSpecError(fileSuffix: "huge.json", containing: "16 MB") { try ModelLoader.loadFile(at: path) }
    }

    @Test func devicesAndOtherSpecialFilesAreRefused() {
        expectSpecError(fileSuffix: "/dev/zero", containing: "regular file") { try ModelLoader.loadFile(at: "/dev/zero") }
    }

    @Test func specFieldErrorsNameThePathInTheFile() throws {
        func load(_ yaml: String) throws -> LoadedModel {
            try ModelLoader.load(data: Data(yaml.utf8), path: "m.yaml")
        }
        let t = Self.tinyYAML
        expectSpecError(field: "decoder.attention.kvheads", containing: "did you mean 'kvHeads'") {
            try load(t.replacingOccurrences(of: "heads: 4,", with: "heads: 4, kvheads: 2,"))
        }
        expectSpecError(field: "decoder.layers", containing: "integer") { try load(t.replacingOccurrences(of: "layers: 2", with: "layers: two")) }
        expectSpecError(field: "decoder.layers", containing: "positive") { try load(t.replacingOccurrences(of: "layers: 2", with: "layers: 0")) }
        expectSpecError(field: "hiddenSize", containing: "required") { try load(t.replacingOccurrences(of: "hiddenSize: 64\n", with: "")) }
        expectSpecError(field: "decoder.ffn.activation", containing: "gelu_tanh") { try load(t.replacingOccurrences(of: "silu", with: "swiglu")) }
        expectSpecError(field: "decoder.attention.kvHeads", containing: "divide") {
            try load(t.replacingOccurrences(of: "heads: 4,", with: "heads: 4, kvHeads: 3,"))
        }
    }

    @Test func theEnvironmentNamesACatalogDirectoryElseTheBuiltInOneIsUsed() throws {
        let dir = try scratch(["ModelSpecs/x.yaml": Data(Self.tinyYAML.utf8), "a/b/c/.keep": Data()])
        #expect(ModelCatalog.located(environment: ["LLMCOST_SPECS": "/somewhere"]).directory == "/somewhere")
        #expect(ModelCatalog.located(environment: ["LLMCOST_SPECS": ""]) == .builtIn)
        #expect(ModelCatalog.located(environment: [:]) == .builtIn)
        let mine = ModelCatalog.located(environment: ["LLMCOST_SPECS": "\(dir)/ModelSpecs"])
        #expect(try mine.contents().map(\.name) == ["x"])
        #expect(try ModelLoader.load("x", catalog: mine).spec.hiddenSize == 64)
        // A name the override lacks is not taken from the built-in catalog behind it.
        #expect(throws: SpecError.self) { try ModelLoader.load("gpt2", catalog: mine) }
    }

    @Test func theDefaultCatalogIsBuiltIn() throws {
        #expect(try ModelCatalog.builtIn.contents().contains { $0.name == "gpt2" })
        let entry = try ModelCatalog.builtIn.entry(named: "GPT2")
        #expect(entry.path == "ModelSpecs/gpt2.yaml")
        #expect(try ModelLoader.load(entry: entry).spec.name.lowercased().contains("gpt"))
    }

    /// The build plugin ran on the current files: the built-in catalog is `ModelSpecs/`, byte for byte.
    @Test func theBuiltInCatalogIsTheSourceTreesModelSpecs() throws {
        let onDisk = try Fixtures.catalog.contents()
        let builtIn = try ModelCatalog.builtIn.contents()
        #expect(builtIn.map(\.name) == onDisk.map(\.name))
        for (embedded, file) in zip(builtIn, onDisk) {
            let text = try String(contentsOfFile: file.path, encoding: .utf8)
            #expect(embedded.text == text, "\(embedded.name): the embedded text differs from \(file.path); rebuild")
        }
    }
}
