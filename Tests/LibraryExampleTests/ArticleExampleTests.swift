// README example: imports
import CostModel
import Workload
// README example: end
import Testing

/// The DocC walk-through `Workload.docc/CountingAndPricing.md`: every code block there is a
/// piece of this body (imports, a blank line, the body unindented by four spaces).
func articleExample() throws -> (parameters: ParameterReport, prefill: FlopReport, step: FlopReport, train: FlopReport,
                                   memory: MemoryReport, training: TrainingCost, serving: InferenceCost) {
    // README example: body
    let loaded = try ModelLoader.load("llama-2-7b")
    for warning in loaded.warnings { print("warning:", warning) }
    let model = loaded.spec

    let parameters = try ParameterCount.report(for: model)
    for component in parameters.components {
        print(component.name, component.parameters, component.formula)
    }
    print(parameters.total, parameters.active)  // 6738415616 6738415616

    let counter = try FlopCounter(spec: model)
    let prefill = try counter.prefill(batch: 1, seq: 4096)
    let step = try counter.decode(batch: 1, context: 4095)
    let train = try counter.train(batch: 1, seq: 4096, recompute: .none)
    print(prefill.total / prefill.tokens)  // 15361638400 FLOPs per prompt token
    print(step.total)                      // 15361638400 FLOPs for token 4,096 (4,095 cached)
    print(train.total / train.tokens)      // 46084915200 FLOPs per training token

    let memory = try MemoryEstimator(spec: model, requestedWeightType: nil).report(batch: 8, seq: 4096)
    print(memory.weights.total, memory.kvCache.total)  // 13476831232 17179869184 bytes

    let figures = try ModelFigures(spec: model, sequenceLength: 4096)
    let h100 = try HardwareProfile.datasheet(HardwareCatalog.named("h100-sxm"), mfu: 0.4)
    let training = try TrainingCost.estimate(model: figures, tokens: 2_000_000_000_000, hardware: h100, devices: 1024)
    let serving = try InferenceCost.estimate(model: figures, promptTokens: 1000, outputTokens: 200, batch: 16, hardware: h100)
    print(training.dollars, training.wallClock)  // $190,196.15 2.6 days
    print(serving.dollarsPerRequest)             // $0.00010766

    do {
        _ = try ModelLoader.load("llama-2-7")
    } catch {
        print(error)  // … no such model in the catalog …; did you mean 'llama-2-7b', …
    }
    // README example: end
    return (parameters, prefill, step, train, memory, training, serving)
}

@Suite struct ArticleExampleTests {
    static let article = "Sources/Workload/Workload.docc/CountingAndPricing.md"

    /// The figures the article's comments print.
    @Test func articlePrintsTheExactFigures() throws {
        let r = try articleExample()
        #expect(r.parameters.total == 6_738_415_616 && r.parameters.active == 6_738_415_616)
        #expect(r.prefill.total / r.prefill.tokens == 15_361_638_400)
        #expect(r.step.total == 15_361_638_400)
        #expect(r.train.total / r.train.tokens == 46_084_915_200)
        #expect(r.memory.weights.total == 13_476_831_232 && r.memory.kvCache.total == 17_179_869_184)
        #expect(r.training.dollars.description == "$190,196.15" && r.training.wallClock.description == "2.6 days")
        #expect(r.serving.dollarsPerRequest.description == "$0.00010766")
    }

    /// The unknown name in the last block is refused with the nearest catalog name suggested.
    @Test func misspelledModelSuggestsTheCatalogName() {
        #expect { _ = try ModelLoader.load("llama-2-7") } throws: { "\($0)".contains("llama-2-7b") }
    }

    /// Every code block of the article is a contiguous piece of the compiled example.
    @Test func everyArticleBlockIsCompiledHere() throws {
        let example = try ExampleSource.example(in: ExampleSource.text("Tests/LibraryExampleTests/ArticleExampleTests.swift"))
        let blocks = ExampleSource.swiftBlocks(in: try ExampleSource.text(Self.article))
        #expect(blocks.count == 7)
        for block in blocks {
            #expect(example.contains(block), "\(Self.article) shows code that is not in \(#fileID):\n\(block)")
        }
    }
}
