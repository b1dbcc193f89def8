/// STREAM-style triad, `a[i] = b[i] + s·c[i]`, over three arrays much larger than the last-level
/// cache, split among threads; counts 3 × array bytes per pass (two reads, one write; the
/// write-allocate read is not counted, as in STREAM) and reports the best pass.
enum BandwidthProbe {
    static func triad(bytesPerArray: Int, threads: Int, repeats: Int) throws -> Double {
        let count = bytesPerArray / MemoryLayout<Float>.size
        guard count > 0 else { throw HostBenchError.invalidConfiguration(field: "bandwidth bytes", reason: "must be positive") }
        if let available = HostMemory.availableBytes(), 3 * bytesPerArray > available / 2 {
            throw HostBenchError.insufficientMemory(
                neededBytes: 3 * bytesPerArray, availableBytes: available / 2,
                what: "the bandwidth probe (3 arrays, at most half of MemAvailable)")
        }
        let a = Matrix(rows: 1, columns: count), b = Matrix(rows: 1, columns: count), c = Matrix(rows: 1, columns: count)
                for i in Swift.stride(from: 0, to: count, by: 1024) { b.storage[i] = 1; c.storage[i] = 2 }
        let scalar: Float = 3
        let timing = try Timing.measure(warmup: 1, repeats: repeats) {
            _ = try Workers.run(threads) { w in
                let pa = a.storage, pb = b.storage, pc = c.storage
                for i in Workers.share(w, of: threads, total: count, align: 1024) { pa[i] = pb[i] + scalar * pc[i] }
                return 0
            }
        }
        return 3 * Double(bytesPerArray) / timing.best / 1e9
    }
}
