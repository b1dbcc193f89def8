import ArgumentParser
import Foundation
import Workload

public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case table, json, csv
}

/// `--format` and `--output`, shared by every command that prints a result.
public struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table (aligned, human units beside exact figures), json or csv.")
    public var format: OutputFormat = .table

    @Option(name: [.short, .long], help: "Write the result to this file instead of standard output.")
    public var output: String?

    @Flag(help: "Show the formula and inputs behind every figure.")
    public var explain = false

    @Flag(help: "Tables: every column (sources, detail) on one line per row, notes unwrapped; by default tables fit 100 columns.")
    public var wide = false

    public init() {}

    /// Formats and writes the result; an unwritable `--output` is one clear error.
    public func emit(_ rendered: Rendered) throws {
        guard let output else {
            // Headings in colour only on a terminal; a file named by --output is never styled.
            let styling = format == .table ? Styling.forDescriptor(STDOUT_FILENO) : .plain
            return StandardStreams.writeOut(rendered.formatted(as: format, wide: wide, styling: styling))
        }
        try Self.write(rendered.formatted(as: format, wide: wide), to: output, parameter: .outputPath)
    }

    /// Writes `text` to `path` atomically, after the command has succeeded: into a temporary
    /// file in the same directory, then renamed over the path, so a reader never sees half of it
    /// and a failure leaves any earlier file untouched. A target that is one of the run's inputs,
    /// is refused. A stream the user names on purpose (`/dev/stdout`, `/dev/null`, a terminal, a
    /// pipe with a reader) is written directly: it cannot be renamed over, and it cannot be half-read.
    public static func write(_ text: String, to path: String, parameter: InputParameter) throws {
        try checkWritable(path, parameter: parameter)
        if isStream(path) { return try writeStream(text, to: path, parameter: parameter) }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var template = Array((directory + "/.llmcost-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw CLIError("cannot write \(parameter.option) '\(path)': \(String(cString: strerror(errno))) in '\(directory)'")
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
            // mkstemp creates 0600; an output is an ordinary file (0644 less the umask).
            let mask = umask(0); umask(mask)
            chmod(temporary, 0o666 & ~mask)
            guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary)
            throw CLIError("cannot write \(parameter.option) '\(path)': \(Self.reason(error))")
        }
    }

    /// Refuses an `--output` that cannot be written before a long measurement, not after it.
    public func checkWritable() throws {
        guard let output else { return }
        try Self.checkWritable(output, parameter: .outputPath)
    }

    /// The path names no directory, no special file and none of the run's inputs, and a file can
    /// be created beside it. Writes are atomic (a temporary file renamed over the path), so
    /// creating one is what is tried; permission bits alone would pass `/proc` or a read-only
    /// mount for root.
    public static func checkWritable(_ path: String, parameter: InputParameter) throws {
        let option = parameter.option
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError("cannot write \(option) '\(path)': it is a directory")
        }
        var target = stat()
        if stat(path, &target) == 0, (target.st_mode & S_IFMT) != S_IFREG {
            guard isStream(path) else {
                throw CLIError("cannot write \(option) '\(path)': it exists and is neither a regular file, a character device nor a pipe")
            }
            return try openStream(path, parameter: parameter).close()
        }
        if InputFiles.isInput(path) {
            throw CLIError("cannot write \(option) '\(path)': it is one of this command's inputs; choose another path")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("cannot write \(option) '\(path)': directory '\(directory)' does not exist")
        }
        var template = Array((directory + "/.llmcost-write-check-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw CLIError("cannot write \(option) '\(path)': \(String(cString: strerror(errno))) in '\(directory)'")
        }
        close(descriptor)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    /// A character device or a FIFO: written in place, never replaced.
    static func isStream(_ path: String) -> Bool {
        var target = stat()
        guard stat(path, &target) == 0 else { return false }
        let kind = target.st_mode & S_IFMT
        return kind == S_IFCHR || kind == S_IFIFO
    }

    /// Opens a stream for writing without ever blocking: a FIFO nobody reads is an error (ENXIO)
    /// instead of a hang.
    static func openStream(_ path: String, parameter: InputParameter) throws -> FileHandle {
        let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let why = errno == ENXIO ? "a FIFO with no reader (it would block)" : String(cString: strerror(errno))
            throw CLIError("cannot write \(parameter.option) '\(path)': \(why)")
        }
        let flags = fcntl(descriptor, F_GETFL)
        _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK)
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    private static func writeStream(_ text: String, to path: String, parameter: InputParameter) throws {
        let handle = try openStream(path, parameter: parameter)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        } catch {
            throw CLIError("cannot write \(parameter.option) '\(path)': \(Self.reason(error))")
        }
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, let code = POSIXErrorCode(rawValue: Int32(posix.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return ns.localizedDescription
    }
}

/// An error the user can act on, printed as one line.
public struct CLIError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ message: String) { description = message }
}

extension OutputOptions {
    /// Plots are written as SVG (no PNG writer): a path with another extension is refused rather
    /// than given SVG under a misleading name; checked writable before any work is done.
    static func checkPlotPath(_ path: String) throws {
        guard path.lowercased().hasSuffix(".svg") else {
            throw ValidationError("\(InputParameter.plotPath.option): plots are written as SVG; give a path ending in .svg, got '\(path)'")
        }
        try checkWritable(path, parameter: .plotPath)
    }
}
