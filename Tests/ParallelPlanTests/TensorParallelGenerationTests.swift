import CostModel
import Foundation
import _TestSupport
import Testing
import Workload
@testable import ParallelPlan

/// Static-batch generation of a dense model on one tensor-parallel group
/// (`TensorParallelGeneration`) and the published TensorRT-LLM rows priced with it.
@Suite struct TensorParallelGenerationTests {
    static func spec(_ name: String) throws -> ModelSpec {
        try ModelLoader.loadFile(at: PublishedRunTests.specs.appendingPathComponent("\(name).yaml").path).spec
    }
    static let h100 = try! Accelerator(HardwareCatalog.h100SXM, precision: .fp8)

    /// One sequence's generation step is bound by its weights: each part reads its share of
    /// them (1 byte each in FP8) at the datasheet bandwidth.
    @Test func aSingleSequenceStepReadsEachDevicesShareOfTheWeights() throws {
        let spec = try Self.spec("llama-2-70b")
        let deployment = TensorParallelGeneration(tp: 2, weightType: .fp8, kvType: .fp8)
        let step = try deployment.step(spec: spec, batch: 1, length: 100, prefill: false, on: Self.h100, kernelEfficiency: 0.7)
        let memory = try MemoryEstimator(spec: spec, weightType: .fp8, kvType: .fp8).report(batch: 1, seq: 100)
        let ffn = Double(memory.weights.bytes(of: .ffn))
        #expect(abs(step.ffn.value - ffn / 2 / Self.h100.bandwidth.value) < 1e-15)
        #expect(step.allReduce > .zero)
        let kv = Double(memory.kvCacheBytesPerToken) * 100
        #expect(abs(step.attentionCore.value - kv / 2 / Self.h100.bandwidth.value) < 1e-15)
    }

    /// A serving step's element-wise kernels move half of what a training step's do over the same
    /// tokens: the forward's write and read of each activation a layer keeps, not the backward's.
    @Test func theElementwiseKernelsMoveTheForwardHalfOfATrainingStepsTraffic() throws {
        let spec = try Self.spec("llama-2-7b")
        let device = try Accelerator(HardwareCatalog.h100SXM)
        let training = try ParallelConfig().evaluate(TrainingJob(spec: spec, seq: 512, globalBatch: 2), on: device)
        #expect(training.microBatchSize * training.config.microBatches == 2)
        let serving = try TensorParallelGeneration(tp: 1).step(spec: spec, batch: 2, length: 512, prefill: true, on: device, kernelEfficiency: 0.7)
        #expect(serving.elementwise > .zero)
        #expect(abs(serving.elementwise.value * 2 / training.deviceTime.elementwise.value - 1) < 1e-12)
        // Tensor parallelism splits all but the replicated activations (norm inputs, GEMM inputs).
        let split = try TensorParallelGeneration(tp: 2).step(spec: spec, batch: 2, length: 512, prefill: true, on: device, kernelEfficiency: 0.7)
        #expect(split.elementwise.value > serving.elementwise.value / 2 && split.elementwise < serving.elementwise)
    }

    /// A kernel that loads each KV group once per query head reads a grouped-query cache
    /// heads ÷ KV heads times (Llama 2 70B: 64 ÷ 8); a multi-head model's once either way.
    @Test func perQueryHeadKVLoadsMultiplyAGroupedQueryCachesTraffic() throws {
        for (name, reads) in [("llama-2-70b", 8.0), ("llama-2-7b", 1.0)] {
            let spec = try Self.spec(name)
            func core(_ perHead: Bool) throws -> Double {
                try TensorParallelGeneration(tp: 1, weightType: .fp8, kvType: .fp8, readsKVPerQueryHead: perHead)
                    .step(spec: spec, batch: 64, length: 3000, prefill: false, on: Self.h100, kernelEfficiency: 0.7).attentionCore.value
            }
            #expect(abs(try core(true) / core(false) - reads) < 1e-9, "\(name)")
        }
    }

    /// The generation steps priced at their mean cached length equal the steps one by one:
    /// step j feeds output token j over prompt + j − 1 positions (odd and even step counts).
    @Test func theMeanLengthStepPricesEveryGenerationStepExactly() throws {
        let spec = try Self.spec("llama-2-7b")
        let deployment = TensorParallelGeneration(tp: 1, weightType: .fp8, kvType: .fp8)
        for output in [1, 2, 5, 6] {
            let g = try deployment.generate(spec: spec, batch: 48, promptLength: 300, outputLength: output, on: Self.h100)
            var byStep = 0.0
            for j in stride(from: 1, to: output, by: 1) {
                byStep += try deployment.step(spec: spec, batch: 48, length: 300 + j - 1, prefill: false, on: Self.h100,
                                              kernelEfficiency: TrainingJob.fittedKernelEfficiency).total.value
            }
            #expect(abs(g.generation.value - byStep) <= 1e-12 * max(1, byStep), "output \(output)")
            #expect(g.generationSteps == output - 1)
            #expect(abs(g.total.value - g.context.total.value - byStep) <= 1e-12 * max(1, g.total.value))
        }
    }

    /// A sliding window bends a step's time where the cache reaches it: the lengths on either
    /// side are priced at their own means, and the sum is still every step's (Gemma 2's 4,096
    /// window met mid-generation, and a generation wholly past it).
    @Test func aWindowMetMidGenerationIsStillPricedStepForStep() throws {
        let spec = try ModelLoader.load("gemma-2-2b").spec
        #expect(spec.decoder?.slidingWindow == 4096)
        let deployment = TensorParallelGeneration(tp: 1)
        for (prompt, output) in [(4000, 201), (4090, 12), (5000, 40)] {
            let g = try deployment.generate(spec: spec, batch: 8, promptLength: prompt, outputLength: output, on: Self.h100)
            var byStep = 0.0
            for length in prompt...(prompt + output - 2) {
                byStep += try deployment.step(spec: spec, batch: 8, length: length, prefill: false, on: Self.h100,
                                              kernelEfficiency: TrainingJob.fittedKernelEfficiency).total.value
            }
            #expect(abs(g.generation.value / byStep - 1) < 1e-12, "prompt \(prompt), output \(output)")
        }
        #expect(TensorParallelGeneration.affineRuns(of: 4000...4199, spec: spec) == [4000...4095, 4096...4096, 4097...4199])
    }

    /// A step's time splits by what bounds each part: one sequence's decode step reads its
    /// weights and cache (no part is compute-bound); a long prompt's GEMMs are compute-bound;
    /// the all-reduces and the layers' fixed cost are neither.
    @Test func aStepSplitsIntoComputeBoundMemoryBoundCommunicationAndFixedCost() throws {
        let spec = try Self.spec("llama-2-7b")
        let deployment = TensorParallelGeneration(tp: 2)
        let decode = try deployment.step(spec: spec, batch: 1, length: 1000, prefill: false, on: Self.h100, kernelEfficiency: 0.7)
        #expect(decode.computeBound == .zero)
        #expect(decode.layerOverhead == TensorParallelGeneration.fittedLayerOverhead * 32)
        #expect(abs((decode.memoryBound + decode.allReduce + decode.layerOverhead - decode.total).value) < 1e-15)
        let prefill = try deployment.step(spec: spec, batch: 8, length: 2048, prefill: true, on: Self.h100, kernelEfficiency: 0.7)
        #expect(prefill.computeBound >= prefill.attentionProjections + prefill.ffn)
        #expect(prefill.memoryBound >= prefill.elementwise && prefill.allReduce > .zero)
        #expect(abs((prefill.computeBound + prefill.memoryBound + prefill.allReduce + prefill.layerOverhead - prefill.total).value) < 1e-12)
        // One sequence reads 6.7 GB of bf16 weights a device a step (2.2 ms), less than 32 layers'
        // fixed cost (3.7 ms); 64 sequences of 4,000 cached tokens read 67 GB of cache more.
        let wide = try deployment.step(spec: spec, batch: 64, length: 4000, prefill: false, on: Self.h100, kernelEfficiency: 0.7)
        #expect(ServingPlan.boundBy(decode) == "layer overhead" && ServingPlan.boundBy(wide) == "memory bandwidth")
        #expect(ServingPlan.boundBy(prefill) == "compute")
    }

    /// The fixed cost is layers × τ in every step, the context step included: a batch priced at
    /// τ costs (generation steps + 1) × layers × τ more than at zero, and nothing else moves.
    @Test func theFixedCostIsLayersTimesTauInEveryStep() throws {
        let spec = try Self.spec("llama-2-70b")
        let deployment = TensorParallelGeneration(tp: 4)
        let bare = try deployment.generate(spec: spec, batch: 16, promptLength: 500, outputLength: 300, on: Self.h100, layerOverhead: .zero)
        let tau = Seconds(2e-4)
        let priced = try deployment.generate(spec: spec, batch: 16, promptLength: 500, outputLength: 300, on: Self.h100, layerOverhead: tau)
        #expect(bare.context.layerOverhead == .zero && priced.context.layerOverhead == tau * 80)
        #expect(abs((priced.total - bare.total).value - 300 * 80 * 2e-4) < 1e-9)
        var stripped = priced.meanGenerationStep
        stripped.layerOverhead = .zero
        #expect(abs((stripped.total - bare.meanGenerationStep.total).value) < 1e-15)
    }

    /// The context step prices the causal half of the scores and the LM head for one position
    /// per sequence: more prompt, more time; its all-reduces carry every prompt token.
    @Test func theContextStepComputesEveryPromptTokenButOneRowOfLogitsPerSequence() throws {
        let spec = try Self.spec("llama-2-7b")
        let deployment = TensorParallelGeneration(tp: 2)
        let device = try Accelerator(HardwareCatalog.h100SXM, precision: .bf16)
        let short = try deployment.step(spec: spec, batch: 4, length: 512, prefill: true, on: device, kernelEfficiency: 0.7)
        let long = try deployment.step(spec: spec, batch: 4, length: 2048, prefill: true, on: device, kernelEfficiency: 0.7)
        #expect(long.lmHead == short.lmHead)
        #expect(long.ffn > short.ffn * 3.9 && long.attentionCore > short.attentionCore * 15.9)
        #expect(abs(long.allReduce.value - ServingPlan.tensorParallelTime(spec: spec, tp: 2, tokens: 4 * 2048, on: device).value) < 1e-15)
    }

    /// Only a decoder of softmax attention is priced; anything else, a degree its heads do
    /// not divide, or an empty batch is refused naming the parameter.
    @Test func onlyADecoderOfSoftmaxAttentionOnAValidGroupIsPriced() throws {
        let cases: [(String, TensorParallelGeneration, Int, InputParameter)] = [
            ("t5-small", TensorParallelGeneration(tp: 1), 1, .tensorParallel),
            ("deepseek-v2-lite", TensorParallelGeneration(tp: 1), 1, .tensorParallel),
            ("mamba2-2.7b", TensorParallelGeneration(tp: 1), 1, .tensorParallel),
            ("llama-2-7b", TensorParallelGeneration(tp: 3), 1, .tensorParallel),
            ("llama-2-7b", TensorParallelGeneration(tp: 1), 0, .batch),
            ("llama-2-7b", TensorParallelGeneration(tp: 1), Int.max / 4, .batch),
        ]
        for (prompt, output, parameter) in [(0, 8, InputParameter.promptTokens), (8, 0, .outputTokens)] {
            do {
                _ = try TensorParallelGeneration(tp: 1).generate(spec: try Self.spec("llama-2-7b"), batch: 1, promptLength: prompt, outputLength: output, on: Self.h100)
                Issue.record("accepted \(prompt) prompt and \(output) output tokens")
            } catch let error as PlanError {
                #expect(error.parameter == parameter)
            }
        }
        for (name, deployment, batch, parameter) in cases {
            do {
                _ = try deployment.generate(spec: try Self.spec(name), batch: batch, promptLength: 8, outputLength: 8, on: Self.h100)
                Issue.record("accepted \(name) at tp \(deployment.tp), batch \(batch)")
            } catch let error as PlanError {
                #expect(error.parameter == parameter, "\(name): \(error.message)")
            }
        }
    }

    /// Every published row states its setup; its reported time is batch × output tokens at the
    /// reported rate over its devices; outside 25 % it says what is known.
    @Test func generationRowsStateTheirSetupAndTheirReportedTime() throws {
        #expect(PublishedGenerationRuns.all.count >= 8)
        for run in PublishedGenerationRuns.all {
            #expect(!run.assumptions.isEmpty && !run.source.isEmpty, "\(run.name)")
            let device = try Accelerator(HardwareCatalog.named(run.hardware), precision: run.precision)
            let check = try PublishedGenerationCheck.check(run, spec: try Self.spec(run.model), device: device)
            let expected = Double(run.batch * run.outputLength) / (Double(run.deployment.tp) * run.reportedOutputTokensPerSecondPerDevice)
            #expect(abs(check.reportedSeconds - expected) < 1e-12)
            #expect(check.error.isFinite)
            if abs(check.error) > PublishedRunFit.outsideBound { #expect(run.outsideBecause != nil, "\(run.name)") }
        }
    }

    /// The accuracy bar counts the generation rows beside the training and expert-parallel ones.
    @Test func accuracyCountsTheGenerationRows() throws {
        let fit = try PublishedRunFit.fit(try PublishedRunFitTests.inputs())
        let generation = try PublishedGenerationRuns.all.map { run in
            try PublishedGenerationCheck.check(run, spec: try Self.spec(run.model),
                                               device: try Accelerator(HardwareCatalog.named(run.hardware), precision: run.precision),
                                               kernelEfficiency: fit.efficiency)
        }
        let accuracy = PublishedAccuracy(training: fit, serving: [], generation: generation)
        let errors = fit.rows.map { abs($0.check.error) } + generation.map { abs($0.error) }
        #expect(accuracy.rowCount == fit.rows.count + generation.count)
        #expect(accuracy.medianAbsoluteError == PublishedRunFit.median(errors))
    }
}
