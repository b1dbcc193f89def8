import Foundation
import Testing
@testable import Workload

/// Real Hugging Face configs (`Fixtures/configs`, `configs/random`), imported by our code and
/// counted by `ParameterCount`, must give exactly the parameter count the real model code
/// instantiates (`hf_reference.json`, from `sum(p.numel() for p in model.parameters())`).
@Suite struct RealConfigTests {
    /// Reference counts by config name (the file name without `.json`, `random/` kept).
    static let references: [String: Int128] = {
        let url = Fixtures.directory.appendingPathComponent("hf_reference.json")
        guard let data = try? Data(contentsOf: url), let json = try? JSONSerialization.jsonObject(with: data) else { return [:] }
        var result: [String: Int128] = [:]
        func count(_ value: Any?) -> Int128? {
            if let n = value as? NSNumber { return Int128(n.int64Value) }
            if let o = value as? [String: Any] {
                return count(o["parameters"] ?? o["total_parameters"] ?? o["params"] ?? o["num_parameters"])
            }
            return nil
        }
        func add(_ name: String, _ value: Any?) {
            let key = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
            if let n = count(value) { result[key.replacingOccurrences(of: "configs/", with: "")] = n }
        }
        if let object = json as? [String: Any] {
            let models = (object["models"] as? [String: Any]) ?? object
            for (name, value) in models { add(name, value) }
            for item in (object["models"] as? [[String: Any]]) ?? [] {
                if let name = (item["name"] ?? item["config"] ?? item["model"]) as? String { add(name, item) }
            }
        } else if let array = json as? [[String: Any]] {
            for item in array {
                if let name = (item["name"] ?? item["config"] ?? item["model"]) as? String { add(name, item) }
            }
        }
        return result
    }()

    static var hasFixtures: Bool { !references.isEmpty }

    /// The config file for a reference name, if present.
    static func configPath(_ name: String) -> String? {
        let path = Fixtures.directory.appendingPathComponent("configs/\(name).json").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    @Test(.enabled(if: hasFixtures), arguments: references.keys.sorted())
    func importedConfigHasTheRealParameterCount(name: String) throws {
        let path = try #require(Self.configPath(name), "configs/\(name).json is listed in hf_reference.json")
        let reference = try #require(Self.references[name])
        let loaded = try ModelLoader.loadFile(at: path)
        let report = try ParameterCount.report(for: loaded.spec)
        #expect(report.total == reference, """
            \(name): ours \(report.total), transformers \(reference), difference \(report.total - reference); \
            components: \(report.components.map { "\($0.name)=\($0.parameters.value)" }.joined(separator: " "))
            """)
    }
}
