import Workload

extension ParallelConfig {
    /// Which link a group of `size` ranks, `stride` apart in rank order, runs over: TP is
    /// innermost, then DP, then PP (Megatron-LM's order); a group inside one node uses NVLink.
    func link(size: Int, stride: Int, _ device: Accelerator) -> Interconnect {
        size * stride <= device.devicesPerNode ? device.intraNode : device.interNode
    }

    func collectives(_ job: TrainingJob, micro: Int, psi: Double, device: Accelerator, backwardSeconds: Double) -> [Collective] {
        let spec = job.spec, h = Double(spec.hiddenSize), s = Double(job.seq), b = Double(micro)
        var out: [Collective] = []
        func time(_ bytes: Double, _ steps: Double, _ link: Interconnect) -> Double {
            bytes / link.bytesPerSecond + steps * link.latencySeconds
        }
        // Data parallel: bf16 gradients all-reduced (ZeRO 1/2: reduce-scatter + all-gather, the
        // same volume); ZeRO-3 all-gathers parameters in forward and backward as well (1.5×).
        if dp > 1 {
            let l = link(size: dp, stride: tp, device)
            var bytes = Ring.allReduce(2 * psi, dp)
            if zero >= 3 { bytes += 2 * Ring.gather(2 * psi, dp) / 2 }
            let t = time(bytes, Ring.allReduceSteps(dp), l)
            out.append(Collective(name: zero >= 3 ? "dp_zero3_gather_reduce" : "dp_gradient_allreduce", bytesPerDevice: bytes,
                                  link: l.name, seconds: t, exposedSeconds: max(0, t - backwardSeconds),
                                  overlap: "overlapped with the backward pass; the excess is exposed"))
        }
        let layers = Double(spec.stacks.reduce(0) { $0 + $1.stack.layers }) / Double(pp)
        // Tensor parallel: per layer 2 all-reduces forward + 2 backward of b·s·h bf16 activations
        // (with sequence parallelism: all-gather + reduce-scatter pairs of the same volume).
        if tp > 1 {
            let l = link(size: tp, stride: 1, device)
            let message = 2 * b * s * h
            let count = 4 * layers * Double(microBatches)
            let bytes = count * Ring.allReduce(message, tp)
            out.append(Collective(name: sequenceParallel ? "tp_allgather_reducescatter" : "tp_allreduce", bytesPerDevice: bytes,
                                  link: l.name, seconds: time(bytes, count * Ring.allReduceSteps(tp), l),
                                  exposedSeconds: time(bytes, count * Ring.allReduceSteps(tp), l), overlap: "not overlapped"))
        }
        // Pipeline: each micro-batch's activations (b·s·h bf16, / tp when scattered) cross each
        // stage boundary forward, and their gradients backward.
        if pp > 1 {
            let l = link(size: pp, stride: tp * dp, device)
            let bytes = 2 * Double(microBatches) * 2 * b * s * h / Double(sequenceParallel ? tp : 1)
            let t = time(bytes, 2 * Double(microBatches), l)
            out.append(Collective(name: "pp_send_recv", bytesPerDevice: bytes, link: l.name, seconds: t, exposedSeconds: t,
                                  overlap: "not overlapped"))
        }
        // Expert parallel: per MoE layer two all-to-alls forward (dispatch, combine) and two
        // backward, each moving the top-k routed copies of b·s·h bf16 activations.
        if ep > 1, let moe = spec.decoder?.moe {
            let l = link(size: ep, stride: tp, device)
            let bytes = 4 * layers * Double(microBatches) * Ring.gather(2 * b * s * h * Double(moe.topK), ep)
            let t = time(bytes, 4 * layers * Double(microBatches) * Double(ep - 1), l)
            out.append(Collective(name: "ep_alltoall", bytesPerDevice: bytes, link: l.name, seconds: t, exposedSeconds: t,
                                  overlap: "not overlapped"))
        }
        return out
    }
}
