import Foundation

/// Prices `EagerOperator`s on this host: each GEMM at the rate measured for its own shape (never
/// faster than its bytes at the measured bandwidth), each memory pass at the rate measured for a
/// pass of its footprint (never faster than its exponentials at the measured per-value cost),
/// every launch at the per-operator dispatch cost.
public struct EagerTimeModel: Codable, Sendable, Equatable {
    /// A GEMM shape timed alone through OpenBLAS's threading.
    public struct GEMMRate: Codable, Sendable, Equatable {
        public var m: Int, n: Int, k: Int
        public var gflops: Double
        /// Timed with the right operand stored `n × k` and read transposed (`x·Wᵀ`).
        public var transposedB: Bool

        public init(m: Int, n: Int, k: Int, gflops: Double, transposedB: Bool = false) {
            self.m = m; self.n = n; self.k = k; self.gflops = gflops; self.transposedB = transposedB
        }

        enum CodingKeys: String, CodingKey { case m, n, k, gflops, transposedB = "transposed_b" }

        /// Profiles saved before the layout was recorded timed every product untransposed.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            m = try c.decode(Int.self, forKey: .m); n = try c.decode(Int.self, forKey: .n); k = try c.decode(Int.self, forKey: .k)
            gflops = try c.decode(Double.self, forKey: .gflops)
            transposedB = try c.decodeIfPresent(Bool.self, forKey: .transposedB) ?? false
        }
    }

    /// An element-wise pass (`y = c·x`, every thread) over `bytes` of footprint.
    public struct PassRate: Codable, Sendable, Equatable {
        public var bytes: Int
        public var gbps: Double
    }

    public var gemmRates: [GEMMRate]
    /// Sorted by footprint.
    public var passRates: [PassRate]
    /// Seconds eager PyTorch spends launching one aten operator from Python.
    public var dispatchSeconds: Double
    /// Extra seconds per byte of an output too large for the allocator to reuse (glibc serves
    /// blocks above its mmap threshold, at most 32 MiB, with fresh pages that fault and are zeroed
    /// on first touch): measured as allocate + write + free against writing an existing buffer.
    public var freshPageSecondsPerByte: Double
    /// Seconds per fresh byte once the process holds more than `warmPageBytes`: on a virtual
    /// machine whose host backs only part of its memory, pages beyond what the host keeps backed
    /// fault twice (guest and host) on first touch, measured up to 3 × the warm price (a 2-core
    /// EPYC VM: 0.5 ms/MB within about 4 GB, 1.5 ms/MB beyond). Equal to `freshPageSecondsPerByte`
    /// where no such tier was found.
    public var coldPageSecondsPerByte: Double
    /// Bytes the process could hold before fresh pages cost `coldPageSecondsPerByte` (nil: no tier
    /// found within what was probed, or not probed).
    public var warmPageBytes: Double?
    /// Outputs at least this large come from fresh pages (glibc's largest mmap threshold).
    public static let freshPageThresholdBytes = 32.0 * 1024 * 1024
    /// The BLAS the GEMM rates were timed through: OpenBLAS, or the framework's own kind of BLAS
    /// named by `FrameworkBLAS.variable` (MKL for PyTorch's CPU wheels).
    public var gemmLibrary: String
    /// Seconds per value of an activation (`EagerOperator.ElementFunction.activation`) and of a
    /// softmax, in cache, every thread: llmcost's own vectorized GELU and softmax kernels timed on
    /// this host (0 in profiles saved before they were measured: bytes alone then).
    public var activationSecondsPerElement: Double
    public var softmaxSecondsPerElement: Double
    public static let openBLASLibrary = "OpenBLAS (PyTorch's CPU wheels use MKL: set \(FrameworkBLAS.variable) to time MKL instead)"

    /// Eager PyTorch's cost of one aten call from Python, measured on the host llmcost was checked
    /// on: `torch.add` of two one-element tensors, 2.0 µs median (the dispatch mode of `time_pytorch.py`,
    /// AMD EPYC 2-core VM, torch 2.13.0+cpu, 2026-12-06). Applied to every aten call the profiler
    /// counts (`EagerCallCounts`), kernels and views alike.
    public static let defaultDispatchSeconds = 2.0e-6

    enum CodingKeys: String, CodingKey {
        case gemmRates = "gemm_rates", passRates = "pass_rates", dispatchSeconds = "dispatch_seconds"
        case freshPageSecondsPerByte = "fresh_page_seconds_per_byte", gemmLibrary = "gemm_library"
        case activationSecondsPerElement = "activation_seconds_per_element", softmaxSecondsPerElement = "softmax_seconds_per_element"
        case coldPageSecondsPerByte = "cold_page_seconds_per_byte", warmPageBytes = "warm_page_bytes"
    }

    public init(gemmRates: [GEMMRate], passRates: [PassRate], dispatchSeconds: Double = defaultDispatchSeconds,
                freshPageSecondsPerByte: Double = 0, coldPageSecondsPerByte: Double? = nil, warmPageBytes: Double? = nil,
                gemmLibrary: String = openBLASLibrary, activationSecondsPerElement: Double = 0, softmaxSecondsPerElement: Double = 0) {
        self.gemmRates = gemmRates; self.passRates = passRates.sorted { $0.bytes < $1.bytes }
        self.dispatchSeconds = dispatchSeconds; self.freshPageSecondsPerByte = freshPageSecondsPerByte
        self.coldPageSecondsPerByte = coldPageSecondsPerByte ?? freshPageSecondsPerByte; self.warmPageBytes = warmPageBytes
        self.gemmLibrary = gemmLibrary
        self.activationSecondsPerElement = activationSecondsPerElement; self.softmaxSecondsPerElement = softmaxSecondsPerElement
    }

    /// Profiles saved before the per-value costs were measured read them as 0; before the cold
    /// tier was probed, one price for every fresh page.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(gemmRates: try c.decode([GEMMRate].self, forKey: .gemmRates), passRates: try c.decode([PassRate].self, forKey: .passRates),
                  dispatchSeconds: try c.decode(Double.self, forKey: .dispatchSeconds),
                  freshPageSecondsPerByte: try c.decode(Double.self, forKey: .freshPageSecondsPerByte),
                  coldPageSecondsPerByte: try c.decodeIfPresent(Double.self, forKey: .coldPageSecondsPerByte),
                  warmPageBytes: try c.decodeIfPresent(Double.self, forKey: .warmPageBytes),
                  gemmLibrary: try c.decode(String.self, forKey: .gemmLibrary),
                  activationSecondsPerElement: try c.decodeIfPresent(Double.self, forKey: .activationSecondsPerElement) ?? 0,
                  softmaxSecondsPerElement: try c.decodeIfPresent(Double.self, forKey: .softmaxSecondsPerElement) ?? 0)
    }

    /// Seconds the arithmetic of one launch of `op` takes, bytes aside.
    func arithmeticSeconds(_ op: EagerOperator) -> Double {
        guard case let .memory(_, elements) = op.kind else { return 0 }
        switch op.function {
        case .plain: return 0
        case .activation: return Double(elements) * activationSecondsPerElement
        case .softmax: return Double(elements) * softmaxSecondsPerElement
        }
    }

    /// First-touch seconds of a launch's output, when it is large enough to be fresh pages: at
    /// the cold price when the process, holding `residentBytes`, would exceed what stays warm.
    func freshPageSeconds(_ op: EagerOperator, residentBytes: Double = 0) -> Double {
        guard op.outputBytes >= Self.freshPageThresholdBytes else { return 0 }
        let cold = warmPageBytes.map { residentBytes + op.outputBytes > $0 } ?? false
        return op.outputBytes * (cold ? coldPageSecondsPerByte : freshPageSecondsPerByte)
    }

    /// Bytes per second of a pass over `bytes` of footprint: the measured rate of the nearest
    /// footprint (log scale), interpolated between the two around it.
    func passBytesPerSecond(footprint bytes: Double) -> Double {
        guard let first = passRates.first, let last = passRates.last else { return 1e10 }
        if bytes <= Double(first.bytes) { return first.gbps * 1e9 }
        if bytes >= Double(last.bytes) { return last.gbps * 1e9 }
        for (a, b) in zip(passRates, passRates.dropFirst()) where bytes <= Double(b.bytes) {
            let t = (log(bytes) - log(Double(a.bytes))) / max(1e-12, log(Double(b.bytes)) - log(Double(a.bytes)))
            return (a.gbps + t * (b.gbps - a.gbps)) * 1e9
        }
        return last.gbps * 1e9
    }

    /// The measured rate of this shape in this layout, else of the nearest measured shape (log
    /// distance) in the same layout, else in either.
    func gemmFLOPsPerSecond(m: Int, n: Int, k: Int, transposedB: Bool = false) -> Double {
        func distance(_ r: GEMMRate) -> Double {
            abs(log(Double(r.m) / Double(m))) + abs(log(Double(r.n) / Double(n))) + abs(log(Double(r.k) / Double(k)))
        }
        let sameLayout = gemmRates.filter { $0.transposedB == transposedB }
        guard let nearest = (sameLayout.isEmpty ? gemmRates : sameLayout).min(by: { distance($0) < distance($1) }) else { return 1e11 }
        return nearest.gflops * 1e9
    }

    /// Seconds of one launch (of an allocation: its pages' first touch) while the process holds
    /// `residentBytes`.
    public func seconds(_ op: EagerOperator, residentBytes: Double = 0) -> Double {
        let fresh = freshPageSeconds(op, residentBytes: residentBytes)
        switch op.kind {
        case .view:
            return dispatchSeconds
        case .allocation:
            return fresh
        case let .memory(bytes, _):
            let footprint = op.movesColdMemory ? .infinity : Double(bytes)
            return max(Double(bytes) / passBytesPerSecond(footprint: footprint), arithmeticSeconds(op)) + fresh + dispatchSeconds
        case let .gemm(m, n, k, batch, transposedB):
            let compute = op.flops / gemmFLOPsPerSecond(m: m, n: n, k: k, transposedB: transposedB)
            let memory = op.bytes / passBytesPerSecond(footprint: op.bytes / Double(max(1, batch)))
            return max(compute, memory) + fresh + dispatchSeconds
        }
    }

    /// Seconds of a whole pass run by a process holding `residentBytes` (the weights, and in
    /// training their gradients), and how they split.
    public func price(_ ops: [EagerOperator], residentBytes: Double = 0) -> EagerPrice {
        var price = EagerPrice()
        for op in ops {
            let s = seconds(op, residentBytes: residentBytes) * Double(op.count)
            let launches = op.isLaunch ? op.count : 0
            price.operators.append(.init(name: op.name, launches: launches, seconds: s, flops: op.flops * Double(op.count),
                                         bytes: op.bytes * Double(op.count)))
            price.seconds += s
            price.launches += launches
            switch op.kind {
            case .gemm: price.gemmSeconds += s
            case .memory, .allocation: price.memorySeconds += s
            case .view: price.dispatchOnlySeconds += s
            }
        }
        return price
    }
}

/// A priced pass: seconds in all and by operator class.
public struct EagerPrice: Codable, Sendable, Equatable {
    public var seconds = 0.0
    public var gemmSeconds = 0.0
    public var memorySeconds = 0.0
    public var dispatchOnlySeconds = 0.0
    public var launches = 0
    /// Every operator's share, in launch order.
    public var operators: [OperatorTime] = []

    /// One operator's seconds over all its launches in the pass.
    public struct OperatorTime: Codable, Sendable, Equatable {
        public var name: String
        public var launches: Int
        public var seconds: Double
        public var flops: Double
        public var bytes: Double
    }

    enum CodingKeys: String, CodingKey {
        case seconds, launches, operators, gemmSeconds = "gemm_seconds", memorySeconds = "memory_seconds"
        case dispatchOnlySeconds = "dispatch_only_seconds"
    }
}
