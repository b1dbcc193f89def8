import Foundation
import Testing
@testable import Workload

/// Fixture files and small helpers shared by the importer, loader and catalog tests.
enum Fixtures {
    /// The copied `Fixtures/` folder inside the test bundle.
    static var directory: URL {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures") ?? URL(fileURLWithPath: "Fixtures")
    }

    /// `Fixtures/hf/<name>.json`: configs written for these tests, in the shape of the real ones.
    static func hfConfig(_ name: String) -> String {
        directory.appendingPathComponent("hf/\(name).json").path
    }

    /// Real Hugging Face configs (`Fixtures/configs/*.json`), when the fixture set is present.
    static var realConfigs: [URL] {
        let folder = directory.appendingPathComponent("configs")
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    }

    /// The repository's `ModelSpecs/`, found from this source file.
    static var catalog: ModelCatalog {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return ModelCatalog(directory: root.appendingPathComponent("ModelSpecs").path)
    }

    /// Imports a config given as a dictionary literal, as if read from `file`.
    static func importConfig(_ values: [String: Any], file: String = "config.json") throws -> LoadedModel {
        let data = try JSONSerialization.data(withJSONObject: values, options: [.sortedKeys])
        return try HuggingFaceConfig.importConfig(data, file: file, name: "test")
    }

    /// Imports a fixture config with one key changed (`nil` value removes it).
    static func importVariant(of name: String, _ changes: [String: Any?]) throws -> LoadedModel {
        let data = try Data(contentsOf: URL(fileURLWithPath: hfConfig(name)))
        var values = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        for (key, value) in changes { values[key] = value }
        return try importConfig(values, file: hfConfig(name))
    }

    static func load(_ name: String) throws -> ModelSpec {
        try ModelLoader.loadFile(at: hfConfig(name)).spec
    }
}

/// Runs `body` and returns the `SpecError` it throws, recording a failure if it throws none.
@discardableResult
func expectSpecError(
    field: String? = nil, fileSuffix: String? = nil, containing text: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Any
) -> SpecError? {
    do {
        _ = try body()
        Issue.record("expected a SpecError, got a result", sourceLocation: sourceLocation)
        return nil
    } catch let error as SpecError {
        if let field { #expect(error.field == field, "\(error)", sourceLocation: sourceLocation) }
        if let fileSuffix { #expect(error.file.hasSuffix(fileSuffix), "\(error)", sourceLocation: sourceLocation) }
        if let text { #expect(error.description.contains(text), "\(error)", sourceLocation: sourceLocation) }
        #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("\(error.file): "), sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected a SpecError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

extension ModelSpec {
    /// The spec without the fields that say where it came from, for structural comparison.
    var structure: ModelSpec {
        var copy = self
        copy.name = ""; copy.source = nil
        return copy
    }
}
