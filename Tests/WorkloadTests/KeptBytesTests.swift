import Testing
@testable import Workload

/// What a forward's element-wise kernels move per token: every layer's kept activations, layer
/// by layer, split over a tensor-parallel group as the memory model splits them.
@Suite struct KeptBytesTests {
    /// DeepSeek-V2-Lite's first layer is dense, the other 26 are mixtures: the stack's bytes are
    /// each kind's own times its count, less than the largest kind's times every layer.
    @Test func aStackOfTwoLayerKindsSumsEachKindByItsCount() throws {
        let spec = try ModelLoader.load("deepseek-v2-lite").spec
        let stack = try #require(ModelOperations(spec).stacks.first)
        #expect(stack.layers.count >= 2)
        let byKind = stack.layers.map { (Double($0.count), stack.savedBytesPerToken($0)) }
        let whole = byKind.reduce(0.0) { $0 + $1.0 * $1.1.total.doubleValue }
        #expect(abs(stack.keptBytesPerToken() / whole - 1) < 1e-12)
        let largest = try #require(stack.largestLayer)
        #expect(stack.keptBytesPerToken() < stack.savedBytesPerToken(largest).total.doubleValue * Double(spec.decoder?.layers ?? 0))
        // Four ranks keep the replicated bytes whole and a quarter of the rest.
        let split = byKind.reduce(0.0) { sum, kind in
            let replicated = kind.1.replicated.doubleValue
            return sum + kind.0 * (replicated + (kind.1.total.doubleValue - replicated) / 4)
        }
        #expect(abs(stack.keptBytesPerToken(tp: 4) / split - 1) < 1e-12)
        #expect(stack.keptBytesPerToken(tp: 4) < stack.keptBytesPerToken())
    }

    /// Only the operations asked for count: the routed experts' share and the rest add up.
    @Test func aFilterCountsOnlyTheOperationsItAccepts() throws {
        let stack = try #require(ModelOperations(try ModelLoader.load("mixtral-8x7b").spec).stacks.first)
        let experts = stack.keptBytesPerToken { $0.component == .experts }
        let rest = stack.keptBytesPerToken { $0.component != .experts }
        #expect(experts > 0 && rest > 0)
        #expect(abs((experts + rest) / stack.keptBytesPerToken() - 1) < 1e-12)
    }
}
