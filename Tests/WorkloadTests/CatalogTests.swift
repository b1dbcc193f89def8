import _TestSupport
import Foundation
import Testing
@testable import Workload

/// Every catalog file loads, validates, and agrees with the config it cites.
@Suite struct CatalogTests {
    static let entries = (try? Fixtures.catalog.contents()) ?? []

    @Test func theCatalogHoldsTheRequiredModels() {
        let names = Set(Self.entries.map(\.name))
        let required = ["gpt2", "gpt2-medium", "gpt2-large", "gpt2-xl", "gpt3-125m", "gpt3-350m", "gpt3-760m",
                        "gpt3-1.3b", "gpt3-2.7b", "gpt3-6.7b", "gpt3-13b", "gpt3-175b", "llama-2-7b", "llama-2-13b",
                        "llama-2-70b", "llama-3-8b", "llama-3-70b", "llama-3.2-1b", "mistral-7b", "mixtral-8x7b",
                        "qwen2-7b", "gemma-2b", "phi-2", "gpt-neox-20b", "opt-1.3b", "falcon-7b", "bert-base",
                        "bert-large", "t5-base", "t5-large", "bart-large"]
        #expect(Set(required).subtracting(names).isEmpty, "missing: \(Set(required).subtracting(names).sorted())")
    }

    @Test(arguments: entries.map(\.name))
    func everyEntryLoadsValidatesAndIsNamedAfterItsFile(name: String) throws {
        let loaded = try ModelLoader.load(name, catalog: Fixtures.catalog)
        #expect(loaded.spec.name == name)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.spec.source?.isEmpty == false)
        let text = try String(contentsOfFile: Fixtures.catalog.entry(named: name).path, encoding: .utf8)
        #expect(text.hasPrefix("#"), "a header comment citing the source")
    }

    @Test func catalogFilesMatchTheReferenceSpecsWrittenFromTheModelCode() throws {
        let pairs: [(String, ModelSpec)] = [("gpt2", ReferenceSpecs.gpt2), ("llama-2-7b", ReferenceSpecs.llama2_7b),
                                            ("mixtral-8x7b", ReferenceSpecs.mixtral), ("t5-base", ReferenceSpecs.t5Base)]
        for (name, reference) in pairs {
            let spec = try ModelLoader.load(name, catalog: Fixtures.catalog).spec
            #expect(spec.structure == reference.structure.withFamily(spec.family ?? ""), "\(name)")
        }
    }

    @Test func referenceParameterCountsComeOutOfTheCatalog() throws {
        let expected: [String: Int128] = ["gpt2": 124_439_808, "llama-2-7b": 6_738_415_616,
                                          "mixtral-8x7b": 46_702_792_704, "t5-base": 222_903_552,
                                          "qwen3-235b-a22b": 235_093_634_560]
        for (name, total) in expected {
            let spec = try ModelLoader.load(name, catalog: Fixtures.catalog).spec
            #expect(try ParameterCount.report(for: spec).total == total, "\(name)")
        }
    }

    /// Qwen3-235B-A22B: the published total (also transformers 5.23's on the meta device, in
    /// `hf_measured.json`) and 22.19B active per token — 94 × (attention 71,303,424 + 8 of 128
    /// experts of 3 · 4096 · 1536 + router 524,288 + norms 8,192) + the untied embedding and head
    /// + the final norm: the "A22B" of its name.
    @Test func qwen3_235bA22bHas22BillionActiveParameters() throws {
        let spec = try ModelLoader.load("qwen3-235b-a22b", catalog: Fixtures.catalog).spec
        let report = try ParameterCount.report(for: spec)
        #expect(report.total == 235_093_634_560)
        let layer = 71_303_424 + 8 * 3 * 4096 * 1536 + 524_288 + 8192
        #expect(report.active == Int128(94 * layer + 2 * 151_936 * 4096 + 4096))
        #expect(report.active == 22_190_763_520)
    }

    /// Catalog entries with a config beside the tests: our hand-written config fixtures and, when
    /// present, the real ones in `Fixtures/configs` — except those `transformers` itself refuses
    /// (`gpt3-1.3b`: Table 2.1's 24 heads of 128 in a 2048 width, which `GPT2Config` cannot
    /// express; the catalog file can).
    static var configPairs: [String] {
        let names = Set(entries.map(\.name))
        let hf = ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.appendingPathComponent("hf").path)) ?? [])
            .map { ($0 as NSString).deletingPathExtension }
        let real = Fixtures.realConfigs.map { $0.deletingPathExtension().lastPathComponent }
        return Set(hf + real).filter(names.contains).sorted()
    }

    @Test(arguments: configPairs)
    func catalogFileAndImportedConfigGiveTheSameSpec(name: String) throws {
        let catalogSpec = try ModelLoader.load(name, catalog: Fixtures.catalog).spec
        var configs = [Fixtures.hfConfig(name)]
        let refused = Set(TransformersReferenceTests.reference.filter { $0.error != nil }.map(\.config))
        if let real = Fixtures.realConfigs.first(where: { $0.deletingPathExtension().lastPathComponent == name }),
           !refused.contains(real.path) {
            configs.append(real.path)
        }
        for path in configs where FileManager.default.fileExists(atPath: path) {
            let imported = try ModelLoader.loadFile(at: path).spec
            #expect(imported.structure == catalogSpec.structure, "\(name) vs \(path)")
        }
    }
}
