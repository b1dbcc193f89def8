import Foundation
import Testing
@testable import Workload

/// The short, deterministic run of what `Fuzz/` does at length: real configs and catalog specs,
/// mutated (bytes flipped, inserted, cut; a key repeated in an escaped spelling; a number made
/// huge, tiny, fractional or negative), must each either load to exact, consistent counts or be
/// refused with one `SpecError` line that names the file and shows no decoder internals.
@Suite struct ParserMutationTests {
    /// SplitMix64: the same mutations on every run and every machine.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds: [(name: String, bytes: [UInt8])] = {
        let hf = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.appendingPathComponent("hf").path)) ?? []
        let configs = hf.sorted().map { Fixtures.directory.appendingPathComponent("hf/\($0)").path }
        let specs = ["gpt2", "t5-base", "mixtral-8x7b", "llama-2-7b", "bert-base"].map { "\(Fixtures.catalog.directory)/\($0).yaml" }
        return (configs + specs).compactMap { path in
            FileManager.default.contents(atPath: path).map { ((path as NSString).lastPathComponent, [UInt8]($0)) }
        }
    }()

    static let numbers = ["1e400", "-1e400", "1e-400", "1e30", "99999999999999999999", "2.5", "-1", "0", "2147483648", "NaN", "0x10", "012"]
    static let bytes: [UInt8] = Array("{}[]:,\"\\\n\r\t\u{1B}0-e.#&*!|>'".utf8) + [0, 0x80, 0xC3, 0xFF]

    /// One mutation of `input`, and whether it must be refused (a repeated key).
    static func mutate(_ input: [UInt8], _ g: inout Generator) -> (bytes: [UInt8], mustFail: Bool) {
        var b = input
        switch Int.random(in: 0..<6, using: &g) {
        case 0:  // flip a byte
            let i = Int.random(in: 0..<b.count, using: &g)
            b[i] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &g)
        case 1:  // insert a byte that matters to a parser
            b.insert(bytes.randomElement(using: &g)!, at: Int.random(in: 0...b.count, using: &g))
        case 2:  // cut a range
            let i = Int.random(in: 0..<b.count, using: &g)
            b.removeSubrange(i..<min(b.count, i + Int.random(in: 1...16, using: &g)))
        case 3:  // repeat a key, with one character written as a JSON or YAML escape
            let text = String(decoding: b, as: UTF8.self)
            let json = text.first { !$0.isWhitespace } == "{"
            let pattern = json ? #""([a-z_]+)":\s*([^,{}\[\]\n]+)"# : #"(?m)^(\s*)([a-zA-Z]+): ([0-9a-z_]+)\s*$"#
            let matches = text.matches(of: try! Regex(pattern))
            guard let m = matches.randomElement(using: &g) else { return (b, false) }
            if json, let key = m.output[1].substring, let value = m.output[2].substring, let c = key.unicodeScalars.first {
                let escaped = String(format: "\\u%04x", c.value) + key.dropFirst()
                return (Array(text.replacingCharacters(in: m.range, with: "\(text[m.range]), \"\(escaped)\": \(value)").utf8), true)
            }
            if !json, let indent = m.output[1].substring, let key = m.output[2].substring, let value = m.output[3].substring,
               let c = key.unicodeScalars.first {
                let escaped = String(format: "\\x%02x", c.value) + key.dropFirst()
                return (Array(text.replacingCharacters(in: m.range, with: "\(text[m.range])\n\(indent)\"\(escaped)\": \(value)").utf8), true)
            }
        case 4:  // a number made huge, tiny, fractional, negative or foreign
            let text = String(decoding: b, as: UTF8.self)
            guard let m = text.matches(of: #/[0-9]+/#).randomElement(using: &g) else { return (b, false) }
            b = Array(text.replacingCharacters(in: m.range, with: numbers.randomElement(using: &g)!).utf8)
        default:  // truncate
            b.removeSubrange(Int.random(in: 0..<b.count, using: &g)...)
        }
        return (b, false)
    }

    @Test func everyMutatedInputLoadsToConsistentCountsOrIsOneLineNamingTheFile() throws {
        try #require(Self.seeds.count > 10)
        var g = Generator(state: 15)
        var accepted = 0, refused = 0
        for round in 0..<600 {
            let seed = Self.seeds[round % Self.seeds.count]
            var (input, mustFail) = Self.mutate(seed.bytes, &g)
            if !mustFail, Bool.random(using: &g) { (input, mustFail) = Self.mutate(input, &g) }  // some get two
            let path = "/fuzz/\(round)/\(seed.name)"
            do {
                let spec = try ModelLoader.load(data: Data(input), path: path).spec
                #expect(!mustFail, "a repeated key was accepted: \(String(decoding: input, as: UTF8.self))")
                let report = try ParameterCount.report(for: spec)
                #expect(report.total >= 0 && report.active >= 0 && report.active <= report.total && report.nonEmbedding <= report.total)
                accepted += 1
            } catch let error as SpecError {
                let text = error.description
                #expect(text.hasPrefix(path + ": ") && !text.contains("\n"), "\(text)")
                for word in DecoderInternalsTests.internals { #expect(!text.contains(word), "\(text)") }
                refused += 1
            }
        }
        // Both outcomes must be exercised, or the mutations are too weak (or too strong) to test anything.
        #expect(accepted > 30 && refused > 200, "accepted \(accepted), refused \(refused)")
    }
}
