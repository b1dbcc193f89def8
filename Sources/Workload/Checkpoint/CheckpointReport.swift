import Foundation

/// What a checkpoint holds, counted from its safetensors headers, and how that compares with the
/// parameters `config.json` gives: every tensor falls in one group, and each group beyond the
/// model transformers builds (a multi-token-prediction module, a vision tower, a tied LM head
/// stored twice, quantisation scales, buffers) is named with its size, so any difference left
/// is stated as unattributed rather than hidden.
public struct CheckpointReport: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var name: String
        public var tensors: Int
        public var bytes: Int
    }

    /// A share of the checkpoint: `model` (what the config describes) or a named difference.
    public struct Group: Sendable, Equatable {
        public var name: String
        public var reason: String
        public var tensors: Int
        /// Weights it holds (0 for scales and buffers, which are not parameters).
        public var parameters: Int128
        public var bytes: Int128
        /// A few of its tensor names.
        public var examples: [String]
    }

    public var files: [File]
    public var tensors: Int
    /// Every weight in the files: all tensors but quantisation scales and buffers; an MXFP4
    /// `*_blocks` byte is two 4-bit values.
    public var parameters: Int128
    public var parametersByDType: [(dtype: String, parameters: Int128)]
    public var bytesByDType: [(dtype: String, bytes: Int128)]
    public var totalBytes: Int128
    /// Bytes of the routed experts' tensors (`….experts.…`), for decode-step traffic.
    public var routedExpertBytes: Int128
    /// The parameters `config.json` gives (the model transformers builds).
    public var configParameters: Int128
    /// The `model` group's parameters less `configParameters`: 0 when the weights match the config.
    public var unattributed: Int128
    /// Groups beyond the model, largest first.
    public var differences: [Group]
    public var notes: [String]

    public static func == (a: CheckpointReport, b: CheckpointReport) -> Bool {
        a.files == b.files && a.tensors == b.tensors && a.parameters == b.parameters && a.totalBytes == b.totalBytes
            && a.parametersByDType.map(\.dtype) == b.parametersByDType.map(\.dtype) && a.parametersByDType.map(\.parameters) == b.parametersByDType.map(\.parameters)
            && a.bytesByDType.map(\.dtype) == b.bytesByDType.map(\.dtype) && a.bytesByDType.map(\.bytes) == b.bytesByDType.map(\.bytes)
            && a.configParameters == b.configParameters && a.unattributed == b.unattributed && a.differences == b.differences && a.notes == b.notes
    }

    /// Compares `checkpoint` with `spec`, whose exact parameter count is `configParameters`.
    public init(checkpoint: Checkpoint, spec: ModelSpec, configParameters: Int128) {
        let classifier = TensorClassifier(spec: spec)
        var groups: [TensorClassifier.Kind: Group] = [:]
        var parametersByDType: [String: Int128] = [:], bytesByDType: [String: Int128] = [:]
        var routed: Int128 = 0, parameters: Int128 = 0, tensors = 0
        for file in checkpoint.files {
            for t in file.tensors {
                tensors += 1
                let kind = classifier.kind(of: t)
                let weights = kind.holdsParameters ? TensorClassifier.parameters(of: t) : 0
                var g = groups[kind] ?? Group(name: kind.name, reason: kind.reason, tensors: 0, parameters: 0, bytes: 0, examples: [])
                g.tensors += 1; g.parameters += weights; g.bytes += Int128(t.bytes)
                if g.examples.count < 3 { g.examples.append(t.name) }
                groups[kind] = g
                parameters += weights
                if weights > 0 { parametersByDType[TensorClassifier.parameterType(of: t), default: 0] += weights }
                bytesByDType[t.dtype.rawValue, default: 0] += Int128(t.bytes)
                if kind == .model, TensorClassifier.isRoutedExpert(t.name) { routed += Int128(t.bytes) }
            }
        }
        files = checkpoint.files.map { File(name: ($0.path as NSString).lastPathComponent, tensors: $0.tensors.count, bytes: $0.dataBytes) }
        self.tensors = tensors
        self.parameters = parameters
        self.parametersByDType = parametersByDType.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.bytesByDType = bytesByDType.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        totalBytes = bytesByDType.values.reduce(0, +)
        routedExpertBytes = routed
        self.configParameters = configParameters
        unattributed = (groups[.model]?.parameters ?? 0) - configParameters
        differences = groups.filter { $0.key != .model }.map(\.value).sorted { ($0.bytes, $0.name) > ($1.bytes, $1.name) }
        var notes: [String] = []
        if parametersByDType["MXFP4"] != nil {
            notes.append("MXFP4: each byte of a U8 `*_blocks` tensor packs two 4-bit values (counted as 2 parameters a byte); the `*_scales` tensors (one E8M0 byte per 32 values) are counted as stored bytes only")
        }
        if unattributed != 0 {
            notes.append("the weights left after the named groups hold \(unattributed > 0 ? "\(unattributed) more" : "\(-unattributed) fewer") parameters than config.json gives (\(configParameters)); no tensor group explains the difference")
        }
        if !checkpoint.ignored.isEmpty {
            notes.append("not read (\(checkpoint.index == nil ? "model.safetensors is the checkpoint" : "not in the index")): \(checkpoint.ignored.joined(separator: ", "))")
        }
        self.notes = notes
    }
}

/// Sorts a checkpoint's tensors into the model config.json describes and the named extras.
struct TensorClassifier {
    enum Kind: Hashable {
        case model, scales, buffers, beyondLayers, vision, tiedHead

        var name: String {
            switch self {
            case .model: "model"
            case .scales: "quantisation scales"
            case .buffers: "buffers"
            case .beyondLayers: "layers beyond num_hidden_layers"
            case .vision: "vision tower"
            case .tiedHead: "tied LM head stored"
            }
        }

        var reason: String {
            switch self {
            case .model: "the weights config.json describes"
            case .scales: "quantisation scales (`*_scale_inv`, `*_scale`, `*_scales`, GPTQ `qzeros`/`g_idx`): stored bytes, not parameters"
            case .buffers: "buffers saved with the weights (`inv_freq`, GPT-2's causal mask `attn.bias`, `e_score_correction_bias`): not parameters of transformers' model"
            case .beyondLayers: "layers numbered at or beyond num_hidden_layers (a multi-token-prediction module): transformers does not build them"
            case .vision: "a vision or audio tower and its projector (`vision_model.*`, `vision_tower.*`, `visual.*`, `multi_modal_projector.*`): not in the text model counted"
            case .tiedHead: "lm_head.weight stored although the config ties it to the embedding: one matrix counted once"
            }
        }

        var holdsParameters: Bool { self != .scales && self != .buffers }
    }

    let decoderLayers: Int?
    let tiedHead: Bool

    init(spec: ModelSpec) {
        decoderLayers = spec.encoder == nil ? spec.decoder?.layers : nil
        tiedHead = spec.lmHead?.tied ?? false
    }

    func kind(of t: SafetensorsTensor) -> Kind {
        let name = t.name
        let scaleSuffixes = ["_scale_inv", ".weight_scale", ".input_scale", "_scales", ".qzeros", ".g_idx", ".scales", ".absmax"]
        if scaleSuffixes.contains(where: name.hasSuffix) { return .scales }
        let bufferSuffixes = [".inv_freq", ".attn.bias", ".attn.masked_bias", ".e_score_correction_bias"]
        if bufferSuffixes.contains(where: name.hasSuffix) || name == "attn.bias" { return .buffers }
        let towers = ["vision_model.", "vision_tower.", "visual.", "multi_modal_projector.", "audio_tower.", "vision_encoder."]
        if towers.contains(where: { name.hasPrefix($0) || name.contains("." + $0) }) { return .vision }
        if let layers = decoderLayers, let index = Self.layerIndex(name), index >= layers { return .beyondLayers }
        if tiedHead, name == "lm_head.weight" { return .tiedHead }
        return .model
    }

    /// N of `…layers.N.…` (also GPT-2's `h.N.`), nil for a tensor outside the layers.
    static func layerIndex(_ name: String) -> Int? {
        let parts = name.split(separator: ".")
        for i in parts.indices.dropLast() where parts[i] == "layers" || parts[i] == "h" {
            if let n = Int(parts[i + 1]) { return n }
        }
        return nil
    }

    static func isMXFP4Blocks(_ t: SafetensorsTensor) -> Bool { t.dtype == .U8 && t.name.hasSuffix("_blocks") }

    static func parameters(of t: SafetensorsTensor) -> Int128 {
        isMXFP4Blocks(t) ? Int128(t.elements) * 2 : Int128(t.elements)
    }

    static func parameterType(of t: SafetensorsTensor) -> String { isMXFP4Blocks(t) ? "MXFP4" : t.dtype.rawValue }

    /// A routed expert's tensor: `….experts.…`, not a shared expert's.
    static func isRoutedExpert(_ name: String) -> Bool {
        name.contains(".experts.") || name.hasSuffix(".experts")
            ? !name.contains("shared_expert") : false
    }
}
