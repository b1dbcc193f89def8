import _TestSupport
import Testing
@testable import Workload

@Suite struct ReferenceFigureTests {
    @Test func gpt2HasTheParameterCountOfTheRealModel() throws {
        let report = try ParameterCount.report(for: ReferenceSpecs.gpt2)
        #expect(report.total == 124_439_808)
        #expect(report.nonEmbedding == 124_439_808 - 50257 * 768 - 1024 * 768)
    }

    @Test func llama2_7bHasTheParameterCountOfTheRealModel() throws {
        #expect(try ParameterCount.report(for: ReferenceSpecs.llama2_7b).total == 6_738_415_616)
    }

    @Test func mixtralCountsAllExpertsInTotalAndTopKInActive() throws {
        let report = try ParameterCount.report(for: ReferenceSpecs.mixtral)
        #expect(report.total == 46_702_792_704)
        // 6 inactive experts per layer × 32 layers × 3 × 4096 × 14336
        #expect(report.active == 46_702_792_704 - 6 * 32 * 3 * 4096 * 14336)
    }

    @Test func t5BaseWithTiedHeadHasTheParameterCountOfTheRealModel() throws {
        #expect(try ParameterCount.report(for: ReferenceSpecs.t5Base).total == 222_903_552)
    }

    @Test func llama2_7bForwardAt2048MatchesFlopCounterMode() throws {
        let report = try FlopCounter(spec: ReferenceSpecs.llama2_7b).prefill(batch: 1, seq: 2048)
        // transformers 5.23: the rotary table is built element-wise, no longer an `inv_freq @ positions`
        // matmul (5.17 counted 262,144 more: 29,261,612,449,792).
        #expect(report.total == 29_261_612_187_648)
        let attention = report.flops(endingWith: "attention_scores", "attention_values")
        #expect(attention == 2_199_023_255_552)
        #expect(report.total - attention == 27_062_588_932_096)
    }
}
