import Foundation
import Testing
@testable import HostBench
@testable import CostModel

/// How kernels are timed and how other load is told apart from ours: counts and arithmetic,
/// never how fast anything ran.
@Suite struct TimingTests {
    @Test func aBudgetRunsAtLeastItsRepeatsAndReportsSortedSpread() {
        var calls = 0
        let budget = Timing.Budget(warmup: 2, minimumRepeats: 7, minimumSeconds: 0, attempts: 1)
        let s = Timing.sample(budget) { calls += 1 }
        #expect(calls == 9)
        #expect(s.repeats == 7 && s.attempts == 1)
        #expect(s.best <= s.median && s.median <= s.worst)
        #expect(s.seconds == s.seconds.sorted())
    }

    @Test func aBudgetKeepsRepeatingUntilItsMinimumTimeButNotPastItsCap() {
        var calls = 0
        let budget = Timing.Budget(warmup: 0, minimumRepeats: 1, minimumSeconds: 10, maximumRepeats: 25, attempts: 1)
        let s = Timing.sample(budget) { calls += 1 }
        #expect(s.repeats == 25 && calls == 25)
    }

    @Test func theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        let s = Timing.Sample(seconds: [1, 2, 4, 10], foreignLoad: 0, attempts: 1)
        #expect(s.median == 3 && s.best == 1 && s.worst == 10)
    }

    @Test func machineBusyTicksLeaveOutIdleAndIOWait() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        let stat = "cpu  100 5 50 1000 30 7 3 11 40 0\ncpu0 50 2 25 500 15 3 1 5 20 0\nintr 1 2 3\n"
        #expect(CPULoad.machineBusyTicks(procStat: stat) == 100 + 5 + 50 + 7 + 3 + 11)
        #expect(CPULoad.machineBusyTicks(procStat: "intr 1 2\n") == nil)
        #expect(CPULoad.machineBusyTicks(procStat: "cpu  1 2\n") == nil)
    }

    @Test func foreignShareIsOtherProcessesTimeOverTheWholeMachine() {
        let a = CPULoad.Snapshot(machineBusySeconds: 10, processSeconds: 4, wallSeconds: 100, cpus: 2)
        // One second of wall time on 2 CPUs: the machine was busy 1.5 s, of which 1.2 s was ours.
        let b = CPULoad.Snapshot(machineBusySeconds: 11.5, processSeconds: 5.2, wallSeconds: 101, cpus: 2)
        #expect(abs(CPULoad.foreignShare(from: a, to: b) - 0.15) < 1e-12)
        // Tick rounding can make ours exceed the machine's: never below 0.
        let c = CPULoad.Snapshot(machineBusySeconds: 10.5, processSeconds: 5.2, wallSeconds: 101, cpus: 2)
        #expect(CPULoad.foreignShare(from: a, to: c) == 0)
    }

    @Test func aKernelTimedUnderLoadIsFlaggedInTheNotes() {
        var k = KernelMeasurement(name: "ffn", shape: "s", sample: .init(seconds: [1, 2, 3], foreignLoad: 0.4, attempts: 3), flops: 10)
        #expect(k.measuredUnderLoad && k.worstSeconds == 3 && k.attempts == 3)
        let notes = BenchRunner.loadNotes([k])
        #expect(notes.count == 1 && notes[0].contains("ffn (40 %)"))
        k.foreignLoad = 0.05
        #expect(BenchRunner.loadNotes([k]).isEmpty)
    }

    @Test func theBestSGEMMReferenceIgnoresSmallSquaresAndUsesMedians() {
        func m(_ n: Int, median: Double, best: Double) -> (GEMMSweep.Shape, KernelMeasurement) {
            let f = 2 * n * n * n
            return (.init(m: n, n: n, k: n, role: "square"),
                    KernelMeasurement(name: "sgemm_\(n)", shape: "", seconds: median, bestSeconds: best, flops: f, repeats: 5))
        }
        // 256³ has the fastest median, but it is below the reference size; 2048³ has the fastest
        // single run, but the reference compares medians.
        let squares = [m(256, median: 1e-5, best: 1e-6), m(1024, median: 0.02, best: 0.001), m(2048, median: 0.5, best: 0.0001)]
        #expect(GEMMSweep.reference(squares)?.0.m == 1024)
        #expect(GEMMSweep.reference(Array(squares.prefix(1)))?.0.m == 256)
    }

    @Test func aProfileWhoseSpreadIsOutOfOrderIsRefused() throws {
        func profile(_ kernel: HostMeasurement.Kernel) -> HostMeasurement {
            var m = HostMeasurement()
            m.kernels = [kernel]
            return m
        }
        let good = HostMeasurement.Kernel(name: "ffn", seconds: 2, flops: 2e9, gflops: 1, minSeconds: 1, medianSeconds: 2, maxSeconds: 3,
                                          foreignLoad: 0.02, attempts: 1)
        try profile(good).validate(path: "p.json")
        var bad = good; bad.maxSeconds = 1.5
        #expect(throws: CostError.self) { try profile(bad).validate(path: "p.json") }
        bad = good; bad.medianSeconds = 2.5; bad.maxSeconds = 3
        #expect(throws: CostError.self) { try profile(bad).validate(path: "p.json") }
        bad = good; bad.foreignLoad = 1.5
        #expect(throws: CostError.self) { try profile(bad).validate(path: "p.json") }
        bad = good; bad.attempts = 0
        #expect(throws: CostError.self) { try profile(bad).validate(path: "p.json") }
    }
}
