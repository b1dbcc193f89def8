import CostModel
import Foundation
import Testing
@testable import Commands

/// `llmcost hardware`: the catalog, one device, a measured profile; every refusal one line
/// naming the option.
@Suite struct HardwareCommandTests {
    /// The command's output in `format`, run in-process.
    func output(_ arguments: [String], format: String = "json") throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-hardware-\(UUID()).\(format)")
        defer { try? FileManager.default.removeItem(at: file) }
        var command = try LLMCost.parseAsRoot(["hardware"] + arguments + ["--format", format, "--output", file.path])
        try command.run()
        return try String(contentsOf: file, encoding: .utf8)
    }

    func json(_ arguments: [String]) throws -> [[String: Any]] {
        let text = try output(arguments)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(object["devices"] as? [[String: Any]])
    }

    func failure(_ arguments: [String]) -> String? {
        do {
            var command = try LLMCost.parseAsRoot(["hardware"] + arguments)
            try command.run()
            return nil
        } catch {
            return ErrorLine.text(error)
        }
    }

    /// A profile file with `text`, removed after `body`.
    func withProfile(_ text: String, _ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("llmcost-profile-\(UUID()).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test func theCatalogIsOneEntryPerDeviceInTheDocumentedShape() throws {
        let devices = try json([])
        #expect(devices.compactMap { $0["name"] as? String } == HardwareCatalog.all.map(\.name))
        let keys: Set = ["name", "display_name", "aliases", "kind", "peak_tflops", "memory_gb", "bandwidth_gb_per_s",
                         "tdp_watts", "price_per_hour", "links", "source", "price_source",
                         "achievable_matmul_fraction", "achievable_matmul_source", "achievable_fp8_matmul_fraction", "achievable_fp8_matmul_source",
                         "achievable_bandwidth_fraction", "achievable_bandwidth_source"]
        for device in devices { #expect(Set(device.keys) == keys, "\(device["name"] ?? "?")") }
        // Memory-bound work is priced at the measured share of the datasheet bandwidth: FlashMLA's on
        // Hopper, a read kernel's on A100 80GB, their median where nobody measured.
        func bandwidthFraction(_ name: String, is expected: Double) -> Bool {
            guard let f = devices.first(where: { $0["name"] as? String == name })?["achievable_bandwidth_fraction"] as? Double else { return false }
            return abs(f - expected) < 1e-12
        }
        #expect(bandwidthFraction("h100-sxm", is: 3000.0 / 3350) && bandwidthFraction("h800", is: 3000.0 / 3350))
        #expect(bandwidthFraction("a100-80gb-sxm", is: 1800.0 / 2039))
        #expect(bandwidthFraction("h200", is: (3000.0 / 3350 + 1800.0 / 2039) / 2))
        let h200 = try #require(devices.first { $0["name"] as? String == "h200" })
        let bf16 = try #require((h200["peak_tflops"] as? [String: Any])?["bf16"] as? [String: Any])
        #expect(bf16["dense"] as? Double == 989.4 && bf16["sparse"] as? Double == 1978.8)
        let source = try #require(h200["source"] as? [String: Any])
        #expect(source["url"] as? String == "https://www.nvidia.com/en-us/data-center/h200/" && source["date_read"] as? String == "2026-11-22")
        // What a TPU's page does not publish is null, not zero.
        let tpu = try #require(devices.first { $0["name"] as? String == "tpu-v5p" })
        #expect(tpu["tdp_watts"] is NSNull && tpu["price_per_hour"] is NSNull && tpu["links"] is NSNull)
        #expect(((tpu["peak_tflops"] as? [String: Any])?["bf16"] as? [String: Any])?["sparse"] is NSNull)
    }

    @Test func oneDeviceByNameOrAliasInFull() throws {
        let byAlias = try json(["trillium"])
        #expect(byAlias.count == 1 && byAlias[0]["name"] as? String == "tpu-v6e")
        #expect(try json(["--hardware", "MI325X"]).first?["name"] as? String == "mi325x")
        let table = try output(["gb200"], format: "table")
        #expect(table.contains("fp4") && table.contains("10000.0") && table.contains("20000.0"))
        #expect(table.contains("nvlink5 inside a node of 72"))
        #expect(table.contains("none of record; pass --price-per-hour"))
    }

    @Test func everyPrecisionDenseAndSparseInTheCSV() throws {
        let csv = try output([], format: "csv").split(separator: "\n")
        #expect(csv.count == HardwareCatalog.all.count + 1)
        #expect(csv[0].contains("fp4_dense_tflops,fp4_sparse_tflops") && csv[0].hasSuffix("source_url,date_read"))
        let columns = csv[0].split(separator: ",", omittingEmptySubsequences: false).count
        #expect(csv.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == columns })
    }

    @Test func anUnknownDeviceSuggestsTheNearestNames() {
        let line = failure(["h100-sxn"])
        #expect(line?.hasPrefix("--hardware: unknown hardware 'h100-sxn'; did you mean 'h100-sxm'") == true, "\(line ?? "accepted")")
        #expect(failure(["mi325"])?.contains("did you mean 'mi325x'") == true)
        #expect(failure(["h200", "--hardware", "h100"])?.contains("not both") == true)
        #expect(failure(["host"])?.hasPrefix("--hardware: 'host' measures this machine") == true)
    }

    @Test func aSavedProfileIsShownInTheSameShape() throws {
        try withProfile(#"{"schema_version": 1, "date": "2026-12-01T10:00:00Z", "peak_gflops": 120.5, "bandwidth_gbps": 20.1}"#) { path in
            let devices = try json([path])
            let host = try #require(devices.first)
            #expect(host["kind"] as? String == "measured" && host["memory_gb"] is NSNull)
            #expect(((host["peak_tflops"] as? [String: Any])?["fp32"] as? [String: Any])?["dense"] as? Double == 0.1205)
            #expect(host["bandwidth_gb_per_s"] as? Double == 20.1)
            #expect((host["source"] as? [String: Any])?["date_read"] as? String == "2026-12-01T10:00:00Z")
            #expect(try output(["--hardware", path, "--wide"], format: "table").contains("measured 2026-12-01T10:00:00Z"))
        }
    }

    /// Hostile profiles: one line naming the option, the file and (where there is one) the field.
    @Test(arguments: [
        (#"{"schema_version": 1, "peak_gflops": -1}"#, "peak_gflops"),
        (#"{"schema_version": 1, "peak_gflops": 1e400}"#, ""),
        (#"{"schema_version": 1, "bandwidth_gbps": "fast"}"#, "bandwidth_gbps"),
        (#"{"schema_version": 1, "peak_gflops": 10, "peak_gflops": 20}"#, "written twice"),
        (#"{"schema_version": 1, "peak_gf"#, ""),
        ("GGUF\u{3}\u{0}\u{0}\u{0}", ""),
        (String(repeating: "[", count: 100_000), ""),
    ])
    func aHostileProfileIsOneLineNamingTheFile(_ text: String, _ field: String) throws {
        try withProfile(text) { path in
            let line = try #require(failure([path]))
            #expect(line.hasPrefix("--hardware: ") && line.contains(path), "\(line)")
            #expect(field.isEmpty || line.contains(field), "\(line)")
            #expect(!line.contains("\n"))
        }
    }

    @Test func aDirectoryOrAMissingFileIsRefused() {
        #expect(failure([FileManager.default.temporaryDirectory.path])?.contains("not a regular file") == true)
        #expect(failure(["/nonexistent/profile.json"])?.contains("cannot read profile") == true)
    }
}
