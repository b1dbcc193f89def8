import CostModel

extension BenchReport {
    /// The report's keys that are not measured figures: how and where it was measured. The
    /// measured figures' keys are declared once, by CostModel's `HostMeasurement`.
    enum ProvenanceKeys: String, CodingKey {
        case host, quick, shape, measuredPeak = "measured_peak", nominalPeakGFLOPS = "nominal_peak_gflops"
        case nominalPeak = "nominal_peak", bestSGEMMShape = "best_sgemm_shape"
        case bandwidthBytesPerArray = "bandwidth_bytes_per_array", notes, threading
    }

    /// One JSON object: the measurement's keys (`HostMeasurement`'s schema) and the provenance
    /// keys. An unknown nominal peak is written as `"nominal_peak_gflops": null` rather than a
    /// missing key (scripts index the key unconditionally).
    public func encode(to encoder: any Encoder) throws {
        try measurement.encode(to: encoder)
        var c = encoder.container(keyedBy: ProvenanceKeys.self)
        try c.encode(host, forKey: .host)
        try c.encode(quick, forKey: .quick)
        try c.encode(shape, forKey: .shape)
        try c.encode(measuredPeak, forKey: .measuredPeak)
        try c.encode(nominalPeakGFLOPS, forKey: .nominalPeakGFLOPS)
        try c.encode(nominalPeak, forKey: .nominalPeak)
        try c.encode(bestSGEMMShape, forKey: .bestSGEMMShape)
        try c.encode(bandwidthBytesPerArray, forKey: .bandwidthBytesPerArray)
        try c.encode(notes, forKey: .notes)
        try c.encodeIfPresent(threading, forKey: .threading)
    }

    /// Reads a complete report: the measured figures through `HostMeasurement` (every one
    /// required here: bench writes them all), then the provenance keys.
    public init(from decoder: any Decoder) throws {
        let m = try HostMeasurement(from: decoder)
        func required<T>(_ value: T?, _ key: String) throws -> T {
            guard let value else {
                throw DecodingError.keyNotFound(ProvenanceKeys(stringValue: key) ?? ProvenanceKeys.host,
                                                .init(codingPath: decoder.codingPath, debugDescription: "\(key) is missing"))
            }
            return value
        }
        let c = try decoder.container(keyedBy: ProvenanceKeys.self)
        self.init(
            schemaVersion: m.schemaVersion, llmcostVersion: try required(m.llmcostVersion, "llmcost_version"),
            date: try required(m.date, "date"), host: try c.decode(HostDescription.self, forKey: .host),
            threads: try required(m.threads, "threads"), quick: try c.decode(Bool.self, forKey: .quick),
            shape: try c.decode(LayerShape.self, forKey: .shape),
            peakGFLOPS: try required(m.peakGflops, "peak_gflops"), peakSource: try required(m.peakSource, "peak_source"),
            measuredPeak: try c.decode(MeasuredPeak.self, forKey: .measuredPeak),
            nominalPeakGFLOPS: try c.decodeIfPresent(Double.self, forKey: .nominalPeakGFLOPS),
            nominalPeak: try c.decode(NominalPeak.self, forKey: .nominalPeak),
            bestSGEMMGFLOPS: try required(m.bestSgemmGflops, "best_sgemm_gflops"),
            bestSGEMMShape: try c.decode(String.self, forKey: .bestSGEMMShape),
            bandwidthGBPS: try required(m.bandwidthGbps, "bandwidth_gbps"),
            bandwidthBytesPerArray: try c.decode(Int.self, forKey: .bandwidthBytesPerArray),
            kernels: try required(m.kernels, "kernels").map { try KernelMeasurement(record: $0) },
            backwardForwardRatios: try required(m.backwardForwardRatios, "backward_forward_ratios"),
            notes: try c.decode([String].self, forKey: .notes),
            threading: try c.decodeIfPresent(BenchThreading.self, forKey: .threading))
    }
}
