import ArgumentParser

/// `llmcost cost …`: what training, serving and using a model costs, every figure traceable.
struct Cost: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Dollars, time and energy of training and serving, on catalogued or measured hardware.",
        subcommands: [CostTrain.self, CostInfer.self, CostOperate.self, CostBreakEven.self, CostTask.self])
}
