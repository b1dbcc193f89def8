import Workload

/// The one map from what the libraries call an input to how `llmcost` spells it on the command
/// line. Library errors, notes and explanation sources name parameters; only this file knows
/// their option names, so renaming an option is one edit here.
enum OptionNames {
    static func name(_ parameter: InputParameter) -> String {
        switch parameter {
        case .revision: "--revision"
        case .sequenceLength: "--seq"
        case .promptTokens: "--prompt"
        case .decoderSequenceLength: "--decoder-seq"
        case .encoderSequenceLength: "--encoder-seq"
        case .batch: "--batch"
        case .globalBatch: "--global-batch"
        case .context: "--context"
        case .newTokens: "--new-tokens"
        case .draftTokens: "--draft-tokens"
        case .beams: "--beams"
        case .phase: "--phase"
        case .recompute: "--recompute"
        case .beamPrefill: "--beam-prefill"
        case .allowBeyondContext: "--allow-beyond-context"
        case .groupSize: "--group-size"
        case .convention: "--convention"
        case .latentDecode: "--mla-decode"
        case .parameters: "--parameters"
        case .hardware: "--hardware"
        case .hostProfile: "--host-profile"
        case .precision: "--precision"
        case .mfu: "--mfu"
        case .bandwidthUtilisation: "--bandwidth-utilisation"
        case .kernelEfficiency: "--efficiency"
        case .devices: "--devices"
        case .devicesPerNode: "--devices-per-node"
        case .interconnect: "--interconnect"
        case .network: "--network"
        case .tdp: "--tdp"
        case .weightType: "--weight-type"
        case .kvType: "--kv-type"
        case .tensorParallel: "--tp"
        case .pipelineParallel: "--pp"
        case .dataParallel: "--dp"
        case .expertParallel: "--ep"
        case .zeroStage: "--zero"
        case .sequenceParallel: "--sp"
        case .microBatches: "--micro-batches"
        case .virtualStages: "--virtual-stages"
        case .planCount: "--top"
        case .tokensPerSecond: "--tokens-per-second"
        case .publishedRun: "--published"
        case .pricePerHour: "--price-per-hour"
        case .trainingTokens: "--tokens"
        case .inputTokens: "--input-tokens"
        case .outputTokens: "--output-tokens"
        case .inputCharacters: "--input-characters"
        case .outputCharacters: "--output-characters"
        case .tokensPerCharacter: "--tokens-per-character"
        case .inputPricePer1K: "--input-price-per-1k"
        case .outputPricePer1K: "--output-price-per-1k"
        case .pricePer1K: "--price-per-1k"
        case .inferenceCostPer1K: "--inference-cost-per-1k"
        case .pretrainingCost: "--pretraining-cost"
        case .months: "--months"
        case .feePerMonth: "--fee-per-month"
        case .tokensPerUserMonth: "--tokens-per-user-month"
        case .tokensPerUserDay: "--tokens-per-user-day"
        case .requestsPerDay: "--requests-per-day"
        case .targetUtilisation: "--target-utilisation"
        case .pue: "--pue"
        case .electricityPrice: "--electricity"
        case .priceExcludesEnergy: "--price-excludes-energy"
        case .threads: "--threads"
        case .modelWidth: "--d-model"
        case .heads: "--heads"
        case .kvHeads: "--kv-heads"
        case .ffnWidth: "--ffn"
        case .timeBudget: "--time-budget"
        case .profileDestination: "--save"
        case .outputPath: "--output"
        case .plotPath: "--plot"
        case .contexts: "--contexts"
        }
    }

    /// The model argument every command takes, where a message names it.
    static let modelArgument = "MODEL"

    /// Options that set no library parameter (a listing, a mode),
    /// for the command line's own messages that point at them; kept here so every option a
    /// message prints is spelled in this one file.
    static let listInterconnects = "--list-interconnects"
    static let dryRun = "--dry-run"
    static let serve = "--serve"
    static let measure = "--measure"
    static let noBackward = "--no-backward"
    static let gated = "--gated"
    /// `validate`'s name for `allowBeyondContext` (the one spelling; kept as a name for its messages).
    static var beyondContext: String { InputParameter.allowBeyondContext.option }

    /// Spellings retired for one vocabulary across commands (`Renamed`): still parsed, hidden, warned about.
    enum Retired {
        static let dtype = "--dtype", kvDtype = "--kv-dtype", beyondContext = "--beyond-context", gpus = "--gpus"
        static let promptTokens = "--prompt-tokens", outputTokens = "--output-tokens"
        static let priceIn = "--price-in", priceOut = "--price-out", electricityPrice = "--electricity-price"
        static let benchModel = "--model"
    }

    /// A library message with every parameter spelled as its option.
    static func text(_ message: InputMessage) -> String { message.rendered(name) }
}

extension InputParameter {
    /// The option that sets this parameter: `--seq`.
    var option: String { OptionNames.name(self) }
}
