import ArgumentParser

/// `llmcost cost …`: what training, serving and using a model costs, every figure traceable.
struct Cost: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Dollars, time and energy of training and serving, on catalogued or measured hardware.",
        discussion: Examples.discussion(
            "llmcost cost train llama-2-7b --tokens 2e12 --devices 1024",
            "llmcost cost infer llama-2-7b --batch 16",
            "llmcost cost task --input-tokens 10000 --output-tokens 1000 --input-price-per-1k 0.01 --output-price-per-1k 0.03"),
        subcommands: [CostTrain.self, CostInfer.self, CostOperate.self, CostBreakEven.self, CostTask.self])
}
