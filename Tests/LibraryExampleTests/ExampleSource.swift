import Foundation

/// Reads the examples the documentation shows out of these test files, so a README or DocC code
/// block is checked to be code that compiles and runs here.
///
/// A test file marks its imports with `// README example: imports` … `// README example: end`
/// (at file scope) and a function body with `// README example: body` … `// README example: end`
/// (any marker name works the same way); the example is the imports, a blank line, then the body
/// unindented by four spaces.
enum ExampleSource {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// The marked imports, a blank line, then the marked body with the function's indentation removed.
    static func example(in source: String, imports: String = "imports", body: String = "body") throws -> String {
        let lines = source.components(separatedBy: "\n")
        let importLines = try region(imports, of: lines)
        let bodyLines = try region(body, of: lines).map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : $0 }
        return (importLines + [""] + bodyLines).joined(separator: "\n")
    }

    static func region(_ name: String, of lines: [String]) throws -> [String] {
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// README example: \(name)" }),
              let end = lines[start...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// README example: end" })
        else { throw MarkerMissing(name: name) }
        return Array(lines[(start + 1)..<end])
    }

    /// The contents of every ```swift fenced block, without the fences.
    static func swiftBlocks(in markdown: String) -> [String] {
        var blocks: [String] = [], current: [String]? = nil
        for line in markdown.components(separatedBy: "\n") {
            switch (current, line) {
            case (nil, "```swift"): current = []
            case (let lines?, "```"): blocks.append(lines.joined(separator: "\n")); current = nil
            case (var lines?, _): lines.append(line); current = lines
            default: break
            }
        }
        return blocks
    }

    struct MarkerMissing: Error, CustomStringConvertible {
        var name: String
        var description: String { "no '// README example: \(name)' … '// README example: end' region" }
    }
}
