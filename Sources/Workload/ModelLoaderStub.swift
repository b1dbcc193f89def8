import Foundation
import Yams

// TEMPORARY until the importer branch lands.
public struct LoadedModel: Sendable { public var spec: ModelSpec; public var warnings: [String] }
public enum ModelLoader {
    public static func load(_ reference: String) throws -> LoadedModel {
        let text = try String(contentsOfFile: reference, encoding: .utf8)
        return LoadedModel(spec: try YAMLDecoder().decode(ModelSpec.self, from: text), warnings: [])
    }
}
public enum ModelCatalog {
    public static func entries() throws -> [(name: String, path: String)] { [] }
}
