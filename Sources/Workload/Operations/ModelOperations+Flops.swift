extension ModelOperations {
    /// FLOPs of one model call under `matmul`, `causal` or `full`, by component: each stack's
    /// operations at the scale of this call, then the head's. `runs` says which work of each
    /// operation is done (its forward; forward and backward for a training step; the forward again
    /// where a recomputation policy repeats it); every component the model has under the
    /// convention is listed, at zero if this call does none of it, in the breakdown's order.
    func flopComponents(_ call: ForwardPass, _ convention: Convention, runs: OperationRuns = .forward) -> [FlopComponent] {
        var out: [FlopComponent] = []
        for stack in stacks {
            guard let pass = stackPass(stack.role, call) else { continue }
            var sums = ComponentSums()
            for group in stack.layers {
                add(group.operations, pass, convention, times: group.count, runs, to: &sums)
            }
            add(stack.once, pass, convention, times: 1, runs, to: &sums)
            let formula = FlopFormula(spec: spec, stack: stack.spec, pass: pass)
            out += sums.lines.map {
                FlopComponent(name: prefix(stack.role) + $0.component.name, flops: $0.flops, formula: formula.text($0.component))
            }
        }
        let headPass = StackPass(batch: call.batch, queries: call.decoderQueries, logitsPerSequence: call.logitsPerSequence)
        var sums = ComponentSums()
        add(head, headPass, convention, times: 1, runs, to: &sums)
        let formula = FlopFormula(spec: spec, stack: nil, pass: headPass)
        out += sums.lines.map { FlopComponent(name: $0.component.name, flops: $0.flops, formula: formula.text($0.component)) }
        return out
    }

    /// Adds each operation's FLOPs, `times` over, as `runs` runs them. Read in place (a generation
    /// request folds every operation once per step; copying each out of its array showed in profiles).
    private func add(_ operations: [Operation], _ pass: StackPass, _ convention: Convention, times: Int,
                     _ runs: OperationRuns, to sums: inout ComponentSums) {
        operations.withUnsafeBufferPointer { ops in
            for i in ops.indices {
                guard let component = ops[i].component, let flops = pass.flops(ops[i], convention) else { continue }
                let done: ExactCount
                switch runs {
                case .forward: done = flops
                case .training: done = flops + pass.backwardFlops(ops[i], forward: flops)
                case .recomputed(let policy): done = ops[i].recompute.runsAgain(under: policy) ? flops : .zero
                }
                sums.add(ExactCount(times) * done, to: component)
            }
        }
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

/// Which work of each operation a fold over a call counts.
enum OperationRuns {
    /// The forward pass.
    case forward
    /// A training step: the forward and the backward (`StackPass.backwardFlops`).
    case training
    /// The forward work `Recompute` repeats during the backward pass (nothing for the rest).
    case recomputed(Recompute)
}

/// FLOPs summed by component, kept in breakdown order (an array by rank: this runs once per
/// operation per call, and a generation request makes up to 131,072 calls).
struct ComponentSums {
    private var sums = [ExactCount?](repeating: nil, count: FlopComponentName.allCases.count)

    mutating func add(_ flops: ExactCount, to component: FlopComponentName) {
        sums[component.rawValue] = (sums[component.rawValue] ?? .zero) + flops
    }

    var lines: [(component: FlopComponentName, flops: ExactCount)] {
        zip(FlopComponentName.allCases, sums).compactMap { component, sum in sum.map { (component, $0) } }
    }
}
