import CostModel
import Workload

/// A plan evaluated for a job on an accelerator: memory per device, FLOPs, collectives, time, cost.
public struct PlanEvaluation: Sendable {
    public var config: ParallelConfig
    public var accelerator: String
    /// Sequences per micro-batch: global batch ÷ (dp × M).
    public var microBatchSize: Int
    public var memory: PlanMemory
    public var fits: Bool
    /// Exact training FLOPs of one step over all devices, as the hardware runs them
    /// (3 × forward + the recomputed forward).
    public var stepFLOPs: Int128
    /// Exact model FLOPs of one step: 3 × forward, no recomputation (what MFU counts).
    public var modelStepFLOPs: Int128
    /// Step FLOPs ÷ devices, the nearest `Double` (an even split; a figure for time, not a count).
    public var flopsPerDevice: Double
    /// The busiest device's compute for the step, operation by operation (`DeviceStepTime`).
    public var computeTime: Seconds
    /// How `computeTime` splits: weight GEMMs, attention, other compute, element-wise, optimizer.
    public var deviceTime: DeviceStepTime
    /// 1F1B pipeline idle time: `compute × (P − 1)/(v·M)` (v = 1 without interleaving).
    public var bubbleTime: Seconds
    public var collectives: [Collective]
    /// compute + bubble + exposed communication.
    public var stepTime: Seconds
    /// Model FLOPs utilisation: modelStepFLOPs / (devices · peak · step) — recomputation not counted.
    public var mfu: Double
    /// Hardware FLOPs utilisation: stepFLOPs / (devices · peak · step) — recomputation counted.
    public var hfu: Double
    /// The step's time on every device at the hourly price.
    public var dollarsPerStep: Dollars
    /// Why this plan is worse than it could be: memory, bubble, communication.
    public var weaknesses: [String]
    /// Why it ranks below the winner of a search, from the numbers (nil outside a ranking).
    public var versusBest: String?

    /// Exposed time of one parallel dimension's collectives (`DP`, `TP`, `PP`, `EP`).
    public func exposedTime(_ group: String) -> Seconds {
        collectives.filter { $0.group == group }.reduce(Seconds.zero) { $0 + $1.exposedTime }
    }

    /// Time of one parallel dimension's collectives, hidden or not.
    public func communicationTime(_ group: String) -> Seconds {
        collectives.filter { $0.group == group }.reduce(Seconds.zero) { $0 + $1.time }
    }
}

/// What a job costs regardless of the split: exact parameters and FLOPs of one step, and the
/// model's operations (what each layer keeps and how it shards), built once for a whole search.
public struct JobCounts: Sendable {
    public var parameters: ParameterReport
    public var stepFLOPs: Int128
    public var modelStepFLOPs: Int128
    /// The step's exact FLOPs by component (the attention core and scans are priced from it).
    public var stepReport: FlopReport
    public var operations: ModelOperations
    /// Attention-core FLOPs of the step as FlashAttention runs them, and the step's other
    /// non-GEMM compute (`DeviceStepTime`): folded once, not per plan.
    var flashAttentionFLOPs = 0.0, otherComputeFLOPs = 0.0

    /// Counts `job` once; `ParallelConfig.evaluate(_:counts:on:)` then prices any number of
    /// splits without recounting.
    public init(_ job: TrainingJob) throws {
        operations = ModelOperations(job.spec)
        let counter = try FlopCounter(spec: job.spec)
        parameters = try operations.parameterReport()
        stepReport = try counter.train(batch: job.globalBatch, seq: job.seq, recompute: job.recompute)
        stepFLOPs = stepReport.total
        flashAttentionFLOPs = Self.flashAttentionFLOPs(stepReport, operations, recompute: job.recompute)
        otherComputeFLOPs = Self.otherComputeFLOPs(stepReport)
        modelStepFLOPs = job.recompute == .none ? stepFLOPs : try counter.train(batch: job.globalBatch, seq: job.seq, recompute: .none).total
    }
}

extension ParallelConfig {
    /// Evaluates the plan. Assumptions (stated in the output): FLOPs split evenly over devices;
    /// time = compute + bubble + exposed communication; data-parallel traffic overlaps only the
    /// compute of the window it can run in (see `OverlapWindow`), tensor-parallel all-reduces,
    /// pipeline sends and expert all-to-alls are not overlapped.
    public func evaluate(_ job: TrainingJob, on device: Accelerator) throws -> PlanEvaluation {
        try evaluate(job, counts: try JobCounts(job), on: device)
    }

    /// As `evaluate(_:on:)`, with the job's counts made once for a whole search.
    public func evaluate(_ job: TrainingJob, counts: JobCounts, on device: Accelerator) throws -> PlanEvaluation {
        let (micro, shard, planMemory) = try memory(job, counts: counts)
        let memTotal = planMemory.total

        let step = counts.stepFLOPs
        let perDevice = Double(step) / Double(devices)
        let deviceTime = deviceStepTime(job, counts: counts, micro: micro, memory: planMemory, on: device)
            .onUnitShare(computeUnitShare(on: device))
        let compute = deviceTime.total
        // 1F1B: (P − 1) micro-batch slots idle of M + P − 1, i.e. (P − 1)/M of the compute; the
        // interleaved schedule's slots are 1/v as long: (P − 1)/(v·M).
        let bubble = compute * Double(pp - 1) / (Double(virtualStages) * Double(microBatches))
        let comms = collectives(job, micro: micro, shard: shard, device: device, compute: compute, operations: counts.operations)
        let stepTime = compute + bubble + comms.reduce(Seconds.zero) { $0 + $1.exposedTime }
        // Device-FLOPs the step could have run at peak: the denominator of MFU and HFU.
        let capacity = Double(devices) * device.peak.value * stepTime.value
        let fits = memTotal <= device.memoryBytes
        return PlanEvaluation(
            config: self, accelerator: device.name, microBatchSize: micro, memory: planMemory, fits: fits, stepFLOPs: step,
            modelStepFLOPs: counts.modelStepFLOPs, flopsPerDevice: perDevice, computeTime: compute, deviceTime: deviceTime, bubbleTime: bubble,
            collectives: comms, stepTime: stepTime, mfu: Double(counts.modelStepFLOPs) / capacity, hfu: Double(step) / capacity,
            dollarsPerStep: device.pricePerHour.cost(for: stepTime) * Double(devices),
            weaknesses: weaknesses(fits: fits, memory: memTotal, device: device, compute: compute, bubble: bubble, comms: comms),
            versusBest: nil)
    }

    /// The plan's memory on the busiest device (after checking the plan against the model and
    /// batch): what deciding whether it fits needs, without pricing its step.
    func memory(_ job: TrainingJob, counts: JobCounts) throws -> (micro: Int, shard: ParameterShard, memory: PlanMemory) {
        let spec = job.spec
        try validate(for: spec, globalBatch: job.globalBatch)
        let micro = job.globalBatch / (dp * microBatches)
        let shard = parameterShard(counts.parameters, layers: spec.stacks.reduce(0) { $0 + $1.stack.layers })
        var memory = modelStateComponents(shard)
        memory += activationComponents(job, micro: micro, operations: counts.operations)
        let memTotal = try memory.reduce(ExactCount.zero) { $0 + $1.bytes }.checked("memory per device")
        return (micro, shard, PlanMemory(parametersPerDevice: try shard.total.checked("parameters per device"),
                                         expertParametersPerDevice: try shard.experts.checked("expert parameters per device"),
                                         components: memory, total: memTotal))
    }

    /// Whether the plan's memory fits the device (no step priced).
    func fits(_ job: TrainingJob, counts: JobCounts, on device: Accelerator) -> Bool {
        guard let m = try? memory(job, counts: counts) else { return false }
        return m.memory.total <= device.memoryBytes
    }

    func activationComponents(_ job: TrainingJob, micro: Int, operations: ModelOperations) -> [MemoryComponent] {
        var parts: [MemoryComponent] = []
        let inFlight = min(pp, microBatches)   // 1F1B: the first stage holds up to P micro-batches
        // Interleaving keeps (1 + (P − 1)/(P·v)) times as much in flight (Korthikanti et al. 2022, §4.2.3).
        let v = ExactCount(virtualStages), p = ExactCount(pp)
        let interleaved = virtualStages > 1 && pp > 1
        for stackOperations in operations.stacks {
            let role = stackOperations.role, stack = stackOperations.spec
            let perLayer = Self.activationBytesPerLayer(stackOperations, hidden: job.spec.hiddenSize, seq: job.seq, micro: micro,
                                                       tp: tp, sp: sequenceParallel, recompute: job.recompute)
            var bytes = perLayer * ExactCount.product(stageLayers(stack.layers), inFlight)
            if interleaved {
                let chunks: ExactCount = p * v
                let numerator: ExactCount = chunks + p - ExactCount(1)
                bytes = (bytes * numerator + chunks - ExactCount(1)) / chunks
            }
            parts.append(.init(name: "\(role.rawValue)_activations", bytes: bytes,
                               formula: "\(stageLayers(stack.layers)) layers × \(inFlight) micro-batches in flight"
                                   + (interleaved ? " × (1 + (P − 1)/(P·v)), v = \(virtualStages)" : "")
                                   + " × per-layer activations of b = \(micro) (Korthikanti et al. 2022, \(job.recompute.rawValue) recomputation\(sequenceParallel ? ", sequence parallel" : ""))"))
        }
        if job.spec.lmHead != nil {
            parts.append(.init(name: "logits_fp32", bytes: 4 * ExactCount.product(job.seq, micro, job.spec.vocabularySize) / ExactCount(tp),
                               formula: "4 bytes × s·b·V / tp on the last stage"))
        }
        return parts
    }

    func weaknesses(fits: Bool, memory: Int128, device: Accelerator, compute: Seconds, bubble: Seconds, comms: [Collective]) -> [String] {
        var out: [String] = []
        if !fits {
            out.append("memory: needs \(String(format: "%.1f", Double(memory) / 1e9)) GB per device, \(device.name) has \(String(format: "%.0f", Double(device.memoryBytes) / 1e9)) GB")
        }
        if bubble > compute * 0.05 { out.append("pipeline bubble: \(String(format: "%.0f", 100 * bubbleFraction)) % of the step idle") }
        for c in comms where c.exposedTime > compute * 0.05 {
            out.append("communication: \(c.name) exposes \(String(format: "%.2f", c.exposedTime.value)) s over \(c.link.name)")
        }
        return out
    }
}
