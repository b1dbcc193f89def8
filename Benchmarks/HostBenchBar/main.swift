import Foundation
import HostBench

// Reports the three ratios of the performance bar (DESIGN.md) on this machine:
//   FFN forward ≥ 90 % of the best single SGEMM, attention ≥ 70 %, layer ≥ the NumPy peer's layer.
// Usage: swift run -c release hostbench-bar [d_model heads seq ffn gated] [--threads N] [--repeats R]
let args = CommandLine.arguments.dropFirst()
func option(_ name: String) -> Int? {
    guard let i = args.firstIndex(of: name), args.index(after: i) < args.endIndex else { return nil }
    return Int(args[args.index(after: i)])
}
let positional = Array(args.prefix { !$0.hasPrefix("--") }).compactMap { Int($0) }
let p = positional + [768, 12, 512, 3072, 0].dropFirst(positional.count)
let shape = LayerShape(dModel: p[0], heads: p[1], seq: p[2], ffn: p[3], gated: p[4] != 0)
let configuration = BenchConfiguration(
    shape: shape, threads: option("--threads"), quick: true, repeats: option("--repeats") ?? 9,
    squareSizes: [1024, 2048], bandwidthBytesPerArray: 64 << 20, includeBackward: true)

do {
    let report = try BenchRunner.run(configuration: configuration) {
        FileHandle.standardError.write(Data(($0 + "\n").utf8))
    }
    let peer = Process()
    peer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    let script = ProcessInfo.processInfo.environment["NUMPY_PEER"] ?? "/work/shared/peers/numpy_layer.py"
    peer.arguments = ["python3", script] + p.map(String.init)
    let pipe = Pipe()
    peer.standardOutput = pipe
    try peer.run()
    peer.waitUntilExit()
    let json = try JSONSerialization.jsonObject(with: pipe.fileHandleForReading.readDataToEndOfFile()) as? [String: Any]
    let numpyLayer = json?["layer_gflops"] as? Double ?? .nan
    let best = report.bestSGEMMGFLOPS
    let ffn = report.kernel("ffn")!.gflops, attention = report.kernel("attention")!.gflops
    let layer = report.kernel("layer")!.gflops
    func line(_ label: String, _ value: Double, _ bar: Double) -> String {
        String(format: "%-34@ %6.1f %%   (bar %3.0f %%)  %@", label, value * 100, bar * 100, value >= bar ? "PASS" : "FAIL")
    }
    print("shape: \(shape)   threads: \(report.threads)")
    print(String(format: "best SGEMM %.1f GFLOP/s (%@); peak %.1f (measured FMA %.1f, nominal %.1f)", best,
                 report.bestSGEMMShape, report.peakGFLOPS, report.measuredPeak.gflops, report.nominalPeakGFLOPS ?? .nan))
    print(String(format: "ffn %.1f  attention %.1f  layer %.1f  GFLOP/s; NumPy layer %.1f (attention %.1f, ffn %.1f)",
                 ffn, attention, layer, numpyLayer, json?["attention_gflops"] as? Double ?? .nan, json?["ffn_gflops"] as? Double ?? .nan))
    print(line("FFN / best SGEMM", ffn / best, 0.9))
    print(line("attention / best SGEMM", attention / best, 0.7))
    print(line("layer / NumPy layer", layer / numpyLayer, 1.0))
    for name in ["attention_backward", "ffn_backward"] {
        if let k = report.kernel(name) { print(String(format: "%@: %.1f GFLOP/s", name, k.gflops)) }
    }
    print("backward/forward seconds: \(report.backwardForwardRatios.mapValues { (($0 * 100).rounded() / 100) })")
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
