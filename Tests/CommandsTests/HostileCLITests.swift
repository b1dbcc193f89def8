import Foundation
import Testing
@testable import Commands

/// The command line as an attacker drives it: options a phase would ignore, checks an option
/// could skip, outputs aimed at inputs or FIFOs, errors that do not name their option. Each is
/// refused with one line naming the option, and nothing is written on failure.
@Suite struct HostileCLITests {
    /// Where a successful run's output goes.
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-hostile-\(UUID()).out").path

    /// Runs a command in-process; nil on success, else the line `llmcost` prints.
    func failure(_ arguments: [String]) -> String? {
        do {
            var command = try LLMCost.parseAsRoot(arguments)
            if let plan = command as? Plan { _ = try plan.rendered(); return nil }
            try command.run()
            return nil
        } catch {
            return ErrorLine.text(error)
        }
    }

    func expectRefusal(_ arguments: [String], names option: String, mentions words: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        guard let line = failure(arguments) else {
            Issue.record("\(arguments) was accepted", sourceLocation: sourceLocation)
            return
        }
        #expect(line.hasPrefix(option + ":"), "\(line)", sourceLocation: sourceLocation)
        #expect(line.contains(words), "\(line)", sourceLocation: sourceLocation)
        #expect(!line.contains("\n"), sourceLocation: sourceLocation)
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-hostile-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func optionsAPhaseWouldIgnoreAreRefusedNamingWhereTheyApply() {
        let quiet = ["--output", Self.scratch]
        expectRefusal(["flops", "gpt2", "--beams", "4"] + quiet, names: "--beams", mentions: "--phase generate")
        expectRefusal(["flops", "gpt2", "--new-tokens", "8"] + quiet, names: "--new-tokens", mentions: "--phase generate")
        expectRefusal(["flops", "gpt2", "--context", "100"] + quiet, names: "--context", mentions: "--phase decode")
        expectRefusal(["flops", "gpt2", "--recompute", "full"] + quiet, names: "--recompute", mentions: "--phase train")
        expectRefusal(["flops", "gpt2", "--phase", "decode", "--recompute", "full"] + quiet, names: "--recompute", mentions: "not to decode")
        expectRefusal(["flops", "gpt2", "--decoder-seq", "64"] + quiet, names: "--decoder-seq", mentions: "encoder–decoder models only")
        expectRefusal(["flops", "gpt2", "--phase", "decode", "--encoder-seq", "64"] + quiet, names: "--encoder-seq", mentions: "decoder-only")
    }

    @Test func planRefusesTheOptionsOfTheOtherMode() {
        expectRefusal(["plan", "llama-2-7b", "--batch", "4"], names: "--batch", mentions: "--serve only")
        expectRefusal(["plan", "llama-2-7b", "--context", "4096"], names: "--context", mentions: "--serve only")
        expectRefusal(["plan", "llama-2-7b", "--serve", "--seq", "4096"], names: "--seq", mentions: "does not apply to --serve")
        expectRefusal(["plan", "llama-2-7b", "--serve", "--global-batch", "64"], names: "--global-batch", mentions: "does not apply to --serve")
        expectRefusal(["plan", "llama-2-7b", "--sp"], names: "--sp", mentions: "--tp/--pp/--dp")
    }

    @Test func validateAndBenchRefuseOptionsTheyWouldIgnore() {
        #expect(failure(["validate", "gpt2", "--threads", "2"])?.contains("--threads applies to --measure only") == true)
        #expect(failure(["validate", "--published", "--allow-beyond-context"])?.contains("--allow-beyond-context") == true)
        #expect(failure(["bench", "gpt2", "--gated"])?.contains("MODEL gives the layer shape; do not combine it with --d-model/--heads/--kv-heads/--ffn/--gated") == true)
    }

    @Test func theDecoderSequenceIsCheckedAgainstTheContextWindow() {
        expectRefusal(["flops", "t5-small", "--decoder-seq", "100000", "--output", Self.scratch],
                      names: "--decoder-seq", mentions: "context window of 512; pass --allow-beyond-context")
        #expect(failure(["flops", "t5-small", "--decoder-seq", "100000", "--allow-beyond-context", "--output", Self.scratch]) == nil)
    }

    @Test func costInferRefusesAnEncoderOnlyModelInsteadOfPricingADecode() {
        expectRefusal(["cost", "infer", "bert-base", "--output", Self.scratch], names: "--new-tokens", mentions: "generates no tokens")
        // Training an encoder-only model is priced as before.
        #expect(failure(["cost", "train", "bert-base", "--tokens", "1e9", "--seq", "512", "--output", Self.scratch]) == nil)
    }

    @Test func aFailingCommandWritesNoPlotAndLeavesAnOldOneAlone() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fresh = dir.appendingPathComponent("fresh.svg").path
        #expect(failure(["validate", "gpt2", "no-such-model", "--plot", fresh]) != nil)
        #expect(!FileManager.default.fileExists(atPath: fresh))
        let old = dir.appendingPathComponent("old.svg")
        try Data("old".utf8).write(to: old)
        #expect(failure(["validate", "gpt2", "no-such-model", "--plot", old.path]) != nil)
        #expect(try String(contentsOf: old, encoding: .utf8) == "old")
    }

    @Test func anOutputThatIsTheInputConfigIsRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("model.yaml")
        let original = try String(contentsOfFile: "ModelSpecs/gpt2.yaml", encoding: .utf8)
        try original.write(to: spec, atomically: true, encoding: .utf8)
        // The same file under another spelling is still the input.
        let aliased = dir.appendingPathComponent("./model.yaml").path
        let line = failure(["params", spec.path, "--output", aliased])
        #expect(line?.contains("is one of this command's inputs") == true, "\(line ?? "accepted")")
        #expect(try String(contentsOf: spec, encoding: .utf8) == original)
    }

    @Test func aFIFOWithoutAReaderIsRefusedInsteadOfBlocking() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening a FIFO for writing with no reader would block: it is refused at once.
        let line = failure(["params", "gpt2", "--output", fifo])
        #expect(line?.contains("--output") == true && line?.contains("no reader") == true, "\(line ?? "accepted")")
    }

    @Test func aFIFOWithAReaderReceivesTheOutput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        #expect(failure(["params", "gpt2", "--format", "json", "--output", fifo]) == nil)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = read(reader, &buffer, buffer.count)
        #expect(count > 0 && String(decoding: buffer.prefix(max(0, count)), as: UTF8.self).contains("124439808"))
    }

    @Test func outputsAreWrittenAtomicallyOverAnOldFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.json")
        try Data("old".utf8).write(to: out)
        #expect(failure(["params", "gpt2", "--format", "json", "--output", out.path]) == nil)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("\"total_parameters\": 124439808"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".llmcost") }
        #expect(leftovers.isEmpty)
    }

    @Test func aCharacterDeviceIsWrittenInPlaceAndASocketIsRefused() throws {
        #expect(failure(["params", "gpt2", "--output", "/dev/null"]) == nil)
        #expect(FileManager.default.fileExists(atPath: "/dev/null"))
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let socketPath = dir.appendingPathComponent("s").path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in socketPath.utf8.prefix(raw.count - 1).enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        #expect(failure(["params", "gpt2", "--output", socketPath])?.contains("neither a regular file") == true)
    }

    @Test func benchErrorsNameTheirOption() {
        #expect(failure(["bench", "--threads", "0"])?.hasPrefix("--threads:") == true)
        #expect(failure(["bench", "--d-model", "128", "--heads", "3"])?.hasPrefix("--heads:") == true)
        #expect(failure(["bench", "--seq", "0"])?.hasPrefix("--seq:") == true)
        #expect(failure(["bench", "--quick", "--plot", "/tmp/roofline.png"])?.hasPrefix("--plot:") == true)
        #expect(failure(["validate", "gpt2", "--plot", "/tmp/ratios.png"])?.hasPrefix("--plot:") == true)
        #expect(failure(["plan", "gpt2", "--interconnect", "nvlink5x"])?.contains("did you mean 'nvlink5'") == true)
        #expect(failure(["bench", "--dry-run", "--save", "/tmp/p.json"])?.hasPrefix("--dry-run") == true)
    }
}
