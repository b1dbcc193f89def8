import Foundation

/// An owned, 64-byte-aligned, zero-initialised row-major `Float` matrix.
///
/// A class so the large buffers of a benchmark are allocated once, outside the timed region,
/// and shared by reference between the worker threads that fill disjoint parts of them.
public final class Matrix: @unchecked Sendable {
    public let rows: Int
    public let columns: Int
    public let storage: UnsafeMutablePointer<Float>

    /// `pages`: how the buffer is backed (`.hostBench` unless it stands for another program's memory).
    public init(rows: Int, columns: Int, pages: PagePolicy = .hostBench) {
        precondition(rows >= 0 && columns >= 0, "negative matrix size")
        self.rows = rows; self.columns = columns
        let count = max(rows * columns, 1)
        let bytes = count * MemoryLayout<Float>.stride
        // Buffers of 4 MiB and more are 2 MiB-aligned and marked for transparent huge pages (as
        // NumPy does): a head's or an FFN worker's columns are read 12 KB apart across every row,
        // and 4 KB pages would make each row a TLB miss.
        let huge = pages.asksForHugePages && bytes >= 4 << 20
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: huge ? 2 << 20 : 64)
        #if os(Linux)
        if huge { _ = madvise(raw, bytes, MADV_HUGEPAGE) }
        #endif
        storage = raw.bindMemory(to: Float.self, capacity: count)
        storage.initialize(repeating: 0, count: count)
    }

    /// A matrix of reproducible pseudo-random values uniform in `[-scale, scale)`.
    public convenience init(rows: Int, columns: Int, randomScale scale: Float, seed: UInt64, pages: PagePolicy = .hostBench) {
        self.init(rows: rows, columns: columns, pages: pages)
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        for i in 0..<(rows * columns) {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17  // xorshift64
            storage[i] = (Float(state >> 40) / Float(1 << 24) * 2 - 1) * scale
        }
    }

    deinit { UnsafeMutableRawPointer(storage).deallocate() }

    public var view: MatrixView { MatrixView(base: storage, rows: rows, columns: columns) }

    public subscript(r: Int, c: Int) -> Float {
        get { storage[r * columns + c] }
        set { storage[r * columns + c] = newValue }
    }

    /// The elements in row-major order (for tests and checksums; copies).
    public var elements: [Float] { Array(UnsafeBufferPointer(start: storage, count: rows * columns)) }
}

/// Whether a buffer asks the kernel for transparent huge pages.
///
/// HostBench's own kernels ask (`madvise(MADV_HUGEPAGE)` on buffers of 4 MiB and more). Eager
/// PyTorch's CPU allocator asks only when `THP_MEM_ALLOC_ENABLE=1` is set; on a host whose THP
/// mode is `madvise` (Debian's default) its weights and activations otherwise sit on 4 KB pages,
/// and a decode step that streams gigabytes of weights pays a TLB miss per page that a
/// huge-page timing of the same GEMV never sees. Timings that stand for the framework's
/// operators use the framework's choice (`.framework`).
public enum PagePolicy: Sendable {
    case hostBench
    case framework

    /// PyTorch's switch for huge-page CPU allocations (c10's `alloc_cpu`).
    public static let frameworkVariable = "THP_MEM_ALLOC_ENABLE"

    var asksForHugePages: Bool { asksForHugePages(in: ProcessInfo.processInfo.environment) }

    func asksForHugePages(in environment: [String: String]) -> Bool {
        switch self {
        case .hostBench: true
        case .framework: environment[Self.frameworkVariable] == "1"
        }
    }
}
