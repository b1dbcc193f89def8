/// Bytes per parameter of mixed-precision Adam training (Rajbhandari et al. 2020, §3.1): the
/// one statement of it, read by the single-device memory report and by the ZeRO partitioning
/// of the parallel planner.
public enum AdamState {
    /// bf16 weights the forward and backward passes read.
    public static let weightBytes = 2
    /// bf16 gradients.
    public static let gradientBytes = 2
    /// fp32 master copy of the weights.
    public static let masterWeightBytes = 4
    /// fp32 first and second moments.
    public static let momentBytes = 8
    /// What the optimizer alone holds (master weights and moments): ZeRO stage 1 partitions it.
    public static let optimizerBytes = masterWeightBytes + momentBytes
    /// All of it: the ZeRO paper's 16 bytes per parameter.
    public static let totalBytes = weightBytes + gradientBytes + optimizerBytes
}
