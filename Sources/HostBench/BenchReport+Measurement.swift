import CostModel

extension BenchReport {
    /// What the cost model prices from: the measured figures as CostModel's typed value, handed
    /// over in process with no JSON in between (and written to a profile through the same type).
    public var measurement: HostMeasurement {
        HostMeasurement(
            schemaVersion: schemaVersion, llmcostVersion: llmcostVersion, date: date, threads: threads,
            peakGflops: peakGFLOPS, peakSource: peakSource, bestSgemmGflops: bestSGEMMGFLOPS, bandwidthGbps: bandwidthGBPS,
            kernels: kernels.map(\.record), backwardForwardRatios: backwardForwardRatios)
    }
}
