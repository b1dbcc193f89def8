import Workload

/// What a whole-model measurement runs: a model's real layers at full width over `seq` tokens,
/// one sequence, then its LM head.
public struct ModelPassConfiguration: Sendable {
    public var model: ModelSpec
    /// Tokens of the one sequence the pass runs.
    public var seq: Int
    /// Worker and OpenBLAS threads; `nil` means one per online CPU.
    public var threads: Int?
    /// Seconds the timed forward runs of the layer stack may take (warm-up included). It decides
    /// how many distinct layers run back to back; the rest of the depth is scaled by layer count.
    public var timeBudgetSeconds: Double
    /// Also time the backward pass (attention and FFN blocks, LM head).
    public var includeBackward: Bool
    /// Square SGEMM sizes whose fastest is the "best SGEMM" the rule is priced at.
    public var referenceSquareSizes: [Int]

    public init(model: ModelSpec, seq: Int, threads: Int? = nil, timeBudgetSeconds: Double = 20, includeBackward: Bool = true,
                referenceSquareSizes: [Int] = [1024, 2048]) {
        self.model = model; self.seq = seq; self.threads = threads
        self.timeBudgetSeconds = timeBudgetSeconds; self.includeBackward = includeBackward
        self.referenceSquareSizes = referenceSquareSizes
    }

    /// Threads the run uses.
    var resolvedThreads: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// A GEMM the model issues, timed alone on this host: the rate the per-kernel prediction prices
/// that part of the count at.
public struct GEMMRate: Codable, Sendable, Equatable {
    /// `qkv`, `attention_output`, `ffn_input`, `ffn_output`, `attention_scores`,
    /// `attention_values`, `lm_head`, or `square_<n>` for the best-SGEMM reference sizes.
    public var role: String
    public var m: Int
    public var n: Int
    public var k: Int
    public var gflops: Double
}

/// Seconds a model's forward (and backward) pass takes on this host, from the layers that ran
/// scaled to the model's depth, and the FLOPs the kernels issued.
public struct ModelPassMeasurement: Codable, Sendable, Equatable {
    public var model: String
    public var seq: Int
    public var threads: Int
    /// The layer every measured layer has (the model's decoder stack, else its encoder).
    public var shape: LayerShape
    /// Layers in the model's stack.
    public var layers: Int
    /// Distinct layers (own weights) that ran back to back in the timed stack.
    public var layersMeasured: Int
    /// One layer's forward seconds: median time of the stack ÷ `layersMeasured`.
    public var layerForwardSeconds: Double
    /// One layer's backward seconds: attention backward + FFN backward (median each).
    public var layerBackwardSeconds: Double?
    /// LM-head forward seconds (0 without a head).
    public var headForwardSeconds: Double
    /// LM-head backward seconds (`dX` and `dW` GEMMs).
    public var headBackwardSeconds: Double?
    /// Rows of logits computed per LM-head GEMM (the sequence is chunked to bound memory).
    public var headRowsPerChunk: Int
    /// FLOPs one layer's forward issued (`matmul` convention).
    public var layerFLOPs: Int
    /// FLOPs the LM head's forward issued.
    public var headFLOPs: Int
    /// The fastest of the reference SGEMMs timed in the same run.
    public var bestSGEMMGflops: Double
    public var gemmRates: [GEMMRate]
    /// How the figures were obtained and what was left out.
    public var notes: [String]
    /// Eager PyTorch's per-operator rates on this host (GEMM shapes, pass rates, dispatch), for the
    /// `pytorch_eager` predictions; nil for a model the lowering does not cover.
    public var eager: EagerTimeModel? = nil

    /// Whether llmcost's own layers ran (not for an encoder–decoder, which gets eager PyTorch's
    /// predicted time alone): without them there is no measured pass to hold a rule against.
    public var referencePassRan: Bool { layersMeasured > 0 }

    /// The whole model's forward seconds: `layers × layer + head`.
    public var forwardSeconds: Double { Double(layers) * layerForwardSeconds + headForwardSeconds }
    /// The whole model's backward seconds, when measured.
    public var backwardSeconds: Double? {
        guard let layer = layerBackwardSeconds else { return nil }
        return Double(layers) * layer + (headBackwardSeconds ?? 0)
    }
    /// FLOPs the whole model's forward issues (`layers × layer + head`).
    public var forwardFLOPs: Int128 { Int128(layers) * Int128(layerFLOPs) + Int128(headFLOPs) }

    /// The rate of the GEMM with this role, if it was timed.
    public func rate(_ role: String) -> Double? { gemmRates.first { $0.role == role }?.gflops }

    enum CodingKeys: String, CodingKey {
        case model, seq, threads, shape, layers, notes
        case layersMeasured = "layers_measured", layerForwardSeconds = "layer_forward_seconds"
        case layerBackwardSeconds = "layer_backward_seconds", headForwardSeconds = "head_forward_seconds"
        case headBackwardSeconds = "head_backward_seconds", headRowsPerChunk = "head_rows_per_chunk"
        case layerFLOPs = "layer_flops", headFLOPs = "head_flops", bestSGEMMGflops = "best_sgemm_gflops"
        case gemmRates = "gemm_rates", eager = "eager_time_model"
    }
}

import Foundation
