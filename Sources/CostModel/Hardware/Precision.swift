/// Arithmetic formats a datasheet quotes a peak for. `fp16` and `bf16` share the tensor-core
/// peak on every device in the catalog. `fp4` is NVIDIA Blackwell's NVFP4/MXFP4 tensor rate.
public enum Precision: String, Sendable, CaseIterable, Codable {
    case fp32, tf32, bf16, fp16, fp8, fp4, int8
}
