import Workload

/// A plan evaluated for a job on an accelerator: memory per device, FLOPs, collectives, time, cost.
public struct PlanEvaluation: Sendable {
    public var config: ParallelConfig
    public var accelerator: String
    public var memory: PlanMemory
    public var fits: Bool
    /// Exact training FLOPs of one step over all devices (3 × forward + recomputation).
    public var stepFLOPs: Int128
    public var flopsPerDevice: Double
    /// Device-seconds of GEMM work at `kernelEfficiency × peak`.
    public var computeSeconds: Double
    public var bubbleSeconds: Double
    public var collectives: [Collective]
    public var stepSeconds: Double
    /// Model FLOPs utilisation implied by the step time: stepFLOPs / (devices · peak · step).
    public var mfu: Double
    public var dollarsPerStep: Double
    /// Why this plan is worse than it could be: memory, bubble, communication.
    public var weaknesses: [String]
}

extension ParallelConfig {
    /// Evaluates the plan. Assumptions (stated in the output): FLOPs split evenly over devices;
    /// data-parallel gradient traffic overlaps the backward pass (2/3 of compute) and only the
    /// excess is exposed; tensor-parallel all-reduces and pipeline sends are not overlapped.
    public func evaluate(_ job: TrainingJob, on device: Accelerator) throws -> PlanEvaluation {
        let spec = job.spec
        try validate(for: spec, globalBatch: job.globalBatch)
        let micro = job.globalBatch / (dp * microBatches)
        let parameters = try ParameterCount.report(for: spec)
        let psi = parametersPerDevice(parameters)
        var memory = modelStateComponents(psi)
        memory += activationComponents(job, micro: micro)
        let memTotal = try memory.reduce(ExactCount.zero) { $0 + $1.bytes }.checked("memory per device")
        let planMemory = PlanMemory(parametersPerDevice: try psi.checked("parameters per device"), components: memory, total: memTotal)

        let step = try FlopCounter(spec: spec).train(batch: job.globalBatch, seq: job.seq, recompute: job.recompute).total
        let perDevice = Double(step) / Double(devices)
        let compute = perDevice / (device.peakFLOPsPerSecond * job.kernelEfficiency)
        let bubble = compute * Double(pp - 1) / Double(microBatches)
        let comms = collectives(job, micro: micro, psi: Double(psi.value), device: device, backwardSeconds: compute * 2 / 3)
        let stepSeconds = compute + bubble + comms.reduce(0) { $0 + $1.exposedSeconds }
        let mfu = Double(step) / (Double(devices) * device.peakFLOPsPerSecond * stepSeconds)
        let fits = memTotal <= device.memoryBytes
        return PlanEvaluation(
            config: self, accelerator: device.name, memory: planMemory, fits: fits, stepFLOPs: step,
            flopsPerDevice: perDevice, computeSeconds: compute, bubbleSeconds: bubble, collectives: comms,
            stepSeconds: stepSeconds, mfu: mfu,
            dollarsPerStep: stepSeconds / 3600 * device.dollarsPerHour * Double(devices),
            weaknesses: weaknesses(fits: fits, memory: memTotal, device: device, compute: compute, bubble: bubble, comms: comms))
    }

    func activationComponents(_ job: TrainingJob, micro: Int) -> [MemoryComponent] {
        var parts: [MemoryComponent] = []
        let inFlight = min(pp, microBatches)   // 1F1B: the first stage holds up to P micro-batches
        for (role, stack) in job.spec.stacks {
            let perLayer = Self.activationBytesPerLayer(stack, hidden: job.spec.hiddenSize, seq: job.seq, micro: micro,
                                                       tp: tp, sp: sequenceParallel, recompute: job.recompute)
            parts.append(.init(name: "\(role.rawValue)_activations", bytes: perLayer * ExactCount.product(stack.layers / pp, inFlight),
                               formula: "\(stack.layers / pp) layers × \(inFlight) micro-batches in flight × per-layer activations (Korthikanti et al. 2022)"))
        }
        if job.spec.lmHead != nil {
            parts.append(.init(name: "logits_fp32", bytes: 4 * ExactCount.product(job.seq, micro, job.spec.vocabularySize) / ExactCount(tp),
                               formula: "4 bytes × s·b·V / tp on the last stage"))
        }
        return parts
    }

    func weaknesses(fits: Bool, memory: Int128, device: Accelerator, compute: Double, bubble: Double, comms: [Collective]) -> [String] {
        var out: [String] = []
        if !fits {
            out.append("memory: needs \(String(format: "%.1f", Double(memory) / 1e9)) GB per device, \(device.name) has \(String(format: "%.0f", Double(device.memoryBytes) / 1e9)) GB")
        }
        if bubble > 0.05 * compute { out.append("pipeline bubble: \(String(format: "%.0f", 100 * bubbleFraction)) % of the step idle") }
        for c in comms where c.exposedSeconds > 0.05 * compute {
            out.append("communication: \(c.name) exposes \(String(format: "%.2f", c.exposedSeconds)) s over \(c.link)")
        }
        return out
    }
}
