import Workload
import Foundation
import Testing
@testable import CostModel

/// A host profile's figures are checked, not repaired: a corrupt one is one error naming the
/// parameter that gave the file, the file and the field.
@Suite struct CorruptHostProfileTests {
    static func profile(_ fields: String) -> String {
        """
        {"schema_version": 1, "threads": 2, "peak_gflops": 268.4, "best_sgemm_gflops": 148.9, "bandwidth_gbps": 21.5,
         "kernels": [{"name": "layer", "seconds": 1.0, "flops": 130000000000, "gflops": 130.0}]\(fields)}
        """
    }

    func expectFieldError(_ json: String, _ field: String, parameter: InputParameter = .hardware,
                          sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try HostProfileFile.decode(Data(json.utf8), path: "p.json", parameter: parameter)
            Issue.record("expected an error naming \(field)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.parameter == parameter, sourceLocation: sourceLocation)
            #expect(error.message.description.contains("p.json"), sourceLocation: sourceLocation)
            #expect(error.message.description.contains("'\(field)"), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func negativeZeroOrHugePeakIsAnErrorNotAReplacement() {
        for bad in ["-5", "0", "1e308"] {
            expectFieldError(Self.profile("").replacingOccurrences(of: "\"peak_gflops\": 268.4", with: "\"peak_gflops\": \(bad)"), "peak_gflops")
        }
    }

    @Test func corruptKernelsThreadsAndRatiosNameTheField() {
        expectFieldError(Self.profile("").replacingOccurrences(of: "\"gflops\": 130.0", with: "\"gflops\": -1"), "kernels[0] (layer).gflops")
        expectFieldError(Self.profile("").replacingOccurrences(of: "\"seconds\": 1.0", with: "\"seconds\": 0"), "kernels[0] (layer).seconds")
        expectFieldError(Self.profile("").replacingOccurrences(of: "\"threads\": 2", with: "\"threads\": 0"), "threads")
        expectFieldError(Self.profile("").replacingOccurrences(of: "148.9", with: "-3"), "best_sgemm_gflops")
        expectFieldError(Self.profile(#", "backward_forward_ratios": {"ffn": -2}"#), "backward_forward_ratios.ffn")
    }

    @Test func theParameterThatGaveThePathIsNamed() {
        expectFieldError(Self.profile("").replacingOccurrences(of: "\"threads\": 2", with: "\"threads\": 0"), "threads", parameter: .hostProfile)
        do {
            _ = try HostProfileFile.read(path: "/nonexistent/nope.json", parameter: .hostProfile)
            Issue.record("expected an error")
        } catch { #expect(error.parameter == .hostProfile) }
    }

    @Test func profilesBuiltInCodeAreCheckedToo() {
        let corrupt = HostMeasurement(peakGflops: -5, bestSgemmGflops: 150)
        expectCostError(.hardware) { _ = try HardwareProfile.measured(corrupt, path: "p.json", pricePerHour: DollarsPerHour(1)) }
        // A kernel at under 0.1 % of the stated peak: one of the two figures is wrong.
        let lopsided = HostMeasurement(peakGflops: 1e6, bestSgemmGflops: 1)
        expectCostError(.hardware) { _ = try HardwareProfile.measured(lopsided, path: "p.json", pricePerHour: DollarsPerHour(1)) }
    }

    @Test func aStringSchemaVersionIsShownInQuotes() {
        do {
            _ = try HostProfileFile.decode(Data(#"{"schema_version": "1"}"#.utf8), path: "p.json")
            Issue.record("expected an error")
        } catch { #expect(error.message.description.contains("the string \"1\"")) }
    }
}
