/// Gated DeltaNet linear attention (Yang et al. 2024) in place of softmax attention, in
/// transformers' names (`Qwen3NextGatedDeltaNet`):
///
/// - `in_proj_qkvz` d→(q and k, `keyHeads × keyHeadDim` each; v and the output gate z,
///   `valueHeads × valueHeadDim` each) and `in_proj_ba` d→2·`valueHeads` (β and the decay input a);
/// - a depthwise causal `conv1d` of `convKernel` (no bias) over q, k and v, then SiLU;
/// - the gated delta rule per value head (each key head serves `valueHeads / keyHeads` of them)
///   with `A_log` and `dt_bias` per value head: over chunks of `chunkSize` for a prompt,
///   one recurrent step for a cached token;
/// - a gated RMSNorm over each value head (`valueHeadDim` weights, shared by the heads), `out_proj`.
///
/// What a sequence keeps for decoding is fixed: the conv window (`convKernel` columns of q, k
/// and v) and one `keyHeadDim × valueHeadDim` state per value head, whatever the context.
public struct LinearAttentionSpec: Codable, Sendable, Equatable {
    /// `linear_num_key_heads`: query and key heads.
    public var keyHeads: Int
    /// `linear_num_value_heads`: value heads, one state each (a multiple of `keyHeads`).
    public var valueHeads: Int
    /// `linear_key_head_dim`.
    public var keyHeadDim: Int
    /// `linear_value_head_dim`.
    public var valueHeadDim: Int
    /// `linear_conv_kernel_dim`.
    public var convKernel: Int
    /// The chunk the prompt's delta rule runs over; transformers' `torch_chunk_gated_delta_rule`
    /// (and flash-linear-attention's kernels) use 64, padding the sequence to a multiple of it.
    public var chunkSize: Int

    public init(keyHeads: Int, valueHeads: Int, keyHeadDim: Int, valueHeadDim: Int, convKernel: Int = 4, chunkSize: Int = 64) {
        self.keyHeads = keyHeads; self.valueHeads = valueHeads; self.keyHeadDim = keyHeadDim
        self.valueHeadDim = valueHeadDim; self.convKernel = convKernel; self.chunkSize = chunkSize
    }

    enum CodingKeys: String, CodingKey { case keyHeads, valueHeads, keyHeadDim, valueHeadDim, convKernel, chunkSize }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        keyHeads = try c.decode(Int.self, forKey: .keyHeads)
        valueHeads = try c.decode(Int.self, forKey: .valueHeads)
        keyHeadDim = try c.decode(Int.self, forKey: .keyHeadDim)
        valueHeadDim = try c.decode(Int.self, forKey: .valueHeadDim)
        convKernel = try c.decodeIfPresent(Int.self, forKey: .convKernel) ?? 4
        chunkSize = try c.decodeIfPresent(Int.self, forKey: .chunkSize) ?? 64
    }

    /// Width of q (and of k): `keyHeads × keyHeadDim`.
    public var keyWidth: Int { keyHeads * keyHeadDim }
    /// Width of v (and of the gate z): `valueHeads × valueHeadDim`.
    public var valueWidth: Int { valueHeads * valueHeadDim }
    /// Channels of the depthwise conv: q, k and v.
    public var convChannels: Int { 2 * keyWidth + valueWidth }
    /// Outputs of `in_proj_qkvz` and `in_proj_ba` together: q, k, v, z, β and a.
    public var inProjectionWidth: Int { 2 * keyWidth + 2 * valueWidth + 2 * valueHeads }
    /// Conv-window elements one layer keeps per sequence (`convKernel` columns per channel).
    public var convElements: Int { convChannels * convKernel }
    /// Recurrent-state elements one layer keeps per sequence: `keyHeadDim × valueHeadDim` per value head.
    public var stateElements: Int { valueHeads * keyHeadDim * valueHeadDim }
    /// Chunks of `chunkSize` a call over `tokens` positions runs (the last one padded).
    public func chunks(_ tokens: Int) -> Int { (tokens + chunkSize - 1) / chunkSize }
}
