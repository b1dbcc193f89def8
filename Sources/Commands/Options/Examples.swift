/// The `Examples:` section of every command's `--help`: runnable command lines, indented under
/// the heading. `HelpExampleTests` walks the command tree, requires one in every command and
/// parses (and, where cheap, runs) each, so an example cannot rot when an option is renamed.
enum Examples {
    static let heading = "Examples:"
    static let indent = "  "
    /// Help is wrapped at 80 columns; a longer example is continued shell-style (` \`) on
    /// further lines, so wrapping never splits it where a shell would not join it back.
    static let width = 76

    /// The discussion text: the heading, then each example, continued over lines as needed.
    static func discussion(_ commandLines: String...) -> String {
        ([heading] + commandLines.flatMap(lines)).joined(separator: "\n")
    }

    /// One example as help lines: words packed up to `width`, each full line ending in ` \`;
    /// an option stays on the line of its value.
    static func lines(_ command: String) -> [String] {
        var lines: [String] = []
        var current = indent
        for word in units(command) {
            let prefix = current.trimmingCharacters(in: .whitespaces).isEmpty ? current : current + " "
            if current.count > indent.count * 2, (prefix + word).count + 2 > width {
                lines.append(current + " \\")
                current = indent + indent + word
            } else {
                current = prefix + word
            }
        }
        return lines + [current]
    }

    /// The words of a command line, an option and its value (`--seq 4096`) as one.
    static func units(_ command: String) -> [String] {
        var units: [String] = []
        for word in command.split(separator: " ").map(String.init) {
            if let last = units.last, last.hasPrefix("--"), !last.contains(" "), !word.hasPrefix("-") {
                units[units.count - 1] += " " + word
            } else {
                units.append(word)
            }
        }
        return units
    }

    /// The command lines of a discussion written by `discussion` (continuations joined).
    static func commandLines(in discussion: String) -> [String] {
        let lines = discussion.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: heading) else { return [] }
        var commands: [String] = []
        var continuing = false
        for line in lines[(start + 1)...] {
            guard line.hasPrefix(indent) else { break }
            var text = line.trimmingCharacters(in: .whitespaces)
            let continues = text.hasSuffix(" \\")
            if continues { text.removeLast(2) }
            if continuing { commands[commands.count - 1] += " " + text } else { commands.append(text) }
            continuing = continues
        }
        return commands
    }
}
