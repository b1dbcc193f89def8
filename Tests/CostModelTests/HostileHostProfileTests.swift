import Foundation
import Testing
@testable import CostModel

/// Host profiles written to hurt: oversized, not regular files, keys written twice, figures that
/// contradict each other. Each is refused in one line naming the file and the field — never
/// read whole, never repaired, never cited for a number the file does not hold.
@Suite struct HostileHostProfileTests {
    static let consistent = """
    {"schema_version": 1, "peak_gflops": 268.4, "best_sgemm_gflops": 148.9, "bandwidth_gbps": 21.5,
     "kernels": [{"name": "layer", "seconds": 1.0, "flops": 130000000000, "gflops": 130.0}]}
    """

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-\(UUID())-\(name)").path
    }

    func refusal(_ json: String) -> CostError? {
        do { _ = try HostProfileFile.decode(Data(json.utf8), path: "p.json"); return nil } catch { return error }
    }

    @Test func aProfileLargerThanTheCapIsRefusedBeforeItIsRead() throws {
        // A valid profile padded past 1 MiB: refused by size, not parsed.
        let padded = Self.consistent + String(repeating: " ", count: HostProfileFile.maximumBytes)
        let error = try #require(refusal(padded))
        #expect(error.message.description.contains("at most \(HostProfileFile.maximumBytes) bytes"))

        // A 3 GB sparse file: refused from its size alone, at once and without reading it.
        let path = Self.temporaryPath("sparse.json")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        let start = Date()
        #expect(throws: CostError.self) { try HostProfileFile.read(path: path) }
        do { _ = try HostProfileFile.read(path: path) } catch {
            #expect(error.message.description.contains("\(3 << 30) bytes"))
            #expect(error.parameter == .hardware)
        }
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func aFIFOIsRefusedNotWaitedOn() throws {
        let path = Self.temporaryPath("fifo.json")
        try #require(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { _ = try HostProfileFile.read(path: path); Issue.record("expected an error") } catch {
            #expect(error.message.description.contains("not a regular file"))
        }
    }

    @Test func aKeyWrittenTwiceIsRefusedNamingIt() throws {
        let twice = Self.consistent.replacingOccurrences(of: #""peak_gflops": 268.4,"#, with: #""peak_gflops": 268.4, "peak_gflops": 2684,"#)
        let error = try #require(refusal(twice))
        #expect(error.message.description == "p.json: key 'peak_gflops' is written twice in one object; a profile holds each field once")
    }

    @Test func aMissingPeakIsDerivedAndSaidToBeNotCitedFromTheFile() throws {
        let noPeak = Self.consistent.replacingOccurrences(of: #""peak_gflops": 268.4, "#, with: "")
        let measured = try HostProfileFile.decode(Data(noPeak.utf8), path: "p.json")
        let hw = try HardwareProfile.measured(measured, path: "p.json", pricePerHour: DollarsPerHour(1))
        let source = try #require(hw.sources["peak"]).description
        #expect(source.hasPrefix("derived: p.json has no peak_gflops"))
        #expect(!source.contains("p.json: peak_gflops"))
        expectClose(hw.peak.value, 130e9)
    }

    @Test func aKernelFarAboveTheStatedPeakIsRefusedNotClamped() throws {
        // The layer kernel at 484 × the stated peak.
        let lopsided = Self.consistent.replacingOccurrences(of: #""peak_gflops": 268.4"#, with: #""peak_gflops": 0.268595"#)
            .replacingOccurrences(of: #""best_sgemm_gflops": 148.9, "#, with: "")
        let error = try #require(refusal(lopsided))
        #expect(error.message.description.hasPrefix("p.json: field 'peak_gflops' is 0.268595, below the 130.0 GFLOP/s of 'kernels[0] (layer)' (484 × the peak)"))
        // Built in code, the same measurement is refused by the cost model too.
        let built = HostMeasurement(peakGflops: 100, bestSgemmGflops: 150)
        expectCostError(.hardware) { _ = try HardwareProfile.measured(built, path: "p.json", pricePerHour: DollarsPerHour(1)) }
    }

    @Test func aTrainingRateAboveTheStatedPeakIsRefused() {
        // Backward passes "faster" than their forward: 3 × 80e9 ÷ (1 + 0.01 × 0.4 + 0.01 × 0.5) ≈ 238 GFLOP/s > 200.
        let profile = HostMeasurement(peakGflops: 200, kernels: [
            .init(name: "layer", seconds: 1, flops: 80e9, gflops: nil),
            .init(name: "attention", seconds: 0.4, flops: 30e9, gflops: nil),
            .init(name: "ffn", seconds: 0.5, flops: 50e9, gflops: nil),
        ], backwardForwardRatios: ["attention": 0.01, "ffn": 0.01])
        do { _ = try HardwareProfile.measured(profile, path: "p.json", pricePerHour: DollarsPerHour(1)); Issue.record("expected an error") } catch {
            #expect(error.message.description.contains("field 'peak_gflops' is 200.0, below the training rate"))
        }
    }

    @Test func gflopsThatDisagreeWithFlopsOverSecondsAreRefused() throws {
        let inconsistent = Self.consistent.replacingOccurrences(of: #""flops": 130000000000"#, with: #""flops": 65000000000"#)
        let error = try #require(refusal(inconsistent))
        #expect(error.message.description == "p.json: field 'kernels[0] (layer).gflops' is 130.0, but its flops ÷ seconds ÷ 1e9 is 65.0 GFLOP/s; the fields disagree")
    }

    @Test func errorsAreOneLineWithoutDecoderInternals() throws {
        let outOfRange = Self.consistent.replacingOccurrences(of: "268.4", with: "1e400")
        let error = try #require(refusal(outOfRange))
        #expect(!error.description.contains("\n"))
        for leak in ["DecodingError", "codingPath", "dataCorrupted", "Swift."] { #expect(!error.description.contains(leak)) }
    }
}
