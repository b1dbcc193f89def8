#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one switch for colour: table headings, `warning:` and `error:` are styled with ANSI
/// codes only when the stream they go to is a terminal and the user has not set `NO_COLOR`
/// (any non-empty value, no-color.org) nor `TERM=dumb`. Pipes, files (`--output`), JSON and CSV
/// are never styled, so a script or a golden file never sees an escape code.
///
/// Hand-written rather than a colour library: three styles need three escape sequences, and
/// the decision — which stream, which environment — is the part that must be right.
public struct Styling: Sendable, Equatable {
    /// Whether escape codes are written at all.
    public var isEnabled: Bool

    public init(isEnabled: Bool) { self.isEnabled = isEnabled }

    /// Never styled: files, JSON, CSV, tests.
    public static let plain = Styling(isEnabled: false)

    /// The decision, on its inputs: colour only on a terminal, never under `NO_COLOR` or a dumb terminal.
    public static func decide(isTerminal: Bool, environment: [String: String]) -> Styling {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return Styling(isEnabled: isTerminal && !noColor && !dumb)
    }

    /// The styling for text written to `descriptor` (standard output or error) by this process.
    public static func forDescriptor(_ descriptor: Int32) -> Styling {
        decide(isTerminal: isatty(descriptor) == 1, environment: currentEnvironment())
    }

    /// Bold: a table's title.
    public func heading(_ text: String) -> String { wrap(text, "1") }
    /// Bold yellow: the `warning:` label.
    public func warning(_ text: String) -> String { wrap(text, "1;33") }
    /// Bold red: the `error:` label.
    public func error(_ text: String) -> String { wrap(text, "1;31") }

    private func wrap(_ text: String, _ code: String) -> String {
        guard isEnabled, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }

    /// Only the two variables the decision reads (Foundation-free, as the stream writer is).
    private static func currentEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in ["NO_COLOR", "TERM"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }
}
