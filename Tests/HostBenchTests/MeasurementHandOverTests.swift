import CostModel
import Foundation
import Testing
@testable import HostBench

/// HostBench hands the cost model a typed `HostMeasurement`; JSON appears only in the file, and
/// the file reads back to the same measurement through the cost model's reader.
@Suite struct MeasurementHandOverTests {
    @Test func theCostModelPricesTheReportsMeasurementDirectly() throws {
        // The sample without its deliberately impossible attention kernel (300 TFLOP/s on two cores).
        let sample = ReportTests.sampleReport()
        let report = BenchRunner.assemble(
            configuration: BenchConfiguration(quick: true), host: sample.host, measured: sample.measuredPeak,
            nominal: sample.nominalPeak, bandwidth: 20, kernels: sample.kernels.filter { $0.name != "attention" }, ratios: [:])
        let measurement = report.measurement
        #expect(measurement.peakGflops == report.peakGFLOPS)
        #expect(measurement.kernels?.map(\.name) == report.kernels.map(\.name))
        let hw = try HardwareProfile.measured(measurement, path: "host (quick bench)", pricePerHour: DollarsPerHour(1))
        #expect(hw.peak.value == report.peakGFLOPS * 1e9)
        #expect(hw.bandwidth?.value == 20e9)
    }

    @Test func aSavedProfileReadsBackToTheSameMeasurement() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("handover-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = ReportTests.sampleReport()
        try report.save(to: path)
        #expect(try HostProfileFile.read(path: path) == report.measurement)
        #expect(try BenchReport.load(from: path) == report)
    }
}
