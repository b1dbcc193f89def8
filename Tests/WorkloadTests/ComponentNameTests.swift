import Testing
@testable import Workload

@Suite struct ComponentNameTests {
    /// The name table is indexed by the raw value: one distinct snake_case name per case, in order.
    @Test func everyFlopLineHasItsOwnName() {
        let names = FlopComponentName.allCases.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } })
        #expect(FlopComponentName.attentionQKV.name == "attention_qkv" && FlopComponentName.lmHeadBias.name == "lm_head_bias")
        #expect(FlopComponentName.allCases.map(\.rawValue) == Array(0..<names.count))
    }
}
