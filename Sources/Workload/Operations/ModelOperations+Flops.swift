extension ModelOperations {
    /// FLOPs of one model call under `matmul`, `causal` or `full`, by component: each stack's
    /// operations at the scale of this call, then the head's. `runs` says how many times each
    /// operation's forward work is done (1; `1 + backwardProducts` for a training step; 1 or 0
    /// for what a recomputation policy repeats); every component the model has under the
    /// convention is listed, at zero if this call does none of it, in the breakdown's order.
    func flopComponents(_ call: ForwardPass, _ convention: Convention,
                        runs: (Operation) -> Int = { _ in 1 }) -> [FlopComponent] {
        var out: [FlopComponent] = []
        for stack in stacks {
            guard let pass = stackPass(stack.role, call) else { continue }
            var sums: [FlopComponentName: ExactCount] = [:]
            for group in stack.layers {
                for op in group.operations { add(op, pass, convention, times: group.count * runs(op), to: &sums) }
            }
            for op in stack.once { add(op, pass, convention, times: runs(op), to: &sums) }
            let formula = FlopFormula(spec: spec, stack: stack.spec, pass: pass)
            out += sums.sorted { $0.key < $1.key }.map {
                FlopComponent(name: prefix(stack.role) + $0.key.rawValue, flops: $0.value, formula: formula.text($0.key))
            }
        }
        let headPass = StackPass(batch: call.batch, queries: call.decoderQueries, logitsPerSequence: call.logitsPerSequence)
        var sums: [FlopComponentName: ExactCount] = [:]
        for op in head { add(op, headPass, convention, times: runs(op), to: &sums) }
        let formula = FlopFormula(spec: spec, stack: nil, pass: headPass)
        out += sums.sorted { $0.key < $1.key }.map { FlopComponent(name: $0.key.rawValue, flops: $0.value, formula: formula.text($0.key)) }
        return out
    }

    private func add(_ op: Operation, _ pass: StackPass, _ convention: Convention, times: Int,
                     to sums: inout [FlopComponentName: ExactCount]) {
        guard let component = op.component, let flops = pass.flops(op, convention) else { return }
        sums[component, default: .zero] += ExactCount(times) * flops
    }

    /// The scale of one stack in a call; nil when the call does not run it (the encoder of an
    /// encoder–decoder after the first call).
    private func stackPass(_ role: StackRole, _ call: ForwardPass) -> StackPass? {
        let B = call.batch
        switch role {
        case .encoder where spec.decoder != nil:
            return call.runsEncoder ? StackPass(batch: B, queries: call.encoderTokens, positionBatch: call.positionBatch) : nil
        case .encoder:
            return StackPass(batch: B, queries: call.decoderQueries, past: call.decoderPast, positionBatch: call.positionBatch)
        case .decoder:
            return StackPass(batch: B, queries: call.decoderQueries, past: call.decoderPast, positionBatch: call.positionBatch,
                             crossKeys: spec.isEncoderDecoder ? call.encoderTokens : nil,
                             projectsCrossKeyValues: call.projectsCrossKeyValues)
        }
    }
}
