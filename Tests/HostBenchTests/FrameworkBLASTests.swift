import Foundation
import Testing
@testable import HostBench

/// The framework's BLAS (`LLMCOST_FRAMEWORK_BLAS`: MKL for PyTorch's CPU wheels) is any CBLAS
/// library; OpenBLAS is one, so these run on every host the suite runs on.
@Suite struct FrameworkBLASTests {
    @Test func anyCBLASLibraryOpensAndMultipliesLikeTheNaiveProduct() throws {
        let library = try FrameworkBLAS.open("libopenblas.so.0").get()
        #expect(library.version.contains("OpenBLAS"))
        let (m, n, k) = (5, 7, 3)
        let a = Matrix(rows: m, columns: k, randomScale: 1, seed: 1), b = Matrix(rows: k, columns: n, randomScale: 1, seed: 2)
        let c = Matrix(rows: m, columns: n)
        library.multiply(m: m, n: n, k: k, a: a.storage, b: b.storage, c: c.storage)
        let expected = Naive.matmul(Naive.doubles(a), m, k, Naive.doubles(b), n)
        for (got, want) in zip(Naive.doubles(c), expected) { #expect(abs(got - want) < 1e-5) }
    }

    /// Timings standing for PyTorch's operators ask for huge pages only where PyTorch's allocator
    /// would (`THP_MEM_ALLOC_ENABLE=1`); HostBench's own buffers always ask. Either way a matrix
    /// holds the same values.
    @Test func frameworkBuffersAskForHugePagesOnlyWherePyTorchWould() {
        #expect(PagePolicy.hostBench.asksForHugePages(in: [:]))
        #expect(!PagePolicy.framework.asksForHugePages(in: [:]))
        #expect(!PagePolicy.framework.asksForHugePages(in: ["THP_MEM_ALLOC_ENABLE": "0"]))
        #expect(PagePolicy.framework.asksForHugePages(in: ["THP_MEM_ALLOC_ENABLE": "1"]))
        let ours = Matrix(rows: 1024, columns: 1200, randomScale: 1, seed: 9)
        let theirs = Matrix(rows: 1024, columns: 1200, randomScale: 1, seed: 9, pages: .framework)
        #expect(ours.elements == theirs.elements)
    }

    /// `A·Bᵀ` with B stored `n × k`, as `nn.Linear` multiplies: the naive product of A and B's transpose.
    @Test func theFrameworkLibraryMultipliesByATransposedWeightLikeTheNaiveProduct() throws {
        let library = try FrameworkBLAS.open("libopenblas.so.0").get()
        let (m, n, k) = (4, 6, 3)
        let a = Matrix(rows: m, columns: k, randomScale: 1, seed: 3), stored = Matrix(rows: n, columns: k, randomScale: 1, seed: 4)
        let c = Matrix(rows: m, columns: n)
        library.multiply(m: m, n: n, k: k, a: a.storage, b: stored.storage, transposedB: true, c: c.storage)
        let w = Naive.doubles(stored)
        let bT = (0..<(k * n)).map { i in w[(i % n) * k + i / n] }   // k × n, row-major
        let expected = Naive.matmul(Naive.doubles(a), m, k, bT, n)
        for (got, want) in zip(Naive.doubles(c), expected) { #expect(abs(got - want) < 1e-5) }
    }

    @Test func theSweepTimesTransposedWeightsUnderTheirOwnName() throws {
        let shapes = [GEMMSweep.Shape(m: 1, n: 64, k: 32, role: "decode", transposedB: true),
                      GEMMSweep.Shape(m: 8, n: 16, k: 4, role: "probe", transposedB: true)]
        let budget = Timing.Budget(minimumRepeats: 2, minimumSeconds: 0, maximumRepeats: 2, attempts: 1)
        let measured = try GEMMSweep.run(shapes, threads: 1, budget: budget, coldWeights: true, progress: { _ in })
        #expect(measured.map(\.name) == ["sgemm_1x64x32_bt", "sgemm_8x16x4_bt"])
        #expect(measured.allSatisfy { $0.gflops > 0 && $0.gflops.isFinite })
    }

    @Test func theSweepTimesThroughTheFrameworkLibraryWhenGivenOne() throws {
        let library = try FrameworkBLAS.open("libopenblas.so.0").get()
        let shapes = [GEMMSweep.Shape(m: 8, n: 16, k: 4, role: "probe")]
        let budget = Timing.Budget(minimumRepeats: 2, minimumSeconds: 0, maximumRepeats: 2, attempts: 1)
        let measured = try GEMMSweep.run(shapes, threads: 1, budget: budget, through: library, progress: { _ in })
        #expect(measured.count == 1 && measured[0].flops == 2 * 8 * 16 * 4 && measured[0].gflops > 0)
    }

    @Test func aPathThatIsNotALibraryIsOneErrorNamingTheVariable() {
        guard case let .failure(error) = FrameworkBLAS.open("/nonexistent/libmkl_rt.so.2") else {
            Issue.record("a nonexistent path opened"); return
        }
        #expect(error.description.contains(FrameworkBLAS.variable) && error.description.contains("/nonexistent/libmkl_rt.so.2"))
        #expect(!error.description.contains("\n"))
    }

    @Test func aLibraryWithoutCBLASIsRefused() {
        guard case let .failure(error) = FrameworkBLAS.open("libm.so.6") else {
            Issue.record("libm opened as a BLAS"); return
        }
        #expect(error.description.contains("does not export cblas_sgemm"))
    }

    @Test func aShapeNoBLASCanRunIsAnErrorNotATrap() {
        let shapes = [GEMMSweep.Shape(m: 0, n: 16, k: 4, role: "empty")]
        let budget = Timing.Budget(minimumRepeats: 1, minimumSeconds: 0, maximumRepeats: 1, attempts: 1)
        #expect(throws: HostBenchError.self) { try GEMMSweep.run(shapes, threads: 1, budget: budget, progress: { _ in }) }
    }
}

/// A decode step meets each weight matrix cold; the sweep can time its products that way.
@Suite struct ColdWeightTests {
    @Test func coldWeightTimingsMultiplyEveryCopyCorrectlyAndCountTheirFLOPs() throws {
        let shapes = [GEMMSweep.Shape(m: 1, n: 64, k: 32, role: "decode"), GEMMSweep.Shape(m: 64, n: 64, k: 32, role: "prefill")]
        let budget = Timing.Budget(minimumRepeats: 3, minimumSeconds: 0, maximumRepeats: 3, attempts: 1)
        let measured = try GEMMSweep.run(shapes, threads: 1, budget: budget, coldWeights: true, progress: { _ in })
        #expect(measured.map(\.flops) == [2 * 64 * 32, 2 * 64 * 64 * 32])
        #expect(measured.allSatisfy { $0.gflops > 0 && $0.gflops.isFinite })
    }
}

/// A shared host's speed drifts; timed round-robin, every shape's runs come from the whole sweep.
@Suite struct RoundRobinSweepTests {
    @Test func eachRoundAddsItsRunsToEveryShape() throws {
        let shapes = [GEMMSweep.Shape(m: 8, n: 16, k: 4, role: "a"), GEMMSweep.Shape(m: 4, n: 8, k: 16, role: "b")]
        let budget = Timing.Budget(minimumRepeats: 2, minimumSeconds: 0, maximumRepeats: 2, attempts: 1)
        let measured = try GEMMSweep.run(shapes, threads: 1, budget: budget, rounds: 3, progress: { _ in })
        #expect(measured.map(\.repeats) == [6, 6])
        #expect(measured.map(\.flops) == [2 * 8 * 16 * 4, 2 * 4 * 8 * 16])
        #expect(measured.allSatisfy { $0.bestSeconds <= $0.seconds && $0.seconds <= $0.worstSeconds! })
    }

    @Test func pooledSamplesKeepEveryRunSortedAndTheBusierLoad() {
        let quiet = Timing.Sample(seconds: [1, 3], foreignLoad: 0.01, attempts: 1)
        let busy = Timing.Sample(seconds: [2, 5], foreignLoad: 0.4, attempts: 2)
        let both = quiet.pooled(with: busy)
        #expect(both.seconds == [1, 2, 3, 5] && both.median == 2.5)
        #expect(both.foreignLoad == 0.4 && both.wasLoaded && both.attempts == 3)
        #expect(quiet.pooled(with: Timing.Sample(seconds: [2], foreignLoad: nil, attempts: 1)).foreignLoad == 0.01)
    }
}
