import CostModel
import Workload

/// When a collective can run behind computation. Every collective of one window shares it.
enum OverlapWindow: String {
    /// Once per step, behind the last micro-batch's backward (gradient accumulation: the earlier
    /// micro-batches' backward passes finish before the accumulated gradient exists).
    case lastBackward = "hidden behind the last micro-batch's backward (2/3 of its compute); the excess is exposed"
    /// Once per step, behind the first micro-batch's forward of the next step (Megatron-LM's overlapped parameter all-gather).
    case firstForward = "hidden behind the next step's first micro-batch forward (1/3 of its compute); the excess is exposed"
    /// Every micro-batch, behind that micro-batch's forward.
    case eachForward = "per micro-batch, hidden behind that micro-batch's forward (1/3 of its compute); the excess is exposed"
    /// Every micro-batch, behind that micro-batch's backward.
    case eachBackward = "per micro-batch, hidden behind that micro-batch's backward (2/3 of its compute); the excess is exposed"
    /// Every micro-batch, behind the computation of another micro-batch running beside it
    /// (DeepSeek-V3's DualPipe pairs one chunk's forward with another's backward).
    case pairedChunks = "per micro-batch, hidden behind the paired forward and backward chunks' computation (DualPipe); the excess is exposed"
    case none = "not overlapped"
}

extension ParallelConfig {
    /// Which link a group of `size` ranks, `stride` apart in rank order, runs over: TP is
    /// innermost, then DP (expert-parallel ranks consecutive inside it), then PP (Megatron-LM's
    /// order); a group inside one node uses the node's fabric.
    func link(size: Int, stride: Int, _ device: Accelerator) -> Interconnect {
        device.link(forGroupOf: size * stride)
    }

    /// The step's collectives. `compute` is the device's GEMM seconds for all `microBatches`
    /// micro-batches, so one micro-batch computes for `compute / M`, its forward a third of that.
    ///
    /// Data parallel, per device shard Ψ (bf16, 2 bytes) over N ranks, g = (N−1)/N × 2Ψ:
    /// ```
    /// ZeRO-0  all-reduce of gradients            2g   once per step
    /// ZeRO-1  reduce-scatter gradients           g    once;  all-gather updated weights  g  once
    /// ZeRO-2  reduce-scatter gradients           g    per micro-batch (gradients are partitioned:
    ///                                                 nothing to accumulate into);   all-gather  g  once
    /// ZeRO-3  all-gather weights, forward        g    per micro-batch
    ///         all-gather weights, backward       g    per micro-batch
    ///         reduce-scatter gradients           g    per micro-batch     → 3·M·g per step
    /// ```
    /// (Rajbhandari et al. 2020 §7: 2Ψ per step for stages 1–2, 3Ψ for stage 3, without gradient
    /// accumulation; with M micro-batches the partitioned stages repeat per micro-batch.)
    /// Dense Ψ runs over the `dp` ranks, expert Ψ over the `dp / ep` ranks holding the same experts.
    func collectives(_ job: TrainingJob, micro: Int, shard: ParameterShard, device: Accelerator, compute: Seconds,
                     operations: ModelOperations) -> [Collective] {
        let spec = job.spec, h = Double(spec.hiddenSize), s = Double(job.seq), b = Double(micro), M = microBatches
        let perMicro = compute / Double(M)
        var out: [(Collective, OverlapWindow)] = []
        func add(_ name: String, _ group: String, count: Int, message: Double, ranks: Int, allReduce: Bool, link l: Interconnect,
                 _ window: OverlapWindow, formula: String) {
            guard ranks > 1, message > 0 else { return }
            let per = allReduce ? Ring.allReduce(Bytes(message), ranks) : Ring.gather(Bytes(message), ranks)
            let steps = allReduce ? Ring.allReduceSteps(ranks) : Ring.gatherSteps(ranks)
            let time = l.time(bytes: per, steps: steps) * Double(count)
            out.append((Collective(name: name, group: group, bytesPerDevice: per * Double(count), count: count, ranks: ranks, link: l,
                                   time: time, exposedTime: time, overlap: window.rawValue, formula: formula), window))
        }
        // Data parallel (dense over dp, experts over dp / ep).
        for (prefix, psi, n, stride) in [("dp", Double(shard.dense.value), dp, tp), ("edp", Double(shard.experts.value), expertDataParallel, tp * ep)] {
            let l = link(size: n, stride: stride, device)
            let what = prefix == "dp" ? "Ψ_dense" : "Ψ_expert"
            let g = "(N−1)/N × 2\(what), N = \(n)"
            switch zero {
            case 0:
                add("\(prefix)_gradient_allreduce", "DP", count: 1, message: 2 * psi, ranks: n, allReduce: true, link: l, .lastBackward,
                    formula: "2(N−1)/N × 2\(what), N = \(n), once per step")
            case 1:
                add("\(prefix)_gradient_reducescatter", "DP", count: 1, message: 2 * psi, ranks: n, allReduce: false, link: l, .lastBackward,
                    formula: "\(g), once per step (ZeRO-1)")
                add("\(prefix)_weight_allgather", "DP", count: 1, message: 2 * psi, ranks: n, allReduce: false, link: l, .firstForward,
                    formula: "\(g), once per step after the optimizer (ZeRO-1)")
            case 2:
                add("\(prefix)_gradient_reducescatter", "DP", count: M, message: 2 * psi, ranks: n, allReduce: false, link: l, .eachBackward,
                    formula: "M × \(g), M = \(M) (ZeRO-2: per micro-batch)")
                add("\(prefix)_weight_allgather", "DP", count: 1, message: 2 * psi, ranks: n, allReduce: false, link: l, .firstForward,
                    formula: "\(g), once per step after the optimizer (ZeRO-2)")
            default:
                add("\(prefix)_zero3_forward_allgather", "DP", count: M, message: 2 * psi, ranks: n, allReduce: false, link: l, .eachForward,
                    formula: "M × \(g), M = \(M) (ZeRO-3: weights gathered for every micro-batch's forward)")
                add("\(prefix)_zero3_backward_allgather", "DP", count: M, message: 2 * psi, ranks: n, allReduce: false, link: l, .eachBackward,
                    formula: "M × \(g), M = \(M) (ZeRO-3: gathered again for its backward)")
                add("\(prefix)_zero3_gradient_reducescatter", "DP", count: M, message: 2 * psi, ranks: n, allReduce: false, link: l, .eachBackward,
                    formula: "M × \(g), M = \(M) (ZeRO-3: per micro-batch)")
            }
        }
        let layers = spec.stacks.reduce(0) { $0 + stageLayers($1.stack.layers) }
        // Full recomputation re-runs each layer's forward, its TP collectives and all-to-alls included.
        let passes = job.recompute == .full ? 6 : 4
        // Tensor parallel: each block a layer's operations close with a row-parallel GEMM is
        // all-reduced once forward and once backward (its input gradient), once more when full
        // recomputation repeats the forward: b·s·h bf16 activations each (with sequence
        // parallelism: all-gather + reduce-scatter pairs of the same volume).
        if tp > 1 {
            let stacks = operations.stacks
            let perPass = job.recompute == .full ? 3 : 2
            let reductions = stacks.reduce(0) { $0 + stageLayers($1.spec.layers) * $1.tensorParallelReductionsPerLayer }
            let blocks = Set(stacks.map(\.tensorParallelReductionsPerLayer))
            let volume = "M × 2(T−1)/T × 2·b·s·h"
            let sizes = "M = \(M), T = \(tp), b = \(micro), s = \(job.seq), h = \(spec.hiddenSize)"
            let formula = blocks.count == 1
                ? "\(perPass * (blocks.first ?? 0)) × layers/stage × \(volume), layers/stage = \(layers), \(sizes)"
                : "\(perPass) × \(reductions) row-parallel blocks on the stage × \(volume), \(sizes)"
            add(sequenceParallel ? "tp_allgather_reducescatter" : "tp_allreduce", "TP", count: perPass * reductions * M, message: 2 * b * s * h, ranks: tp,
                allReduce: true, link: link(size: tp, stride: 1, device), .none,
                formula: formula
                    + (perPass == 3 ? " (full recomputation repeats the forward's reductions)" : ""))
        }
        // Mamba's x_proj is row-parallel inside the mixer: its dt, B and C (R + 2·d_state per
        // token, not the residual width) are all-reduced forward, and their gradient backward.
        // A stage holds its share of the stack's layers, the mixer layers among them pro rata.
        let elements = operations.stacks.reduce(0.0) {
            $0 + Double($1.tensorParallelNarrowReductionElements) * Double(stageLayers($1.spec.layers)) / Double(max(1, $1.spec.layers))
        }
        if tp > 1, elements > 0 {
            let perPass = job.recompute == .full ? 3 : 2
            add("tp_allreduce_ssm_projections", "TP", count: perPass * M, message: 2 * b * s * elements, ranks: tp, allReduce: true,
                link: link(size: tp, stride: 1, device), .none,
                formula: "\(perPass) × M × 2(T−1)/T × 2·b·s·(Mamba layers/stage × (R + 2·d_state)), M = \(M), T = \(tp), b = \(micro), s = \(job.seq), "
                    + "\(Int(elements.rounded())) dt/B/C elements per token on the stage"
                    + (perPass == 3 ? " (full recomputation repeats the forward's reductions)" : ""))
        }
        // Pipeline: each micro-batch's activations (b·s·h bf16) cross each stage boundary
        // forward, and their gradients backward; each TP rank sends only its 1/tp slice (already
        // split under sequence parallelism; else Megatron-LM's scatter/gather, Narayanan et al.
        // 2021 §4.1, all-gathering the rest over the node's fabric, whose time is not charged);
        // interleaved, each of a device's v chunks sends its own (v times the messages).
        if pp > 1 {
            let l = link(size: pp, stride: tp * dp, device)
            let message = 2 * b * s * h / Double(tp)
            let v = virtualStages
            let bytes = Bytes(2 * Double(v) * Double(M) * message)
            let t = l.time(bytes: bytes, steps: 2 * Double(v) * Double(M))
            out.append((Collective(name: "pp_send_recv", group: "PP", bytesPerDevice: bytes, count: 2 * v * M, ranks: 2, link: l, time: t,
                                   exposedTime: t, overlap: OverlapWindow.none.rawValue,
                                   formula: (v > 1 ? "2 × v × M" : "2 × M") + " × 2·b·s·h / T (\(sequenceParallel ? "sequence-parallel slices" : "scatter/gather")), M = \(M), b = \(micro)"
                                       + (v > 1 ? ", v = \(v)" : "")), .none))
        }
        // Expert parallel: per MoE layer two all-to-alls forward (dispatch, combine) and two
        // backward, each moving routed copies of b·s·h bf16 activations (`expertCopies`).
        if ep > 1, let stack = spec.decoder, let moe = stack.moe {
            // Only the layers holding experts exchange tokens (Qwen-MoE keeps some dense).
            let count = passes * stageLayers(moe.sparseLayers(of: stack.layers)) * M
            let l = link(size: ep, stride: tp, device)
            let copies = expertCopies(moe, device: device)
            let per = Bytes(2 * b * s * h * copies.perToken)
            let t = l.time(bytes: per, steps: Double(ep - 1)) * Double(count)
            let window: OverlapWindow = overlapsExpertAllToAll ? .pairedChunks : .none
            out.append((Collective(name: "ep_alltoall", group: "EP", bytesPerDevice: per * Double(count), count: count, ranks: ep, link: l,
                                   time: t, exposedTime: t, overlap: window.rawValue,
                                   formula: "\(passes) × expert layers/stage × M × 2·b·s·h × \(copies.formula)"), window))
        }
        return Self.exposing(out, perMicroCompute: perMicro, microBatches: M)
    }

    /// Copies of a token the expert all-to-all sends over its link, per MoE layer and direction.
    ///
    /// Inside one node: one per expert on another rank, k·(E−1)/E. Across n nodes, only the copies
    /// bound for other nodes use the network (those for this node's experts go over NVLink, not
    /// charged): k·(n−1)/n; with group-limited routing (DeepSeek's `topk_group`) a token reaches at
    /// most that many nodes and crosses the network once per node, forwarded to its experts there
    /// over NVLink (DeepSeek-V3 Technical Report, §3.2.2): min(k, groups, n)·(n−1)/n.
    func expertCopies(_ moe: MoESpec, device: Accelerator) -> (perToken: Double, formula: String) {
        let k = Double(moe.topK), e = Double(ep)
        let nodes = (Double(ep) * Double(tp) / Double(max(1, device.devicesPerNode))).rounded(.up)
        guard nodes > 1 else { return (k * (e - 1) / e, "(E−1)/E·k, E = \(ep), k = \(moe.topK)") }
        if let groups = moe.routing?.topKGroups {
            let reached = min(k, Double(groups), nodes)
            return (reached * (nodes - 1) / nodes,
                    "min(k, groups, n)·(n−1)/n, k = \(moe.topK), \(groups) groups, n = \(Int(nodes)) nodes (once per node, then NVLink)")
        }
        return (k * (nodes - 1) / nodes, "k·(n−1)/n, k = \(moe.topK), n = \(Int(nodes)) nodes (copies for this node's experts over NVLink)")
    }

    /// Collectives sharing a window share its time: per occurrence, `max(0, Σ seconds − window)`
    /// is exposed, split in proportion to each collective's seconds.
    static func exposing(_ list: [(Collective, OverlapWindow)], perMicroCompute c: Seconds, microBatches M: Int) -> [Collective] {
        var result = list.map(\.0)
        for window in [OverlapWindow.lastBackward, .firstForward, .eachForward, .eachBackward, .pairedChunks] {
            let members = list.indices.filter { list[$0].1 == window }
            guard !members.isEmpty else { continue }
            let occurrences = (window == .eachForward || window == .eachBackward || window == .pairedChunks) ? Double(M) : 1
            let span = window == .pairedChunks ? c : (window == .firstForward || window == .eachForward) ? c / 3 : c * 2 / 3
            let total = members.reduce(Seconds.zero) { $0 + result[$1].time }
            let exposed = Seconds.max(.zero, total / occurrences - span) * occurrences
            // (exposed × own time) ÷ total, in that order: the split the golden figures were made with.
            for i in members { result[i].exposedTime = total > .zero ? exposed * result[i].time.value / total.value : .zero }
        }
        return result
    }
}
