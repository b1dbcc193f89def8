extension ModelOperations {
    /// The exact parameter report of the model: the one place a `ParameterReport` is made from
    /// the operations (counter, memory report, planner and `ParameterCount` all call it).
    public func parameterReport() throws(CountOverflow) -> ParameterReport {
        try ParameterReport(model: spec.name, components: parameterComponents())
    }

    /// Parameters by group, in model order, folded from the operations' weights: a layer
    /// group's weights count once per layer in it, a stack's `once` and the head's once.
    func parameterComponents() -> [ParameterComponent] {
        let aroundStacks = Self.sum(head.map { (1, $0) })
        var parts = aroundStacks.filter { $0.key < .positionEmbedding }.sorted { $0.key < $1.key }
            .map { component($0.key, $0.value, stack: nil, prefix: "") }
        for stack in stacks {
            let pairs = stack.layers.flatMap { g in g.operations.map { (g.count, $0) } } + stack.once.map { (1, $0) }
            parts += Self.sum(pairs).sorted { $0.key < $1.key }
                .map { component($0.key, $0.value, stack: stack.spec, prefix: prefix(stack.role)) }
        }
        parts += aroundStacks.filter { $0.key > .positionEmbedding }.sorted { $0.key < $1.key }
            .map { component($0.key, $0.value, stack: nil, prefix: "") }
        // A tied LM head stays in the breakdown (at 0) so a reader sees where its weights went.
        return parts.filter { $0.parameters != .zero || $0.name == ParameterGroup.lmHead.rawValue }
    }

    /// Weights summed by group: all of them, and those one token touches.
    struct GroupSum { var count = ExactCount.zero, active = ExactCount.zero }

    static func sum(_ operations: [(layers: Int, op: Operation)]) -> [ParameterGroup: GroupSum] {
        var sums: [ParameterGroup: GroupSum] = [:]
        for (layers, op) in operations {
            guard let w = op.weights else { continue }
            sums[w.group, default: GroupSum()].count += ExactCount(layers) * w.count
            sums[w.group, default: GroupSum()].active += ExactCount(layers) * w.active
        }
        return sums
    }

    private func component(_ group: ParameterGroup, _ sum: GroupSum, stack: StackSpec?, prefix: String) -> ParameterComponent {
        ParameterComponent(name: prefix + group.rawValue, kind: group.kind, parameters: sum.count, activeParameters: sum.active,
                           formula: ParameterFormula.text(group, spec: spec, stack: stack))
    }
}
