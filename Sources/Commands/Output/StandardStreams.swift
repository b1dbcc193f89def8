import Workload

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to stdout/stderr with `write(2)`, so a closed pipe (`llmcost … | head`) ends the
/// program quietly with status 0 instead of a SIGPIPE crash report.
public enum StandardStreams {
    /// Ignore SIGPIPE once at start-up; a closed pipe then surfaces as EPIPE, handled here.
    public static func prepare() { signal(SIGPIPE, SIG_IGN) }

    public static func writeOut(_ text: String) {
        if !write(text, to: STDOUT_FILENO) {
            let code = errno
            if code == EPIPE { exit(0) }
            writeError("llmcost: error: cannot write standard output: \(String(cString: strerror(code)))\n")
            exit(74)  // EX_IOERR
        }
    }

    /// Writes one line to stderr, the one place every error, warning and progress line passes.
    /// Each may quote user input — a path, a key, an argument — so every control character but
    /// the final newline is escaped (`OneLine`): a directory named `a⏎b` cannot split an error
    /// in two, nor an ESC in a name restyle the terminal.
    public static func writeError(_ text: String) {
        // By scalars: "\r\n" is one Character, and a path ending in "\r" must not hide the newline.
        let endsLine = text.unicodeScalars.last == "\n"
        let body = endsLine ? String(text.unicodeScalars.dropLast()) : text
        _ = write(OneLine.escaping(body) + (endsLine ? "\n" : ""), to: STDERR_FILENO)
    }

    /// `llmcost: warning: …` on stderr, the label in colour on a terminal (`Styling`).
    public static func warn(_ message: String) { writeLabelled(message, label: "warning:", style: { $0.warning($1) }) }

    /// `llmcost: error: …` on stderr, the label in colour on a terminal (`Styling`).
    public static func error(_ message: String) { writeLabelled(message, label: "error:", style: { $0.error($1) }) }

    /// The message escaped as `writeError` escapes it; only the label, added after, may carry
    /// the styling's escape codes.
    private static func writeLabelled(_ message: String, label: String, style: (Styling, String) -> String) {
        let styled = style(Styling.forDescriptor(STDERR_FILENO), label)
        _ = write("llmcost: \(styled) " + OneLine.escaping(message) + "\n", to: STDERR_FILENO)
    }

    /// Writes all bytes, retrying short writes and EINTR; false on any other error.
    private static func write(_ text: String, to fd: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            bytes = bytes.dropFirst(n)
        }
        return true
    }
}
