/// SGEMM through OpenBLAS's own threading: square sizes and the rectangular shapes one
/// transformer layer issues, each timed as `C = A·B` (or `A·Bᵀ` where a shape says so) in one
/// buffer set.
enum GEMMSweep {
    struct Shape: Hashable {
        var m: Int; var n: Int; var k: Int; var role: String
        /// The right operand stored `n × k` and read transposed (`x·Wᵀ`, as `nn.Linear` runs).
        var transposedB = false
        /// The kernel name a timing of it gets: `sgemm_<m>x<n>x<k>`, `_bt` when B is read transposed.
        var name: String { "sgemm_\(m)x\(n)x\(k)" + (transposedB ? "_bt" : "") }
    }

    /// The GEMMs of `shape`'s layer forward pass: `tokens × d × qkvW` (QKV), `tokens × d × d_attn`
    /// (output), `tokens × d × ffnIn` and `tokens × ffn × d` (FFN), `S × S × d_k` and
    /// `S × d_k × S` (one head's scores and values). Named `sgemm_<m>x<n>x<k>`.
    static func layerShapes(_ s: LayerShape) -> [Shape] {
        [Shape(m: s.seq, n: s.qkvWidth, k: s.dModel, role: "QKV projection"),
         Shape(m: s.seq, n: s.dModel, k: s.attentionWidth, role: "attention output projection"),
         Shape(m: s.seq, n: s.ffnInputWidth, k: s.dModel, role: "FFN input projection"),
         Shape(m: s.seq, n: s.dModel, k: s.ffn, role: "FFN output projection"),
         Shape(m: s.seq, n: s.seq, k: s.headDim, role: "one head's QKᵀ"),
         Shape(m: s.seq, n: s.headDim, k: s.seq, role: "one head's P·V")]
    }

    /// The smallest square size the best-SGEMM reference is taken from: smaller products finish
    /// in well under a millisecond, where a timer tick or one wake-up moves the rate by half, and
    /// a reference that jumps between runs cannot price anything.
    static let referenceMinimumSize = 1024

    /// The reference square: the fastest *median* rate among the sizes ≥ `referenceMinimumSize`
    /// (all of them when the sweep has none that large).
    static func reference(_ squares: [(Shape, KernelMeasurement)]) -> (Shape, KernelMeasurement)? {
        let large = squares.filter { $0.0.m >= referenceMinimumSize }
        return (large.isEmpty ? squares : large).max { $0.1.gflops < $1.1.gflops }
    }

    /// Rows up to which a product is a decode step's: its time is its weight matrix's bytes.
    static let decodeRows = 16
    /// Floats of the rotation buffer cold-weight timings cycle through (256 MiB: past any
    /// last-level cache a 2026 host has per socket slice).
    static let coldRotationFloats = 64 << 20
    /// Rounds the framework's shapes are timed in (`run`'s `rounds`).
    static let frameworkRounds = 3

    /// Times each shape alone, through OpenBLAS or, when given, through `framework`'s BLAS.
    ///
    /// `coldWeights`: a decode-sized product (m ≤ `decodeRows`) reads its weight matrix from a
    /// different copy each call, cycling through `coldRotationFloats` of them, as a model's
    /// decode step meets each matrix once after every other one has passed through the caches;
    /// timed on one copy, the matrix stays in the cache and the rate is the cache's, not memory's.
    ///
    /// `rounds`: the shapes are timed round-robin, `budget` per shape per round, and each shape's
    /// runs pooled. A shared host's speed drifts by a fifth over tens of seconds (another tenant,
    /// the clock); timed in one block, a shape's rate is whatever phase the host was in then, and
    /// a prediction that sums a few dominant shapes inherits that draw. Spread over the sweep,
    /// each shape's median is the window's, like the framework run it is compared with.
    static func run(
        _ shapes: [Shape], threads: Int, budget: Timing.Budget, through framework: FrameworkBLAS? = nil,
        coldWeights: Bool = false, rounds: Int = 1, pages: PagePolicy = .hostBench, progress: (String) -> Void
    ) throws -> [KernelMeasurement] {
        for s in shapes where [s.m, s.n, s.k].contains(where: { $0 < 1 || Int32(exactly: $0) == nil }) {
            throw HostBenchError.invalidGEMM("m=\(s.m) n=\(s.n) k=\(s.k) is not a product a 32-bit BLAS can run")
        }
        let largest = shapes.reduce(0) { max($0, $1.m * $1.k, $1.k * $1.n, $1.m * $1.n) }
        let buffers = Buffers(
            a: Matrix(rows: 1, columns: largest, randomScale: 1, seed: 21, pages: pages),
            b: Matrix(rows: 1, columns: largest, randomScale: 1, seed: 22, pages: pages),
            c: Matrix(rows: 1, columns: largest, pages: pages),
            rotation: coldWeights && shapes.contains { $0.m <= decodeRows }
                ? Matrix(rows: 1, columns: max(largest, coldRotationFloats), randomScale: 1, seed: 23, pages: pages) : nil)
        framework?.pin(threads: threads)
        return try BLAS.withThreads(threads) {
            var samples = [Timing.Sample?](repeating: nil, count: shapes.count)
            for round in 0..<max(1, rounds) {
                var b = budget
                if round > 0 { b.warmup = 0 }
                for (i, s) in shapes.enumerated() {
                    let sample = try time(s, budget: b, buffers: buffers, through: framework)
                    samples[i] = samples[i].map { $0.pooled(with: sample) } ?? sample
                }
            }
            return zip(shapes, samples).map { s, sample in
                let m = KernelMeasurement(
                    name: s.name, shape: "m=\(s.m) n=\(s.n) k=\(s.k)\(s.transposedB ? ", B transposed" : "") (\(s.role))",
                    sample: sample!, flops: 2 * s.m * s.n * s.k)
                    .withMinimumBytes(LayerShape.compulsoryBytes(m: s.m, n: s.n, k: s.k))
                progress(String(format: "  sgemm %d×%d×%d: %.1f GFLOP/s", s.m, s.n, s.k, m.gflops))
                return m
            }
        }
    }

    /// The operands every shape of one sweep is cut from.
    private struct Buffers {
        let a: Matrix, b: Matrix, c: Matrix
        /// Copies of weight matrices a decode-sized product cycles through (`coldWeights`).
        let rotation: Matrix?
    }

    /// One timing of `s` within `budget`.
    private static func time(_ s: Shape, budget: Timing.Budget, buffers: Buffers, through framework: FrameworkBLAS?) throws -> Timing.Sample {
        let av = MatrixView(base: buffers.a.storage, rows: s.m, columns: s.k)
        let cv = MatrixView(base: buffers.c.storage, rows: s.m, columns: s.n)
        // Big products get fewer repeats: 4096³ takes about a second on two cores.
        var b = budget
        if 2.0 * Double(s.m) * Double(s.n) * Double(s.k) > 5e10 { b.minimumRepeats = max(1, min(b.minimumRepeats, 3)) }
        // Cold: the weight matrix of call i is copy i mod `copies` of the rotation buffer.
        let cold = s.m <= decodeRows ? buffers.rotation : nil
        let copies = cold.map { $0.rows * $0.columns / (s.k * s.n) } ?? 1
        var call = 0
        // B as stored: k × n, or n × k when the product reads it transposed.
        let (bRows, bColumns) = s.transposedB ? (s.n, s.k) : (s.k, s.n)
        return try Timing.sample(b) {
            let stored = cold.map { $0.storage + (call % max(1, copies)) * s.k * s.n } ?? buffers.b.storage
            let weights = MatrixView(base: stored, rows: bRows, columns: bColumns)
            call += 1
            if let framework {
                framework.multiply(m: s.m, n: s.n, k: s.k, a: av.base, b: weights.base, transposedB: s.transposedB, c: cv.base)
            } else {
                _ = try BLAS.gemm(av, weights, s.transposedB ? .transposed : .none, into: cv)
            }
        }
    }
}
