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

    func run(_ arguments: [String], environment extra: [String: String] = [:], removing: [String] = [],
             executable chosen: URL? = nil, in directory: URL? = nil) throws -> Run {
        guard let executable = chosen ?? Self.executable else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "llmcost beside \(CommandLine.arguments[0])"])
        }
        let out = Pipe(), err = Pipe()
        let process = try Self.launch {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = directory }
            process.environment = ProcessInfo.processInfo.environment.filter { !removing.contains($0.key) }.merging(extra) { $1 }
            process.standardOutput = out
            process.standardError = err
            return process
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts the process `make` builds, retrying while its executable is "busy": a binary this test process has just
    /// copied stays open for writing in any child another test forks before the copy is closed, and
    /// the kernel refuses to run it (ETXTBSY) until that child has exec'd.
    static func launch(_ make: () -> Process) throws -> Process {
        for attempt in 1... {
            let process = make()
            do {
                try process.run()
                return process
            } catch let error as NSError where attempt < 100 && error.isTextFileBusy {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        fatalError("unreachable: the last attempt rethrows")
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

    @Test func aFrameworkBLASThatCannotBeOpenedFailsBeforeTiming() throws {
        let r = try run(["validate", "--measure", "gpt2", "--seq", "64"], environment: ["LLMCOST_FRAMEWORK_BLAS": "/nonexistent/libmkl_rt.so.2"])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("LLMCOST_FRAMEWORK_BLAS") && r.stderr.contains("/nonexistent/libmkl_rt.so.2"))
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

/// The binary as a user installs it: copied alone (`cp llmcost /usr/local/bin`), run from elsewhere.
extension ExecutableTests {
    /// A copy of the built binary alone in a fresh temporary directory, and a second empty one to run it from.
    static func installedCopy() throws -> (binary: URL, elsewhere: URL) {
        let source = try #require(executable)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-install-\(UUID())")
        let bin = root.appendingPathComponent("bin"), elsewhere = root.appendingPathComponent("work")
        for folder in [bin, elsewhere] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let binary = bin.appendingPathComponent("llmcost")
        try writeExecutable(Data(contentsOf: source), to: binary)
        return (binary, elsewhere)
    }

    /// Writes through a descriptor opened close-on-exec, so that a child another test starts meanwhile
    /// does not keep the new binary open for writing (which makes running it fail with ETXTBSY).
    static func writeExecutable(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: data)
        try handle.close()
    }

    @Test func aCopiedBinaryCarriesItsCatalog() throws {
        let (binary, elsewhere) = try Self.installedCopy()
        defer { try? FileManager.default.removeItem(at: binary.deletingLastPathComponent().deletingLastPathComponent()) }
        // A ModelSpecs/ in the current directory is not consulted: the catalog is the binary's own.
        let decoy = elsewhere.appendingPathComponent("ModelSpecs")
        try FileManager.default.createDirectory(at: decoy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.sourceCatalog.appendingPathComponent("gpt2.yaml"), to: decoy.appendingPathComponent("decoy.yaml"))
        let models = try run(["models", "--format", "json"], removing: ["LLMCOST_SPECS"], executable: binary, in: elsewhere)
        #expect(models.status == 0, "\(models.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(models.stdout.utf8)) as? [String: Any]
        let names = (json?["models"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.sourceCatalog.path).filter { $0.hasSuffix(".yaml") }
        #expect(names.count == onDisk.count && names.contains("llama-2-7b") && !names.contains("decoy"))
        let params = try run(["params", "gpt2", "--format", "json"], removing: ["LLMCOST_SPECS"], executable: binary, in: elsewhere)
        #expect(params.status == 0, "\(params.stderr)")
        #expect(params.stdout.contains("124439808"))
        let typo = try run(["params", "lama-2-7b"], removing: ["LLMCOST_SPECS"], executable: binary, in: elsewhere)
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean 'llama-2-7b'"), "\(typo.stderr)")
    }

    @Test func theEnvironmentReplacesTheBuiltInCatalog() throws {
        let (binary, elsewhere) = try Self.installedCopy()
        defer { try? FileManager.default.removeItem(at: binary.deletingLastPathComponent().deletingLastPathComponent()) }
        let mine = elsewhere.appendingPathComponent("specs")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.sourceCatalog.appendingPathComponent("gpt2.yaml"), to: mine.appendingPathComponent("mine.yaml"))
        let models = try run(["models", "--format", "csv"], environment: ["LLMCOST_SPECS": mine.path], executable: binary, in: elsewhere)
        #expect(models.status == 0, "\(models.stderr)")
        #expect(models.stdout.split(separator: "\n").count == 2 && models.stdout.contains("mine"), "\(models.stdout)")
        let missing = try run(["models"], environment: ["LLMCOST_SPECS": mine.appendingPathComponent("none").path], executable: binary, in: elsewhere)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot list the catalog directory (LLMCOST_SPECS)"), "\(missing.stderr)")
    }

    /// The source tree's `ModelSpecs/`, to compare the copy's built-in catalog with.
    static var sourceCatalog: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("ModelSpecs")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsAreGeneratedForEachShell(_ shell: String) throws {
        let r = try run(["--generate-completion-script", shell])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        // Each script completes the subcommands and a subcommand's options.
        for word in ["params", "flops", "hardware", "--seq"] {
            #expect(r.stdout.contains(word), "\(shell) completion lacks \(word)")
        }
    }
}

extension NSError {
    /// ETXTBSY, as Foundation reports it: a Cocoa error over the POSIX one.
    var isTextFileBusy: Bool {
        let underlying = userInfo[NSUnderlyingErrorKey] as? NSError
        return [self, underlying].contains { $0?.domain == NSPOSIXErrorDomain && $0?.code == Int(ETXTBSY) }
    }
}

/// The variable `OpenBLASLibrary` reads (spelled here so the tests need not import HostBench).
enum OpenBLASOverride { static let variable = "LLMCOST_OPENBLAS_LIBRARY" }
