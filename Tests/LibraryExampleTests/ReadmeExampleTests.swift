// README example: imports
import CostModel
import Workload
// README example: end
import Foundation
import Testing

/// The README's "Use as a library" example, as a user of the package would write it: the lines
/// between the `README example` markers are the README's code block (the body unindented by four
/// spaces), so the README shows code that compiles against the public products and prints the
/// figures these tests check.
func readmeExample() throws -> (model: ModelSpec, prefill: FlopReport, run: TrainingCost) {
    // README example: body
    // A catalog name, a spec file, a config.json, a model directory, a GGUF file or a cached hub id.
    let model = try ModelLoader.load("llama-2-7b").spec
    let parameters = try ParameterCount.report(for: model).total
    let prefill = try FlopCounter(spec: model).prefill(batch: 1, seq: 4096)
    print("\(model.name): \(parameters) parameters, \(prefill.total / prefill.tokens) FLOPs per prompt token")

    // Pretraining on 2 trillion tokens of 4,096-token sequences, 1,024 H100s at 40 % MFU.
    let figures = try ModelFigures(spec: model, sequenceLength: 4096)
    let h100 = try HardwareProfile.datasheet(HardwareCatalog.named("h100-sxm"), mfu: 0.4)
    let run = try TrainingCost.estimate(model: figures, tokens: 2_000_000_000_000, hardware: h100, devices: 1024)
    print("\(run.flops) training FLOPs (6·N·D: \(run.ruleFLOPs)), \(run.wallClock), \(run.dollars)")
    // README example: end
    return (model, prefill, run)
}

@Suite struct ReadmeExampleTests {
    /// The figures the example prints are the exact counts (`llmcost params llama-2-7b`,
    /// `llmcost flops llama-2-7b --seq 4096`, `llmcost cost train llama-2-7b --tokens 2e12
    /// --seq 4096 --devices 1024`).
    @Test func examplePrintsTheExactFigures() throws {
        let (model, prefill, run) = try readmeExample()
        #expect(try ParameterCount.report(for: model).total == 6_738_415_616)
        #expect(prefill.total == 62_921_270_886_400)
        #expect(prefill.total / prefill.tokens == 15_361_638_400)
        #expect(run.flops.count == 92_169_830_400_000_000_000_000)
        #expect(run.ruleFLOPs.count == 80_860_987_392_000_000_000_000)
        #expect(run.wallClock.description == "2.6 days")
        #expect(run.wallClock.days > 2.63 && run.wallClock.days < 2.64)  // 64,693 device-hours ÷ 1,024
        #expect(run.dollars.description == "$190,196.15")
    }

    /// The README's block is the example here, byte for byte, so the two cannot drift apart.
    @Test func readmeShowsThisExample() throws {
        let expected = try ExampleSource.example(in: ExampleSource.text("Tests/LibraryExampleTests/ReadmeExampleTests.swift"))
        let blocks = ExampleSource.swiftBlocks(in: try ExampleSource.text("README.md"))
        #expect(blocks.contains(expected), "README.md has no ```swift block equal to the example in \(#fileID); paste:\n\(expected)")
    }

    /// The extraction itself: a changed line in the example is a different block.
    @Test func extractionSeesEveryLine() throws {
        let source = try ExampleSource.text("Tests/LibraryExampleTests/ReadmeExampleTests.swift")
        let example = try ExampleSource.example(in: source)
        #expect(example.hasPrefix("import CostModel\nimport Workload\n\n// A catalog name"))
        #expect(example.hasSuffix("\\(run.dollars)\")"))
        let edited = try ExampleSource.example(in: source.replacingOccurrences(of: "devices: 1024)", with: "devices: 512)"))
        #expect(edited != example)
    }
}
