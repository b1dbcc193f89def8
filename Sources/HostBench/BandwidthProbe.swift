import Foundation

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

extension BandwidthProbe {
    /// `y[i] = c·x[i]` over `footprintBytes` (x and y together), split among `threads` workers:
    /// the rate an element-wise pass of that size runs at — from L2, L3 or DRAM, whichever holds
    /// it — counted as the bytes read and written.
    static func scalePass(footprintBytes: Int, threads: Int, budget: Timing.Budget, pages: PagePolicy = .hostBench) throws -> Double {
        let count = max(1024, footprintBytes / (2 * MemoryLayout<Float>.size))
        let x = Matrix(rows: 1, columns: count, randomScale: 1, seed: 5, pages: pages), y = Matrix(rows: 1, columns: count, pages: pages)
        let scalar: Float = 1.0001
        let workers = count >= 32768 ? threads : 1  // small passes stay on one thread, as ATen's grain size does
        let sample = try Timing.sample(budget) {
            _ = try Workers.run(workers) { w in
                let px = x.storage, py = y.storage
                for i in Workers.share(w, of: workers, total: count, align: 1024) { py[i] = scalar * px[i] }
                return 0
            }
        }
        return 8 * Double(count) / sample.median / 1e9
    }
}

extension BandwidthProbe {
    /// Extra seconds per byte of writing a freshly mapped block (a fault and zeroing per page on
    /// first touch, `munmap` after) over writing the same bytes into a buffer already mapped:
    /// what an eager framework pays for every large output glibc serves from fresh pages.
    ///
    /// The pages are mapped with `mmap` directly, not through `malloc`: whether `malloc(64 MiB)`
    /// returns fresh pages depends on the process's allocation history (glibc's mmap threshold
    /// grows as blocks are freed, and the heap top is trimmed or kept), and a probe that sometimes
    /// measured a reused block read 0. When an output is fresh is `EagerTimeModel`'s rule; this
    /// is the price of one fresh byte.
    static func freshPageSecondsPerByte(bytes: Int = 64 << 20, threads: Int, budget: Timing.Budget) throws -> Double {
        let count = bytes / MemoryLayout<Float>.size
        let existing = Matrix(rows: 1, columns: count)
        try writeOnes(existing.storage, count: count, threads: threads)
        let reused = try Timing.sample(budget) { try writeOnes(existing.storage, count: count, threads: threads) }
        let fresh = try Timing.sample(budget) {
            let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            guard let raw, raw != MAP_FAILED else { return }
            defer { munmap(raw, bytes) }
            try writeOnes(raw.bindMemory(to: Float.self, capacity: count), count: count, threads: threads)
        }
        return max(0, fresh.median - reused.median) / Double(bytes)
    }

    /// Writes `count` floats, each worker its own share.
    static func writeOnes(_ p: UnsafeMutablePointer<Float>, count: Int, threads: Int) throws {
        struct Target: @unchecked Sendable { let p: UnsafeMutablePointer<Float> }
        let target = Target(p: p)
        _ = try Workers.run(threads) { w in
            for i in Workers.share(w, of: threads, total: count, align: 1024) { target.p[i] = 1 }
            return 0
        }
    }

    /// A dearer tier of fresh pages, if the host has one within `limitBytes`: blocks of `block`
    /// bytes mapped and written one after another, each kept, so every block is memory the process
    /// has not held before. On a virtual machine whose host keeps only part of the guest's memory
    /// backed, the first gigabytes fault at the warm price and the rest at a multiple of it (a
    /// 2-core EPYC VM: 0.5 ms/MB up to about 4 GB, then 1.5 ms/MB, whatever was freed just before);
    /// on bare metal every block costs the same and there is no tier. Returns the cold price per
    /// byte (the median of the blocks from the first one more than twice `warmSecondsPerByte` on,
    /// when most of them are) and the bytes written before it; nil when no such tier shows.
    static func coldPageTier(warmSecondsPerByte warm: Double, limitBytes: Int, block: Int = 256 << 20,
                             threads: Int) throws -> (secondsPerByte: Double, warmBytes: Double)? {
        let count = block / MemoryLayout<Float>.size
        let existing = Matrix(rows: 1, columns: count)
        try writeOnes(existing.storage, count: count, threads: threads)
        let reused = try Timing.sample(Timing.Budget(minimumRepeats: 3, minimumSeconds: 0, maximumRepeats: 3, attempts: 1)) {
            try writeOnes(existing.storage, count: count, threads: threads)
        }.median
        var mapped: [UnsafeMutableRawPointer] = []
        defer { for raw in mapped { munmap(raw, block) } }
        var perByte: [Double] = []
        let threshold = 2 * warm
        while (mapped.count + 1) * block <= limitBytes {
            guard let raw = mmap(nil, block, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED else { break }
            mapped.append(raw)
            let start = Timing.now()
            try writeOnes(raw.bindMemory(to: Float.self, capacity: count), count: count, threads: threads)
            perByte.append(max(0, Timing.now() - start - reused) / Double(block))
            // Four blocks into a tier are enough to price it.
            if let first = perByte.firstIndex(where: { $0 > threshold }), perByte.count - first >= 4 { break }
        }
        guard let first = perByte.firstIndex(where: { $0 > threshold }), perByte.count - first >= 2 else { return nil }
        let tier = perByte[first...].sorted()
        let median = tier[tier.count / 2]
        guard median > threshold else { return nil }
        return (median, Double(first * block))
    }
}

extension BandwidthProbe {
    /// Values per timing of `secondsPerElement`: 1 MiB of floats, in cache on any host, so the
    /// arithmetic and not the bytes is what is timed.
    static let arithmeticProbeElements = 1 << 18

    /// Seconds per value of llmcost's vectorized GELU (one exponential per value) or of its
    /// softmax over rows of 512 (maximum, exponentials, sum, division), every thread, in cache:
    /// the per-value floor `EagerTimeModel` puts under activations and soft-maxes. A plain pass has
    /// none (its bytes decide): 0, not timed.
    static func secondsPerElement(_ function: EagerOperator.ElementFunction, threads: Int, budget: Timing.Budget) throws -> Double {
        if function == .plain { return 0 }
        let count = arithmeticProbeElements, row = 512
        let input = Matrix(rows: 1, columns: count, randomScale: 4, seed: 31)
        let output = Matrix(rows: 1, columns: count)
        struct Buffers: @unchecked Sendable { let x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float> }  // each worker its own rows
        let b = Buffers(x: input.storage, y: output.storage)
        let sample = try Timing.sample(budget) {
            _ = try Workers.run(threads) { w in
                let rows = Workers.share(w, of: threads, total: count / row, align: 1)
                switch function {
                case .plain:
                    break
                case .activation:
                    if !rows.isEmpty { VectorMath.gelu(b.x + rows.lowerBound * row, b.y + rows.lowerBound * row, count: rows.count * row) }
                case .softmax:
                    for r in rows { VectorMath.softmaxRow(b.x + r * row, count: row, valid: row) }
                }
                return 0
            }
        }
        return sample.median / Double(count)
    }
}
