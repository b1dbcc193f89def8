/// Every input a person sets when asking for a figure, named by what it *is*, not by how a
/// front end spells it: library errors and explanations carry one of these, and the command line
/// (or any other front end) owns the one map from a parameter to its option name.
public enum InputParameter: String, Sendable, Hashable, Codable, CaseIterable {
    // MARK: The model
    /// A branch, tag or commit of a Hugging Face hub model in the local cache.
    case revision

    // MARK: The workload's shape
    /// Tokens per sequence a pass reads (the prompt of a generation, a training sequence).
    case sequenceLength
    /// Prompt tokens of one priced request.
    case promptTokens
    /// Encoder–decoder models: tokens the decoder reads in a prefill or training step.
    case decoderSequenceLength
    /// Encoder–decoder decode: encoder positions the cross-attention reads.
    case encoderSequenceLength
    /// Sequences processed together.
    case batch
    /// Sequences per optimizer step over all replicas.
    case globalBatch
    /// Tokens already in the KV cache before a decode step.
    case context
    /// Tokens one generation request produces.
    case newTokens
    /// Drafted tokens each sequence verifies in one speculative decode step.
    case draftTokens
    /// Beam width of a generation request.
    case beams
    /// The phase counted (prefill, decode, generate, train).
    case phase
    /// Activation recomputation during training.
    case recompute
    /// How a beam search's prompt is prefilled.
    case beamPrefill
    /// Whether sequences longer than the model's context window are counted anyway.
    case allowBeyondContext
    /// Weights per quantisation scale of a grouped format (int4).
    case groupSize
    /// The counting convention.
    case convention
    /// How a decode step of multi-head latent attention is counted (`LatentAttentionDecode`).
    case latentDecode
    /// The model, when given as a parameter count for the 2N/6N rule instead of an architecture.
    case parameters

    // MARK: Hardware and utilisation
    /// The device: a catalog name or a measured host profile.
    case hardware
    /// A measured host profile given beside a catalog device.
    case hostProfile
    /// The numeric precision whose peak is used.
    case precision
    /// Model FLOP utilisation: the fraction of peak a workload's model FLOPs reach.
    case mfu
    /// Fraction of peak memory bandwidth the decode kernels reach.
    case bandwidthUtilisation
    /// Fraction of peak one device's GEMMs sustain in a parallel plan (not MFU).
    case kernelEfficiency
    /// Devices of one run or one serving replica.
    case devices
    /// Devices sharing the intra-node link.
    case devicesPerNode
    /// The link between devices inside a node.
    case interconnect
    /// The link between nodes.
    case network
    /// Device power draw, watts.
    case tdp
    /// Storage format of the weights.
    case weightType
    /// Storage format of the KV cache.
    case kvType

    // MARK: Parallel plans
    /// Tensor-parallel degree.
    case tensorParallel
    /// Pipeline-parallel degree.
    case pipelineParallel
    /// Data-parallel degree.
    case dataParallel
    /// Expert-parallel degree.
    case expertParallel
    /// ZeRO stage.
    case zeroStage
    /// Whether sequence parallelism splits the activations along the sequence.
    case sequenceParallel
    /// Micro-batches per optimizer step.
    case microBatches
    /// Model chunks per pipeline stage (the interleaved 1F1B schedule).
    case virtualStages
    /// Plans listed.
    case planCount
    /// Generated tokens per second a serving deployment sustains.
    case tokensPerSecond
    /// A published training run checked against the plan model.
    case publishedRun

    // MARK: Money and energy
    /// Dollars per device-hour.
    case pricePerHour
    /// Training tokens.
    case trainingTokens
    /// Input tokens of a priced task.
    case inputTokens
    /// Output tokens of a priced task.
    case outputTokens
    /// Input characters of a priced task.
    case inputCharacters
    /// Output characters of a priced task.
    case outputCharacters
    /// Tokens per character of a task's text.
    case tokensPerCharacter
    /// API price per 1K input tokens.
    case inputPricePer1K
    /// API price per 1K output tokens.
    case outputPricePer1K
    /// Average revenue per 1K tokens served.
    case pricePer1K
    /// Inference cost per 1K tokens served.
    case inferenceCostPer1K
    /// Dollars of one pretraining run.
    case pretrainingCost
    /// Months a pretraining run is amortised over.
    case months
    /// Subscription fee per month.
    case feePerMonth
    /// Tokens one subscriber uses per month.
    case tokensPerUserMonth
    /// Tokens one subscriber uses per day.
    case tokensPerUserDay
    /// Requests a service answers per day.
    case requestsPerDay
    /// Fraction of the time a serving fleet is busy.
    case targetUtilisation
    /// Power usage effectiveness of the facility.
    case pue
    /// Electricity price, dollars per kWh.
    case electricityPrice
    /// Whether the rental price excludes energy (so energy is added).
    case priceExcludesEnergy

    // MARK: Host measurement
    /// Worker and BLAS threads of a measurement.
    case threads
    /// Model width of a measured layer.
    case modelWidth
    /// Attention heads of a measured layer.
    case heads
    /// Key/value heads of a measured layer.
    case kvHeads
    /// FFN inner width of a measured layer.
    case ffnWidth
    /// Seconds a measurement may spend.
    case timeBudget
    /// Where a measured profile is saved.
    case profileDestination

    // MARK: Output
    /// Where a result is written.
    case outputPath
    /// Where a plot is written.
    case plotPath
    /// Context lengths a rule check covers.
    case contexts

    /// Words for a front end with no option names of its own (and for `description`).
    public var title: String {
        rawValue.reduce(into: "") { text, c in
            if c.isUppercase { text += " " + c.lowercased() } else { text.append(c) }
        }
    }
}

extension InputParameter: CustomStringConvertible {
    public var description: String { title }
}
