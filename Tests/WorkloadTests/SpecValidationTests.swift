import Testing
@testable import Workload

/// `validated(file:)` refuses every impossible spec with the field's path.
@Suite struct SpecValidationTests {
    static let base = ReferenceSpecs.llama2_7b

    func expectInvalid(_ field: String, sourceLocation: SourceLocation = #_sourceLocation, _ change: (inout ModelSpec) -> Void) {
        var spec = Self.base
        change(&spec)
        expectSpecError(field: field, fileSuffix: "spec.yaml", sourceLocation: sourceLocation) { try spec.validated(file: "spec.yaml") }
    }

    @Test func validSpecsPassUnchanged() throws {
        for spec in [ReferenceSpecs.gpt2, ReferenceSpecs.llama2_7b, ReferenceSpecs.mixtral, ReferenceSpecs.t5Base] {
            #expect(try spec.validated(file: "x") == spec)
        }
    }

    @Test func everySizeMustBePositive() {
        expectInvalid("vocabularySize") { $0.vocabularySize = 0 }
        expectInvalid("hiddenSize") { $0.hiddenSize = -1 }
        expectInvalid("contextWindow") { $0.contextWindow = 0 }
        expectInvalid("embeddingProjectionSize") { $0.embeddingProjectionSize = 0 }
        expectInvalid("decoder.layers") { $0.decoder?.layers = 0 }
        expectInvalid("decoder.attention.heads") { $0.decoder?.attention.heads = 0 }
        expectInvalid("decoder.attention.kvHeads") { $0.decoder?.attention.kvHeads = 0 }
        expectInvalid("decoder.attention.headDim") { $0.decoder?.attention.headDim = -64 }
        expectInvalid("decoder.ffn.intermediateSize") { $0.decoder?.ffn.intermediateSize = 0 }
        expectInvalid("decoder.slidingWindow") { $0.decoder?.slidingWindow = 0 }
        expectInvalid("decoder.tokenTypes") { $0.decoder?.tokenTypes = -2 }
        expectInvalid("decoder.attention.relativeBiasBuckets") { $0.decoder?.attention.relativeBiasBuckets = 0 }
    }

    @Test func headsAndExpertsMustBeConsistent() {
        expectInvalid("decoder.attention.kvHeads") { $0.decoder?.attention.kvHeads = 5 }
        expectInvalid("decoder.attention.kvHeads") { $0.decoder?.attention.kvHeads = 64 }
        expectInvalid("decoder.moe.topK") { $0.decoder?.moe = MoESpec(experts: 2, topK: 3) }
        expectInvalid("decoder.moe.experts") { $0.decoder?.moe = MoESpec(experts: 0, topK: 0) }
        expectInvalid("decoder.crossAttention.heads") { $0.decoder?.crossAttention = AttentionSpec(heads: 0, headDim: 64) }
    }

    @Test func explicitHeadWidthMayDifferFromWidthOverHeads() throws {
        var spec = Self.base
        spec.decoder?.attention.headDim = 256
        #expect(try spec.validated(file: "x").decoder?.attention.headDim == 256)
    }

    @Test func positionsMustBeComplete() {
        expectInvalid("decoder.positions.count") { $0.decoder?.positions = PositionEncoding(kind: .learned) }
        expectInvalid("decoder.positions.count") { $0.decoder?.positions = .learned(0) }
        expectInvalid("decoder.positions.rotaryDimensions") { $0.decoder?.positions = .rotary(dimensions: 129) }
        expectInvalid("decoder.positions.rotaryDimensions") { $0.decoder?.positions = .rotary(dimensions: 31) }
        expectInvalid("decoder.positions.rotaryDimensions") { $0.decoder?.positions = .rotary(dimensions: 256) }
        expectInvalid("decoder.positions.count") { $0.decoder?.positions = PositionEncoding(kind: .rotary, count: 12) }
        expectInvalid("decoder.positions.rotaryDimensions") { $0.decoder?.positions = PositionEncoding(kind: .alibi, rotaryDimensions: 8) }
    }

    @Test func aModelNeedsAStack() {
        expectInvalid("decoder") { $0.decoder = nil }
    }

    @Test func aNormWithoutScaleHasNoShift() {
        expectInvalid("decoder.norm.bias") { $0.decoder?.norm = NormSpec(kind: .layerNorm, bias: true, affine: true); $0.decoder?.norm.affine = false }
    }

    @Test func sizesPastTheCapAreRefusedBeforeTheyCanOverflow() {
        expectInvalid("hiddenSize") { $0.hiddenSize = (1 << 31) + 1 }
        expectInvalid("decoder.attention.headDim") { $0.decoder?.attention.heads = 1 << 30; $0.decoder?.attention.kvHeads = 1; $0.decoder?.attention.headDim = 1 << 20 }
        var spec = Self.base
        spec.hiddenSize = 1 << 30
        spec.decoder?.ffn.intermediateSize = 1 << 30
        let error = expectSpecError { try spec.validated(file: "big.yaml") }
        #expect(error?.message.contains("2^53") == true)
        #expect(SpecLimits.maximumSize == 2_147_483_648)
    }
}
