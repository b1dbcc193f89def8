import Foundation
import Testing

/// The built `llmcost` executable, run as a user runs it: what reaches stdout and stderr, and
/// the exit status — the parts in-process tests cannot see (help routing, the dynamic loader).
@Suite struct ExecutableTests {
    /// `llmcost` beside this test bundle in the build directory (SwiftPM builds it with the tests).
    static let executable: URL? = {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [directory, directory.deletingLastPathComponent()].map { $0.appendingPathComponent("llmcost") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    func run(_ arguments: [String], environment extra: [String: String] = [:], removing: [String] = []) throws -> Run {
        guard let executable = Self.executable else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "llmcost beside \(CommandLine.arguments[0])"])
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !removing.contains($0.key) }.merging(extra) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test(arguments: [["--help"], ["cost", "--help"], ["help", "cost", "infer"], ["bench", "--help"]])
    func helpGoesToStandardOutputWithStatusZero(_ arguments: [String]) throws {
        let r = try run(arguments)
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: llmcost"))
        #expect(r.stdout.contains("\n"), "help keeps its lines")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    static let missingOpenBLAS = [OpenBLASOverride.variable: "/nonexistent/libopenblas.so.0"]

    @Test func measuringWithoutOpenBLASIsOneErrorNamingTheLibrary() throws {
        let r = try run(["bench", "--quick"], environment: Self.missingOpenBLAS)
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("llmcost: error: OpenBLAS is not available"))
        #expect(r.stderr.contains("/nonexistent/libopenblas.so.0"))
        #expect(r.stderr.contains("apt-get install libopenblas0"))
        #expect(r.stdout.isEmpty)
    }

    /// The threading `bench --dry-run` reports is what the loaded library says it read, so it
    /// proves the variable was set before OpenBLAS loaded (OpenBLAS reads it only then).
    func dryRunThreading(environment: [String: String] = [:]) throws -> [String: Any] {
        let r = try run(["bench", "--dry-run", "--format", "json"], environment: environment, removing: ["OPENBLAS_THREAD_TIMEOUT"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return try #require(json?["threading"] as? [String: Any])
    }

    @Test func openBLASIdleThreadsAreToldToSleepBeforeTheLibraryLoads() throws {
        let threading = try dryRunThreading()
        #expect(threading["openblas_thread_timeout"] as? Int == 4)
        #expect(threading["timeout_origin"] as? String == "llmcost")
        #expect((threading["summary"] as? String)?.contains("2^4 idle cycles") == true)
    }

    @Test func aUsersOwnOpenBLASThreadTimeoutIsKept() throws {
        let threading = try dryRunThreading(environment: ["OPENBLAS_THREAD_TIMEOUT": "9"])
        #expect(threading["openblas_thread_timeout"] as? Int == 9)
        #expect(threading["timeout_origin"] as? String == "environment")
    }

    @Test func measuredValidationWithoutOpenBLASFailsBeforeTiming() throws {
        let r = try run(["validate", "--measure", "gpt2", "--seq", "64"], environment: Self.missingOpenBLAS)
        #expect(r.status == 1)
        #expect(r.stderr.contains("OpenBLAS is not available"), "\(r.stderr)")
    }

    @Test(arguments: ["/proc/llmcost-profile.json", "/nonexistent-dir/profile.json", "/tmp"])
    func anUnwritableSaveFailsBeforeMeasuring(_ path: String) throws {
        let r = try run(["bench", "--quick", "--save", path])
        #expect(r.status == 1)
        // One line and no progress: nothing was measured before the refusal.
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("cannot write --save '\(path)'"))
    }

    @Test func countingNeedsNoOpenBLAS() throws {
        let r = try run(["params", "gpt2", "--format", "json"], environment: Self.missingOpenBLAS)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("124439808"))
    }
}

/// The variable `OpenBLASLibrary` reads (spelled here so the tests need not import HostBench).
enum OpenBLASOverride { static let variable = "LLMCOST_OPENBLAS_LIBRARY" }
