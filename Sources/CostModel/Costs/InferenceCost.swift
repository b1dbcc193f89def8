import Workload
/// What serving costs: a batch of B requests, each a P-token prompt and N generated tokens.
public struct InferenceCost: Sendable {
    public var model: String
    public var promptTokens: Int
    public var outputTokens: Int
    public var batch: Int
    public var devices: Int
    public var prefill: RooflineStep
    /// The first and last decode steps (N − 1 steps; the prefill yields the first token).
    public var firstDecodeStep: RooflineStep?
    public var lastDecodeStep: RooflineStep?
    public var memoryBoundSteps: Int
    public var computeBoundSteps: Int
    public var prefillTime: Seconds
    public var decodeTime: Seconds
    /// Tensor-parallel all-reduce time inside `prefillTime` and `decodeTime`.
    public var communicationTime: Seconds
    /// Wall-clock time of the whole batch: the per-operation steps where `predicted` is given,
    /// else the roofline's.
    public var batchTime: Seconds
    /// The steps operation by operation that priced the batch (nil: the roofline priced it).
    public var predicted: PredictedGeneration?
    /// The predicted batch time split by what bounds each part (nil on the roofline).
    public var predictedBreakdown: PredictedGeneration.Breakdown? {
        predicted?.breakdown(decodeSteps: outputTokens - 1)
    }
    /// The prompt and the decode steps on the roofline at the profile's MFU and bandwidth
    /// utilisation, with the same all-reduces (what prices the batch where `predicted` is nil).
    public var rooflinePrefillTime: Seconds
    public var rooflineDecodeTime: Seconds
    public var rooflineBatchTime: Seconds { rooflinePrefillTime + rooflineDecodeTime }
    /// Model FLOPs of the batch: every prompt token's prefill and every decode step's.
    public var modelFLOPs: Double
    /// Model FLOPs ÷ (batch time × datasheet peak × G): from the per-operation steps a
    /// prediction; on the roofline at most the stated MFU (equal when every step is compute-bound).
    public var mfu: Double
    public var dollarsPerBatch: Dollars
    public var dollarsPerRequest: Dollars
    /// Per 1,000 generated tokens.
    public var dollarsPer1KOutputTokens: Dollars
    /// Per 1,000 tokens processed (prompt + generated).
    public var dollarsPer1KTokens: Dollars
    /// Device-seconds one request occupies: `batch time × G ÷ B`.
    public var deviceTimePerRequest: Seconds
    /// Weights + KV cache of the batch at the end of generation.
    public var memoryBytes: Double
    public var memory: Bytes { Bytes(memoryBytes) }
    public var explanation: [Explanation]
    public var notes: [InputMessage]

    /// ```
    /// prefill      = max(B·P·prefillFLOPsPerToken ÷ (peak·MFU·G), weightsRead(B·P) ÷ (bandwidth·u_bw·G))
    /// decode step  = max(B·decodeFLOPs(c) ÷ (peak·MFU·G),
    ///                    (weightsRead(B) + B·kvBytesPerToken·c) ÷ (bandwidth·u_bw·G))   c = P … P+N−2
    /// weightsRead(T) = dense weights + routed experts · (1 − (1 − k/E)^T)   (uniform routing; `WeightTraffic`)
    /// $/request    = (prefill + Σ steps) × $/h × G ÷ 3600 ÷ B
    /// $/1K output  = $/request ÷ N × 1000
    /// ```
    /// Weights are read once per step for the whole batch — a mixture's routed experts only as far
    /// as the step's tokens reach them, an untied input embedding (and learned positions) only in
    /// the rows the step's tokens gather; each sequence reads its own KV cache.
    /// G devices act as one tensor-parallel group with G× the FLOP/s, bandwidth and price, plus
    /// the group's all-reduce time per step when `communication` is given.
    /// Where `predicted` is given (the plan library's steps operation by operation, their
    /// all-reduces inside), its steps price the batch and the roofline is reported beside them.
    /// The sizes a request is costed for, from the one table `Limits`: prompt 1…2^30 tokens,
    /// 1…131072 new tokens, batch 1…2^20, 1…2^20 devices; each out-of-range size is an error
    /// naming its own parameter.
    public static func checkSizes(promptTokens: Int, outputTokens: Int, batch: Int, devices: Int) throws(CostError) {
        try CostError.count(promptTokens, .promptTokens, maximum: CostLimits.sequence)
        try CostError.count(outputTokens, .newTokens, maximum: CostLimits.newTokens)
        try CostError.count(batch, .batch, maximum: CostLimits.batch)
        try CostError.count(devices, .devices, maximum: CostLimits.devices)
    }

    /// Why an encoder-only model (BERT) has no serving cost per generated token: it encodes but
    /// generates nothing, so a decode would be priced for work it cannot do.
    public static func encoderOnly(_ name: String) -> CostError {
        CostError(.newTokens, "\(name) has no decoder with an LM head: it encodes but generates no tokens, "
            + "so there is no serving cost per generated token to price (its training cost and the FLOPs of one encoding are)")
    }

    /// Seconds a tensor-parallel group spends communicating in a step of `tokens` tokens
    /// (computed by the plan library, which owns the interconnect model), and where it came from.
    public struct Communication: Sendable {
        public var secondsForTokens: @Sendable (Int) -> Double
        public var source: String
        public init(source: String, secondsForTokens: @escaping @Sendable (Int) -> Double) {
            self.source = source; self.secondsForTokens = secondsForTokens
        }
    }

    /// Prices one batch of `batch` requests on `devices` devices: the prompt and then each decode
    /// step on the roofline — the longer of its FLOPs at the effective throughput and its bytes
    /// (the weights once per step, each sequence's KV cache) at the effective bandwidth. A prompt
    /// is usually compute-bound and a decode step memory-bound, so the batch size changes the
    /// price per request, as it does in serving.
    /// - Parameters:
    ///   - model: exact figures (`ModelFigures(spec:sequenceLength:)`); an encoder-only model is
    ///     refused, since it generates no tokens.
    ///   - promptTokens: P, the tokens of each request's prompt (one prefill).
    ///   - outputTokens: N, the tokens each request generates (the prefill yields the first).
    ///   - batch: B requests served together, sharing each step's weight reads.
    ///   - hardware: a device with a memory bandwidth (the decode roofline needs one).
    ///   - devices: G devices the batch runs on, their throughput and bandwidth summed.
    ///   - communication: tensor-parallel time per step from the planner, when `devices` > 1 split
    ///     one replica; nil: no communication priced.
    ///   - predicted: the prefill and mean decode step of this batch on these devices, operation
    ///     by operation; nil: the roofline prices the batch.
    public static func estimate(model: ModelFigures, promptTokens: Int, outputTokens: Int, batch: Int = 1,
                                hardware: HardwareProfile, devices: Int = 1,
                                communication: Communication? = nil,
                                predicted: PredictedGeneration? = nil) throws(CostError) -> InferenceCost {
        try checkSizes(promptTokens: promptTokens, outputTokens: outputTokens, batch: batch, devices: devices)
        guard model.generates else { throw encoderOnly(model.name) }
        guard let bandwidth1 = hardware.effectiveBandwidth, let datasheetBandwidth = hardware.bandwidth else {
            throw CostError(.hardware, "\(hardware.name) has no memory bandwidth; the decode roofline needs one")
        }
        let G = Double(devices), B = Double(batch)
        let throughput = hardware.effectiveThroughput * G, bandwidth = bandwidth1 * G
        let weights = Double(model.weightBytes), kv = Double(model.kvCacheBytesPerToken)
        let traffic = model.weightTraffic
        let prefillTokens = batch.multipliedReportingOverflow(by: promptTokens)
        let prefillWeights = Double(traffic.bytes(tokens: prefillTokens.overflow ? Int.max : prefillTokens.partialValue))
        let stepWeights = Double(traffic.bytes(tokens: batch))

        let prefill = RooflineStep(context: 0, flops: B * Double(promptTokens) * model.prefillFLOPsPerToken.value,
                                   bytes: prefillWeights + B * kv * Double(promptTokens), throughput: throughput, bandwidth: bandwidth)
        // Communication is added to every step, never overlapped (decode steps are too short to hide it).
        let prefillCommunication = Seconds(communication?.secondsForTokens(batch * promptTokens) ?? 0)
        let stepCommunication = Seconds(communication?.secondsForTokens(batch) ?? 0)
        var rooflineDecode = Seconds.zero, first: RooflineStep?, last: RooflineStep?, memoryBound = 0, decodeFLOPs = 0.0
        for context in promptTokens..<(promptTokens + outputTokens - 1) {
            let step = RooflineStep(context: context, flops: B * Double(model.decodeFLOPs(context: context)),
                                    bytes: stepWeights + B * kv * Double(context), throughput: throughput, bandwidth: bandwidth)
            rooflineDecode = rooflineDecode + step.time + stepCommunication
            decodeFLOPs += step.flops
            if step.bound == .memory { memoryBound += 1 }
            if first == nil { first = step }
            last = step
        }
        let steps = outputTokens - 1
        let rooflinePrefill = prefill.time + prefillCommunication
        let prefillTime = predicted?.prefill.total ?? rooflinePrefill
        let decodeTime = predicted.map { $0.meanDecodeStep.total * Double(steps) } ?? rooflineDecode
        let communicationTime = predicted.map { $0.prefill.communication + $0.meanDecodeStep.communication * Double(steps) }
            ?? prefillCommunication + stepCommunication * Double(steps)
        let batchTime = prefillTime + decodeTime
        let modelFLOPs = prefill.flops + decodeFLOPs
        let mfu = modelFLOPs / (batchTime.value * hardware.peak.value * G)
        let price = hardware.pricePerHour * G
        let perBatch = price.cost(for: batchTime)
        let perRequest = perBatch / B
        let per1KOut = perRequest / Double(outputTokens) * 1000
        let per1K = perRequest / Double(promptTokens + outputTokens) * 1000
        try CostError.finite(per1K.value, .newTokens)
        let memory = weights + B * kv * Double(promptTokens + outputTokens)

        var notes: [InputMessage] = []
        if let predicted {
            notes.append("prefill and decode steps priced operation by operation (\(predicted.source)); the roofline at MFU \(String(format: "%.3f", hardware.utilisation)) and bandwidth utilisation \(String(format: "%.3f", hardware.bandwidthUtilisation)) gives \(rooflinePrefill + rooflineDecode) for the batch")
            notes += predicted.notes
        }
        if predicted != nil, devices > 1 {
            notes.append("tensor parallelism over \(devices) devices: \(communicationTime) of all-reduces per batch, inside the per-operation steps, not overlapped")
        } else if let communication, devices > 1 {
            notes.append("tensor parallelism over \(devices) devices: \(communicationTime) of all-reduces per batch (\(communication.source)), added to every step, not overlapped")
        } else if devices > 1 {
            notes.append("tensor parallelism over \(devices) devices: communication not modelled for this hardware (no interconnect known: a measured profile, or a device whose links the catalog lacks)")
        }
        if promptTokens != model.sequenceLength, model.sequenceLength > 1 {
            notes.append("prefill FLOPs per token were counted at \(model.sequenceLength) tokens and applied to a \(promptTokens)-token prompt")
        }
        if let gb = hardware.memoryGigabytes, memory > gb * 1e9 * G {
            notes.append("weights + KV cache (\(Bytes(memory))) exceed the memory of \(devices) × \(Quantity.grouped(gb, fractionDigits: 0)) GB; raise \(InputParameter.devices)")
        }
        if model.kvCacheBytesPerToken == 0 { notes.append("no KV cache in the figures (rule model): decode bytes are the weights only") }
        if traffic.routedExperts > 0 {
            notes.append("mixture of experts: FLOPs follow the \(model.activeParameters) active parameters; a decode step reads the dense weights and the routed experts its \(batch) tokens reach — "
                + "\(traffic.describe(tokens: batch)): \(Bytes(stepWeights)) of \(Bytes(weights)) of weights per step")
        }

        let balance = throughput.value / bandwidth.value
        let roofline = predicted == nil ? "" : " (roofline)"
        var explanation = [
            Explanation("prefill time" + roofline, formula: "max(B·P·prefillFLOPsPerToken ÷ (peak·MFU·G), bytes ÷ (bandwidth·u_bw·G))", inputs: [
                .init("B", String(batch), "sequences"), .init("P", String(promptTokens), "tokens"),
                .init("prefillFLOPsPerToken", String(format: "%.6g", model.prefillFLOPsPerToken.value), "FLOP", source: model.name),
                .init("peak·MFU", hardware.effectiveThroughput.description, "", citing: hardware.sources["utilisation"] ?? "stated"),
                .init("G", String(devices), "devices"),
            ], result: "\(rooflinePrefill) (\(prefill.bound.rawValue)-bound)"),
            Explanation("decode time" + roofline, formula: "Σ over N−1 steps of max(B·decodeFLOPs(c) ÷ (peak·MFU·G), (weightsRead(B) + B·kvBytesPerToken·c) ÷ (bandwidth·u_bw·G)); weightsRead(B) = dense + routed experts · (1 − (1 − k/E)^B)", inputs: [
                .init("N", String(outputTokens), "tokens"),
                .init("decodeFLOPs(P)", String(model.decodeFLOPs(context: promptTokens)), "FLOP/sequence", source: model.name),
                .init("weightBytes", String(model.weightBytes), "B", source: "Workload.MemoryEstimator, \(model.weightStorage)"),
                .init("weightsRead(B)", String(format: "%.0f", stepWeights), "B",
                      source: traffic.routedExperts > 0 ? traffic.describe(tokens: batch) : "every weight, every step"),
                .init("kvBytesPerToken", String(model.kvCacheBytesPerToken), "B", source: "Workload.MemoryEstimator"),
                .init("bandwidth", datasheetBandwidth.description, "", citing: hardware.sources["bandwidth"] ?? "stated"),
                .init("u_bw", CostError.trim(hardware.bandwidthUtilisation), "", citing: hardware.sources["bandwidth_utilisation"] ?? "stated"),
                .init("bandwidth·u_bw", bandwidth1.description, "", source: "effective bandwidth"),
                .init("machine balance", String(format: "%.1f", balance), "FLOP/B", source: "peak·MFU ÷ (bandwidth·u_bw)"),
                .init("communication per step", stepCommunication.description, "", source: communication?.source ?? "none (1 device or not modelled)"),
            ], result: "\(rooflineDecode) (\(memoryBound) of \(steps) steps memory-bound)"),
            Explanation("dollars per request", formula: "(prefill + decode) × $/h × G ÷ 3600 ÷ B", inputs: [
                .init("$/h", hardware.pricePerHour.description, "", citing: hardware.sources["price"] ?? "stated"),
            ], result: perRequest.description),
            Explanation("dollars per 1K output tokens", formula: "$/request ÷ N × 1000", inputs: [
                .init("N", String(outputTokens), "tokens"),
            ], result: per1KOut.description),
            Explanation("dollars per 1K tokens", formula: "$/request ÷ (P + N) × 1000", inputs: [
                .init("P + N", String(promptTokens + outputTokens), "tokens"),
            ], result: per1K.description),
            Explanation("memory", formula: "weightBytes + B·kvBytesPerToken·(P + N)", inputs: [
                .init("weightBytes", String(model.weightBytes), "B", source: "Workload.MemoryEstimator"),
                .init("kvBytesPerToken", String(model.kvCacheBytesPerToken), "B", source: "Workload.MemoryEstimator"),
            ], result: Bytes(memory).description),
        ]
        if let predicted { explanation.insert(contentsOf: Self.explain(predicted, steps: steps), at: 2) }
        return InferenceCost(
            model: model.name, promptTokens: promptTokens, outputTokens: outputTokens, batch: batch, devices: devices,
            prefill: prefill, firstDecodeStep: first, lastDecodeStep: last, memoryBoundSteps: memoryBound,
            computeBoundSteps: steps - memoryBound, prefillTime: prefillTime, decodeTime: decodeTime,
            communicationTime: communicationTime, batchTime: batchTime, predicted: predicted,
            rooflinePrefillTime: rooflinePrefill, rooflineDecodeTime: rooflineDecode, modelFLOPs: modelFLOPs, mfu: mfu,
            dollarsPerBatch: perBatch, dollarsPerRequest: perRequest, dollarsPer1KOutputTokens: per1KOut,
            dollarsPer1KTokens: per1K, deviceTimePerRequest: batchTime * G / B, memoryBytes: memory,
            explanation: explanation, notes: notes)
    }

    /// How a part of a per-operation step is timed, for the explanation.
    static func source(of kind: PredictedGeneration.Step.Kind) -> String {
        switch kind {
        case .kernel: "max(FLOPs ÷ rate, bytes ÷ bandwidth), see the notes"
        case .communication: "all-reduces, not overlapped"
        case .fixed: "layers × the fitted per-layer fixed cost, see the notes"
        }
    }

    /// The per-operation steps part by part: what the explanation shows beside the roofline's
    /// two terms.
    static func explain(_ predicted: PredictedGeneration, steps: Int) -> [Explanation] {
        func inputs(_ step: PredictedGeneration.Step) -> [Explanation.Input] {
            step.parts.map { .init($0.name, $0.time.description, "", source: Self.source(of: $0.kind)) }
        }
        return [
            Explanation("prefill time", formula: "Σ parts, one after another", inputs: inputs(predicted.prefill),
                        result: predicted.prefill.total.description),
            Explanation("decode time", formula: "(N − 1) × the step at the mean cached length, Σ parts", inputs: inputs(predicted.meanDecodeStep)
                        + [.init("N − 1", String(steps), "steps")],
                        result: (predicted.meanDecodeStep.total * Double(steps)).description),
        ]
    }
}
