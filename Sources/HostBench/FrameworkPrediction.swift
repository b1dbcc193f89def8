import Workload

/// What a framework run of the model should take on this host: eager PyTorch (FP32, batch 1,
/// eager attention), every operator it launches priced by `EagerTimeModel`. Compared against
/// PyTorch itself by `scripts/pytorch-host/time_pytorch.py`, which llmcost cannot run.
public struct FrameworkPrediction: Codable, Sendable, Equatable {
    /// `pytorch_eager`.
    public var name: String
    public var pass: EagerPass
    public var seconds: Double
    public var price: EagerPrice
    /// The BLAS its GEMM rates were timed through (`EagerTimeModel.gemmLibrary`).
    public var gemmLibrary: String
    public var formula: String

    /// The predictions of every pass `lowering` describes (`passes`), at `seq` tokens (decode: one
    /// token after `seq − 1` cached).
    public static func pytorchEager(_ lowering: EagerLowering, seq: Int, model: EagerTimeModel) -> [FrameworkPrediction] {
        lowering.passes.map { pass in
            let resident = lowering.residentBytes(pass)
            let price = model.price(lowering.operators(pass, seq: seq), residentBytes: resident)
            let what = pass == .decode ? "one token after \(seq - 1) cached" : "\(seq) tokens"
            return FrameworkPrediction(
                name: "pytorch_eager", pass: pass, seconds: price.seconds, price: price, gemmLibrary: model.gemmLibrary,
                formula: String(format: "eager PyTorch %@, %@: %d kernel launches — GEMMs %.4f s at their shapes' rates measured through %@, element-wise %.4f s at the measured pass rate of their footprint, %.4f s launch-only (%.1f µs per dispatch); outputs of %.0f MiB or more on fresh pages at %@ (%.1f GB held)",
                                pass.rawValue, what, price.launches, price.gemmSeconds, model.gemmLibrary, price.memorySeconds,
                                price.dispatchOnlySeconds, model.dispatchSeconds * 1e6, EagerTimeModel.freshPageThresholdBytes / Double(1 << 20),
                                freshPages(model), resident / 1e9))
        }
    }

    /// The first-touch prices the model applied, per MB.
    static func freshPages(_ model: EagerTimeModel) -> String {
        let warm = String(format: "%.2f ms/MB", model.freshPageSecondsPerByte * 1e9)
        guard let bytes = model.warmPageBytes else { return warm }
        return warm + String(format: " within %.1f GB held, %.2f ms/MB beyond", bytes / 1e9, model.coldPageSecondsPerByte * 1e9)
    }
}
