import _TestSupport
import Foundation
import Testing
@testable import Workload

/// The key check of spec files knows exactly the fields the spec types encode.
@Suite struct SpecSchemaTests {
    /// A spec with every optional field set, so its encoding shows every key.
    static let everyField: ModelSpec = {
        let attention = AttentionSpec(heads: 4, kvHeads: 2, headDim: 16, qkvBias: true, outputBias: true, relativeBiasBuckets: 32, qkNorm: .perHead,
                                      latent: LatentAttentionSpec(queryRank: 8, keyValueRank: 8, nopeHeadDim: 12, ropeHeadDim: 4, valueHeadDim: 8),
                                      queryTemperature: true, outputGate: true)
        let stack = StackSpec(
            layers: 2, attention: attention, crossAttention: attention,
            ffn: FFNSpec(intermediateSize: 256, gated: true, activation: .silu, bias: true),
            moe: MoESpec(experts: 4, topK: 2, routerBias: true, expertIntermediateSize: 8, sharedExpertIntermediateSize: 12,
                         sharedExpertGate: true, denseLayers: 1,
                         routing: ExpertRouting(scoring: .sigmoid, groups: 2, topKGroups: 1, scoreCorrectionBias: true, scalingFactor: 2.5),
                         expertBias: false, latentSize: 4), norm: NormSpec(kind: .layerNorm, bias: true),
            block: .parallelTwoNorms, finalNorm: true, positions: PositionEncoding(kind: .rotary, count: 8, rotaryDimensions: 8, rotaryTables: 2),
            tokenTypes: 2, embeddingNorm: true, causal: true, slidingWindow: 64, slidingWindowLayers: 1,
            attentionChunkSize: 32, layerPattern: [LayerKind(attention: .chunked, rotary: false, experts: true)],
            stateSpace: StateSpaceSpec(variant: .mamba2, innerSize: 64, stateSize: 8, convKernel: 4, timeStepRank: 4, heads: 4, groups: 2,
                                       chunkSize: 8, bias: true, convBias: true, innerNorms: true, gatedNorm: false, outputBias: false),
            hybrid: HybridLayout(attentionLayers: 1, attentionLayersWithExperts: 1, blocks: .sequential, feedForwardLayers: 0, multipliers: true),
            linearAttention: LinearAttentionSpec(keyHeads: 2, valueHeads: 4, keyHeadDim: 8, valueHeadDim: 8, convKernel: 4, chunkSize: 64))
        return ModelSpec(name: "all", source: "s", family: "f", vocabularySize: 100, hiddenSize: 64, contextWindow: 128,
                         embeddingProjectionSize: 32, encoder: stack, decoder: stack, lmHead: LMHeadSpec(tied: false, bias: true),
                         pooler: true, predictionModules: 1,
                         checkpointPrecision: CheckpointPrecision(experts: .mxfp4, linear: .fp8, blockSize: [128, 128]))
    }()

    static func paths(of tree: SpecTree, prefix: String = "") -> Set<String> {
        guard case .mapping(let pairs) = tree else { return [] }
        return pairs.reduce(into: Set<String>()) { result, pair in
            let path = prefix.isEmpty ? pair.key : "\(prefix).\(pair.key)"
            result.insert(path)
            result.formUnion(paths(of: pair.value, prefix: path))
        }
    }

    static func paths(of schema: SpecSchema, prefix: String = "") -> Set<String> {
        guard case .object(let fields) = schema else { return [] }
        return fields.reduce(into: Set<String>()) { result, field in
            let path = prefix.isEmpty ? field.key : "\(prefix).\(field.key)"
            result.insert(path)
            result.formUnion(paths(of: field.value, prefix: path))
        }
    }

    @Test func schemaAndEncodedFieldsAreTheSame() throws {
        let data = try JSONEncoder().encode(Self.everyField)
        let encoded = Self.paths(of: SpecTree(try JSONValue.parse(data, file: "encoded")))
        let schema = Self.paths(of: SpecSchema.model)
        #expect(encoded.subtracting(schema).isEmpty, "fields the schema rejects: \(encoded.subtracting(schema).sorted())")
        #expect(schema.subtracting(encoded).isEmpty, "schema fields no type encodes: \(schema.subtracting(encoded).sorted())")
    }

    @Test func anEncodedDeepSeekSpecLoadsBackUnchanged() throws {
        var spec = try ModelLoader.load("deepseek-v3", catalog: Fixtures.catalog).spec
        spec.source = "x"
        let data = try JSONEncoder().encode(spec)
        #expect(try ModelLoader.load(data: data, path: "m.json").spec == spec)
    }

    @Test func aMisspeltLatentFieldIsRejectedWithItsPath() {
        let yaml = """
        vocabularySize: 10
        hiddenSize: 8
        decoder:
          layers: 1
          attention: {heads: 2, headDim: 6, latent: {keyValueRank: 4, nopeHeadDim: 4, ropeHeadDim: 2, valueHeadim: 4}}
          ffn: {intermediateSize: 8}
          norm: {kind: rmsnorm}
        lmHead: {tied: true}
        """
        expectSpecError(field: "decoder.attention.latent.valueHeadim", containing: "valueHeadDim") {
            try ModelLoader.load(data: Data(yaml.utf8), path: "m.yaml")
        }
    }

    @Test func anEncodedSpecLoadsBackUnchanged() throws {
        var spec = ReferenceSpecs.mixtral
        spec.source = "x"
        let data = try JSONEncoder().encode(spec)
        #expect(try ModelLoader.load(data: data, path: "m.json").spec == spec)
    }
}
