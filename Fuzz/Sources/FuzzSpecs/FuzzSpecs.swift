import Foundation
import Workload

/// One libFuzzer input: bytes that a user could hand llmcost as a spec file or config.json.
/// Every input must end in a spec with exact counts or in a thrown error — a trap, a crash or a
/// hang is a bug the fuzzer reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    // Both readers: JSON (our specs, HF configs) and YAML (our spec files), by input parity.
    let path = size % 2 == 0 ? "fuzz-input.json" : "fuzz-input.yaml"
    guard let loaded = try? ModelLoader.load(data: bytes, path: path) else { return 0 }
    exercise(loaded.spec)
    return 0
}

/// Runs every count a command could ask for on a spec that passed validation.
func exercise(_ spec: ModelSpec) {
    _ = try? ParameterCount.report(for: spec)
    for convention in Convention.allCases {
        guard let counter = try? FlopCounter(spec: spec, convention: convention) else { continue }
        _ = try? counter.prefill(batch: 3, seq: 17)
        _ = try? counter.decode(batch: 2, context: 9)
        _ = try? counter.train(batch: 1, seq: 5, recompute: .full)
        _ = try? counter.generate(batch: 1, prompt: 4, newTokens: 3, beams: 2, allowBeyondContext: true)
    }
    _ = try? MemoryEstimator(spec: spec, weightType: .int4).report(batch: 2, seq: 33)
    _ = try? RuleCheck(spec: spec).run(contexts: [16, 64], limit: 1 << 12)
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
