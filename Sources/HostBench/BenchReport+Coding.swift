extension BenchReport {
    /// Written out so an unknown nominal peak appears as `"nominal_peak_gflops": null` rather
    /// than a missing key (scripts index the key unconditionally).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(llmcostVersion, forKey: .llmcostVersion)
        try c.encode(date, forKey: .date)
        try c.encode(host, forKey: .host)
        try c.encode(threads, forKey: .threads)
        try c.encode(quick, forKey: .quick)
        try c.encode(shape, forKey: .shape)
        try c.encode(peakGFLOPS, forKey: .peakGFLOPS)
        try c.encode(peakSource, forKey: .peakSource)
        try c.encode(measuredPeak, forKey: .measuredPeak)
        try c.encode(nominalPeakGFLOPS, forKey: .nominalPeakGFLOPS)
        try c.encode(nominalPeak, forKey: .nominalPeak)
        try c.encode(bestSGEMMGFLOPS, forKey: .bestSGEMMGFLOPS)
        try c.encode(bestSGEMMShape, forKey: .bestSGEMMShape)
        try c.encode(bandwidthGBPS, forKey: .bandwidthGBPS)
        try c.encode(bandwidthBytesPerArray, forKey: .bandwidthBytesPerArray)
        try c.encode(kernels, forKey: .kernels)
        try c.encode(backwardForwardRatios, forKey: .backwardForwardRatios)
        try c.encode(notes, forKey: .notes)
    }
}
