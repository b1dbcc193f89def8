import Foundation

/// `ModelSpecsEmbedder OUTPUT.swift SPEC.yaml…`: writes the Swift source that holds each spec's
/// text as a raw multi-line string literal (the build plugin `EmbedModelSpecs` runs it).
///
/// The literal's `#` count is one more than the longest run of `#` in the text, so neither its
/// closing delimiter nor an escape can occur inside it; the text is kept byte for byte (a test
/// compares the embedded catalog with `ModelSpecs/`).

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ModelSpecsEmbedder: error: \(message)\n".utf8))
    exit(1)
}

func longestHashRun(_ text: String) -> Int {
    var longest = 0, current = 0
    for unit in text.utf8 {
        current = unit == UInt8(ascii: "#") ? current + 1 : 0
        longest = max(longest, current)
    }
    return longest
}

/// The text as a Swift literal, or a reason it cannot be one.
func literal(_ text: String, file: String) -> String {
    // A multi-line literal turns CR LF into LF and refuses most control characters.
    if let bad = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) {
        fail("\(file): control character U+\(String(bad.value, radix: 16, uppercase: true)); the catalog embeds plain text (LF line ends) only")
    }
    let hashes = String(repeating: "#", count: longestHashRun(text) + 1)
    // The newline before the closing delimiter is not part of the string.
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

/// A type with `main`, not top-level code: the fuzz build passes `-parse-as-library` to every
/// module it compiles, this tool included.
@main
enum ModelSpecsEmbedder {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.first else { fail("usage: ModelSpecsEmbedder OUTPUT.swift SPEC.yaml…") }
        var source = """
            // Generated at build time by the EmbedModelSpecs plugin from ModelSpecs/; do not edit.

            extension EmbeddedModelSpecs {
                static let files: [EmbeddedModelSpecs.File] = [

            """
        for path in arguments.dropFirst() {
            let name = URL(fileURLWithPath: path).lastPathComponent
            guard name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "._-".unicodeScalars.contains($0)) }) else {
                fail("\(path): a catalog file name is letters, digits, '.', '_' and '-' only (it becomes the model's name)")
            }
            guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot be read") }
            guard let text = String(data: data, encoding: .utf8) else { fail("\(path): not UTF-8 text") }
            source += "        EmbeddedModelSpecs.File(fileName: \"\(name)\", text: \(literal(text, file: path))),\n"
        }
        source += "    ]\n}\n"
        do {
            try source.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            fail("\(output): cannot be written (\(error))")
        }
    }
}
