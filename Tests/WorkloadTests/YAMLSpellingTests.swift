import Foundation
import Testing
@testable import Workload

/// YAML that readers disagree on — a key written twice in another spelling, YAML 1.1 numbers and
/// booleans, explicit tags — is refused by field, so a spec means one model to every reader.
@Suite struct YAMLSpellingTests {
    static let yamlSpec = """
        vocabularySize: 100
        hiddenSize: 16
        decoder:
          layers: 2
          attention: {heads: 2, headDim: 8}
          ffn: {intermediateSize: 32, gated: false, activation: gelu}
          norm: {kind: layernorm}
        """

    /// Yams refuses `layers` twice, but keyed `!custom layers` apart from `layers`, so the second
    /// value slipped through to the decoder; a YAML escape is caught by either check.
    @Test(arguments: ["  \"l\\x61yers\": 3", "  !custom layers: 3", "  'layers': 3", "  ? layers\n  : 3"])
    func aYAMLKeyWrittenTwiceInAnySpellingIsRefused(_ line: String) {
        let yaml = Self.yamlSpec.replacingOccurrences(of: "  layers: 2", with: "  layers: 2\n\(line)")
        let error = expectSpecError(fileSuffix: "spec.yaml") { try ModelLoader.load(data: Data(yaml.utf8), path: "spec.yaml") }
        #expect(error?.field?.hasSuffix("layers") == true, "\(String(describing: error))")
    }

    /// YAML 1.1 reads `012` as 10 and `1:0` as 60; a YAML 1.2 reader (and the author) reads 12,
    /// a string. A tag makes Yams read `!!str 12` as the integer 12. All refused, by field.
    @Test(arguments: ["012", "0o2", "0x2", "0b10", "1_2", "1:0", "!!str 2", "!custom 2"])
    func disputedYAMLSpellingsOfANumberAreRefused(_ value: String) {
        let yaml = Self.yamlSpec.replacingOccurrences(of: "  layers: 2", with: "  layers: \(value)")
        expectSpecError(field: "decoder.layers") { try ModelLoader.load(data: Data(yaml.utf8), path: "s.yaml") }
    }

    @Test func disputedYAMLBooleansAreRefusedAndPlainOnesKept() throws {
        let yaml = Self.yamlSpec.replacingOccurrences(of: "gated: false", with: "gated: no")
        expectSpecError(field: "decoder.ffn.gated", containing: "true or false") { try ModelLoader.load(data: Data(yaml.utf8), path: "s.yaml") }
        let plain = Self.yamlSpec.replacingOccurrences(of: "gated: false", with: "gated: False")
        #expect(throws: Never.self) { try ModelLoader.load(data: Data(plain.utf8), path: "s.yaml") }
        let signed = Self.yamlSpec.replacingOccurrences(of: "layers: 2", with: "layers: +2")
        #expect(try ModelLoader.load(data: Data(signed.utf8), path: "s.yaml").spec.decoder?.layers == 2)
    }
}

/// Found by Fuzz/: a mapping used as a key printed the parser's whole node dump as the field.
@Suite struct YAMLComplexKeyTests {
    @Test func aMappingUsedAsAKeyIsOneShortLine() {
        let yaml = YAMLSpellingTests.yamlSpec.replacingOccurrences(of: "  attention: {heads: 2, headDim: 8}", with: "? attention: {heads: 2, headDim: 8}")
        let error = expectSpecError(containing: "used as a key") { try ModelLoader.load(data: Data(yaml.utf8), path: "s.yaml") }
        #expect(error.map { !$0.description.contains("Yams") && $0.description.count < 200 } == true, "\(String(describing: error))")
    }
}
