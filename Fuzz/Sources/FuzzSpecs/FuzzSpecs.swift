import CostModel
import Foundation
import ParallelPlan
import Workload

/// One libFuzzer input: bytes a user could hand llmcost as a spec file, a `config.json`, a GGUF
/// file (told apart by its magic) or a host profile. Every input goes through both doors — `ModelLoader` (JSON or YAML, told apart
/// by content) and `HostProfileFile.decode` — and must end in one of two ways:
///
/// - accepted, with figures that make sense: the parameter report computes without a trap or an
///   overflow, and its counts are non-negative and consistent (active ≤ total); an accepted
///   profile gives a hardware profile with finite, positive rates;
/// - refused, with one line naming the file and no decoder internals (`DecodingError`,
///   `codingPath`, `Swift.` …).
///
/// A crash, a hang, a trap or a broken rule (`failure` below aborts) is what the fuzzer reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    // The file name is only used in messages; JSON and YAML are told apart by content.
    let path = size % 2 == 0 ? "fuzz-input.json" : "fuzz-input.yaml"
    do {
        let loaded = try ModelLoader.load(data: bytes, path: path)
        checkCounts(of: loaded.spec)
        exercise(loaded.spec)
    } catch {
        checkRefusal("\(error)", naming: path)
    }
    fuzzProfile(bytes)
    return 0
}

/// An accepted spec must count: exact, non-negative, active within total.
func checkCounts(of spec: ModelSpec) {
    let report: ParameterReport
    do { report = try ParameterCount.report(for: spec) } catch {
        failure("an accepted spec cannot be counted: \(error)")
    }
    guard report.total >= 0, report.active >= 0, report.nonEmbedding >= 0, report.active <= report.total,
          report.nonEmbedding <= report.total, report.components.allSatisfy({ $0.parameters.value >= 0 }) else {
        failure("an accepted spec has inconsistent counts: total \(report.total), active \(report.active), non-embedding \(report.nonEmbedding)")
    }
}

/// A refusal is one line that starts with the file and shows none of the decoder's internals.
func checkRefusal(_ text: String, naming path: String) {
    if text.contains("\n") || text.contains("\r") { failure("an error spans more than one line: \(text)") }
    if !text.hasPrefix(path) { failure("an error does not start with the file: \(text)") }
    for word in ["DecodingError", "codingPath", "CodingKeys", "debugDescription", "Swift.", "Yams.", "Dictionary<", "Optional("]
    where text.contains(word) {
        failure("an error shows decoder internals (\(word)): \(text)")
    }
}

/// The host-profile door: an accepted profile must give finite, positive rates, and no kernel
/// whose `gflops` disagrees with `flops ÷ seconds` by more than 1 % may be accepted (issue 15:
/// inconsistent profiles are refused, never repaired).
func fuzzProfile(_ bytes: Data) {
    let profile: HostMeasurement
    do { profile = try HostProfileFile.decode(bytes, path: "fuzz-profile.json") } catch {
        let text = "\(error)"
        if text.contains("\n") { failure("a profile error spans more than one line: \(text)") }
        return
    }
    for kernel in profile.kernels ?? [] {
        guard let g = kernel.gflops, let f = kernel.flops, let s = kernel.seconds, s > 0 else { continue }
        let derived = f / s / 1e9
        if abs(derived - g) > 0.01 * max(abs(g), abs(derived)) {
            failure("an accepted profile's kernel '\(kernel.name)' says \(g) GFLOP/s but its flops ÷ seconds give \(derived)")
        }
    }
    guard let hardware = try? HardwareProfile.measured(profile, path: "fuzz-profile.json", pricePerHour: DollarsPerHour(1)) else { return }
    let figures = [hardware.peak.value, hardware.effectiveThroughput.value, hardware.effectiveTrainingThroughput.value]
    if !figures.allSatisfy({ $0.isFinite && $0 > 0 }) { failure("an accepted profile gives rates \(figures)") }
}

func failure(_ message: String) -> Never {
    FileHandle.standardError.write(Data("FuzzSpecs: \(message)\n".utf8))
    abort()
}

/// Runs every count a command could ask for on a spec that passed validation.
func exercise(_ spec: ModelSpec) {
    for convention in Convention.allCases {
        guard let counter = try? FlopCounter(spec: spec, convention: convention) else { continue }
        _ = try? counter.prefill(batch: 3, seq: 17)
        _ = try? counter.decode(batch: 2, context: 9)
        _ = try? counter.train(batch: 1, seq: 5, recompute: .full)
        _ = try? counter.generate(batch: 1, prompt: 4, newTokens: 3, beams: 2, allowBeyondContext: true)
    }
    _ = try? MemoryEstimator(spec: spec, weightType: .int4).report(batch: 2, seq: 33)
    _ = try? RuleCheck(spec: spec).run(contexts: [16, 64], limit: 1 << 12)
    exercisePlans(spec)
}

let fuzzDevice = try! Accelerator(HardwareCatalog.h100SXM)

/// A small plan search (its fastest plan's predicted MFU must be a fraction), an interleaved
/// pipeline, and — for a mixture — an expert-parallel serving step: finite, non-negative times.
func exercisePlans(_ spec: ModelSpec) {
    let job = TrainingJob(spec: spec, seq: 8, globalBatch: 4)
    if let best = PredictedTraining.fastest(job, devices: 4, on: fuzzDevice), !(best.mfu > 0 && best.mfu.isFinite) {
        failure("a fitting plan predicts MFU \(best.mfu)")
    }
    var interleaved = ParallelConfig(tp: 1, pp: 2, dp: 1, microBatches: 4)
    interleaved.virtualStages = 2
    if let e = try? interleaved.evaluate(job, on: fuzzDevice), !(e.stepTime.value.isFinite && e.bubbleTime.value >= 0) {
        failure("an interleaved plan steps in \(e.stepTime.value) s")
    }
    guard let experts = spec.decoder?.moe?.experts, experts > 0 else { return }
    for devices in [1, 2, experts] {
        guard let step = try? ExpertParallelDeployment(devices: devices).decodeStep(spec: spec, batchPerDevice: 2, context: 5, on: fuzzDevice)
        else { continue }
        if !(step.total.value.isFinite && step.total.value >= 0) { failure("an expert-parallel decode step takes \(step.total.value) s") }
    }
}

/// libFuzzer's driver, for the entry point below.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point as `<module>_main` (and `main` to it), so the
/// harness provides that symbol and hands control to libFuzzer's driver.
@_cdecl("FuzzSpecs_main")
public func fuzzSpecsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
