/// The field names of our spec format, so a misspelt key is an error and not a silent default.
///
/// `Codable` ignores keys it does not know: `kvheads: 8` would leave `kvHeads` at its default
/// (all heads) and the count silently wrong. The loader checks every key against this schema
/// before decoding. (A test keeps it in step with the `CodingKeys` of the spec types.)
enum SpecSchema: Sendable {
    case object([String: SpecSchema])
    /// A list whose every item is an object with these fields (`layerPattern`). The fields, not
    /// an indirect `SpecSchema`: an indirect case's box hides behind tag bits from LeakSanitizer,
    /// which then reports this static table as leaked.
    case listOfObjects([String: SpecSchema])
    case leaf

    static let attention = SpecSchema.object([
        "heads": .leaf, "kvHeads": .leaf, "headDim": .leaf, "qkvBias": .leaf, "outputBias": .leaf,
        "relativeBiasBuckets": .leaf, "qkNorm": .leaf, "sinks": .leaf, "queryTemperature": .leaf,
        "outputGate": .leaf,
        "latent": .object(["queryRank": .leaf, "keyValueRank": .leaf, "nopeHeadDim": .leaf, "ropeHeadDim": .leaf, "valueHeadDim": .leaf]),
    ])
    static let stack = SpecSchema.object([
        "layers": .leaf, "attention": attention, "crossAttention": attention,
        "ffn": .object(["intermediateSize": .leaf, "gated": .leaf, "activation": .leaf, "bias": .leaf]),
        "moe": .object(["experts": .leaf, "topK": .leaf, "routerBias": .leaf, "expertIntermediateSize": .leaf,
                         "sharedExpertIntermediateSize": .leaf, "sharedExpertGate": .leaf, "denseLayers": .leaf,
                         "expertBias": .leaf, "latentSize": .leaf,
                         "routing": .object(["scoring": .leaf, "groups": .leaf, "topKGroups": .leaf,
                                             "scoreCorrectionBias": .leaf, "scalingFactor": .leaf])]),
        "norm": .object(["kind": .leaf, "bias": .leaf, "affine": .leaf]),
        "block": .leaf, "finalNorm": .leaf,
        "positions": .object(["kind": .leaf, "count": .leaf, "rotaryDimensions": .leaf, "rotaryTables": .leaf]),
        "tokenTypes": .leaf, "embeddingNorm": .leaf, "causal": .leaf, "slidingWindow": .leaf, "slidingWindowLayers": .leaf,
        "attentionChunkSize": .leaf, "layerPattern": .listOfObjects(["attention": .leaf, "rotary": .leaf, "experts": .leaf]),
        "stateSpace": .object(["variant": .leaf, "innerSize": .leaf, "stateSize": .leaf, "convKernel": .leaf, "timeStepRank": .leaf,
                               "heads": .leaf, "groups": .leaf, "chunkSize": .leaf, "bias": .leaf, "convBias": .leaf,
                               "innerNorms": .leaf, "gatedNorm": .leaf, "outputBias": .leaf]),
        "hybrid": .object(["blocks": .leaf, "attentionLayers": .leaf, "attentionLayersWithExperts": .leaf, "feedForwardLayers": .leaf,
                           "multipliers": .leaf]),
        "linearAttention": .object(["keyHeads": .leaf, "valueHeads": .leaf, "keyHeadDim": .leaf, "valueHeadDim": .leaf,
                                    "convKernel": .leaf, "chunkSize": .leaf]),
    ])
    static let model = SpecSchema.object([
        "name": .leaf, "source": .leaf, "family": .leaf, "vocabularySize": .leaf, "hiddenSize": .leaf,
        "contextWindow": .leaf, "embeddingProjectionSize": .leaf, "encoder": stack, "decoder": stack,
        "lmHead": .object(["tied": .leaf, "bias": .leaf]), "pooler": .leaf, "predictionModules": .leaf,
        "checkpointPrecision": .object(["experts": .leaf, "linear": .leaf, "blockSize": .leaf]),
    ])

    /// Accepted values of the enumerated fields, for error messages.
    static let enumeratedValues: [String: String] = [
        "activation": Activation.allCases.map(\.rawValue).joined(separator: ", "),
        "block": "sequential, parallel_shared_norm, parallel_two_norms, sandwich_norms",
        "norm.kind": "layernorm, rmsnorm",
        "stateSpace.variant": "mamba, mamba2",
        "hybrid.blocks": HybridLayout.Blocks.allCases.map(\.rawValue).joined(separator: ", "),
        "positions.kind": "none, learned, rotary, alibi",
        "checkpointPrecision.experts": CheckpointPrecision.Format.allCases.map(\.rawValue).joined(separator: ", "),
        "checkpointPrecision.linear": CheckpointPrecision.Format.allCases.map(\.rawValue).joined(separator: ", "),
        "routing.scoring": ExpertRouting.Scoring.allCases.map(\.rawValue).joined(separator: ", "),
        "].attention": LayerKind.Reach.allCases.map(\.rawValue).joined(separator: ", "),
        "qkNorm": "per_head, projection, l2",
    ]
}

/// A parsed document reduced to what the key check needs: mappings, sequences, scalars.
enum SpecTree {
    case mapping([(key: String, value: SpecTree)])
    case sequence([SpecTree])
    /// A single value, as the file writes it (strings in quotes), for "got …" in errors.
    case scalar(String)

    /// One step of a field path: a key, or a position in a list.
    enum Step { case key(String), index(Int) }

    /// The value at `path`, or nil where the file has nothing there.
    func value(at path: [Step]) -> SpecTree? {
        guard let step = path.first else { return self }
        switch (self, step) {
        case (.mapping(let pairs), .key(let key)): return pairs.first { $0.key == key }?.value.value(at: Array(path.dropFirst()))
        case (.sequence(let items), .index(let i)) where items.indices.contains(i): return items[i].value(at: Array(path.dropFirst()))
        default: return nil
        }
    }

    /// How the value is named in an error: `12`, `"12"`, `a mapping`, `a list`.
    var described: String {
        switch self {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let text): text.count > 40 ? String(text.prefix(40)) + "…" : text
        }
    }

    /// Throws on the first key the schema does not know, naming its full path.
    func check(against schema: SpecSchema, path: String = "", file: String) throws(SpecError) {
        if case .listOfObjects(let fields) = schema, case .sequence(let items) = self {
            for (i, value) in items.enumerated() { try value.check(against: .object(fields), path: "\(path)[\(i)]", file: file) }
            return
        }
        guard case .object(let fields) = schema, case .mapping(let pairs) = self else { return }
        for (key, value) in pairs {
            let field = path.isEmpty ? key : "\(path).\(key)"
            guard let inner = fields[key] else {
                let hint = EditDistance.didYouMean(key, in: Array(fields.keys), limit: 1)
                    ?? "known fields here: \(fields.keys.sorted().joined(separator: ", "))"
                throw SpecError(file: file, field: field, "unknown field; \(hint)")
            }
            try value.check(against: inner, path: field, file: file)
        }
    }
}

extension SpecTree {
    init(_ json: JSONValue) {
        switch json {
        case .object(let o): self = .mapping(o.sorted { $0.key < $1.key }.map { ($0.key, SpecTree($0.value)) })
        case .array(let a): self = .sequence(a.map(SpecTree.init))
        case .string(let s): self = .scalar("\"\(s)\"")
        case .null: self = .scalar("null")
        case .bool(let b): self = .scalar(String(b))
        case .int(let i): self = .scalar(String(i))
        case .double(let d): self = .scalar(String(d))
        }
    }
}
