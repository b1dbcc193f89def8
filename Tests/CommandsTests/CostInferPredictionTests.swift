import CostModel
import Foundation
import ParallelPlan
import Testing
import Workload
@testable import Commands

/// `cost infer` and `cost operate` price a decoder of softmax attention (dense or a mixture) on a
/// catalog device by the per-operation steps `plan --serve` uses; a stated efficiency, an
/// architecture the step does not price, `--parameters` or a measured host keeps the roofline.
@Suite struct CostInferPredictionTests {
    func rendered(_ arguments: [String]) throws -> Rendered { try CostCommandsTests().rendered(arguments) }

    func number(_ r: Rendered, _ path: String...) -> Double? {
        guard case let .number(x)? = r.value(at: path) else { return nil }
        return x
    }

    func string(_ r: Rendered, _ key: String) -> String? {
        guard case let .string(s)? = r.value(at: key) else { return nil }
        return s
    }

    /// The batch time is the plan library's static batch on the same group: its context step,
    /// then N − 1 generation steps; the all-reduces are inside it, and the MFU follows from it.
    @Test func aDenseDecoderIsPricedByTheStaticBatchItsPlanWouldRun() throws {
        let r = try rendered(["cost", "infer", "llama-2-7b", "--prompt", "512", "--new-tokens", "256", "--batch", "8",
                              "--devices", "2", "--hardware", "a100-80gb"])
        #expect(string(r, "time_model") == "per_operation")
        let spec = try ModelLoading.load("llama-2-7b")
        let device = try Accelerator(HardwareCatalog.a100_80gb)
        let batch = try TensorParallelGeneration(tp: 2).generate(spec: spec, batch: 8, promptLength: 512, outputLength: 256, on: device)
        let seconds = try #require(number(r, "batch_seconds"))
        #expect(abs(seconds / batch.total.value - 1) < 1e-12)
        let communication = batch.context.allReduce + batch.meanGenerationStep.allReduce * 255
        #expect(abs(try #require(number(r, "communication_seconds")) / communication.value - 1) < 1e-12)
        #expect(abs(try #require(number(r, "predicted_steps", "prefill", "ffn_seconds")) - batch.context.ffn.value) < 1e-15)
        // MFU: the batch's model FLOPs over its time at the datasheet peak of both devices.
        let flops = try #require(number(r, "model_flops"))
        #expect(abs(try #require(number(r, "mfu")) - flops / (seconds * 312e12 * 2)) < 1e-12)
        // The roofline at the default MFU stays beside the prediction.
        #expect(try #require(number(r, "roofline_batch_seconds")) != seconds)
        #expect(r.notes.contains { $0.contains("priced operation by operation") })
        // The batch splits into compute-bound parts, memory-bound parts, all-reduces and the
        // layers' fixed cost, which 256 steps of 32 layers each pay.
        let fixed = try #require(number(r, "predicted_breakdown", "fixed_seconds"))
        #expect(abs(fixed - 256 * 32 * TensorParallelGeneration.fittedLayerOverhead.value) < 1e-12)
        let split = try #require(number(r, "predicted_breakdown", "compute_bound_seconds")) + (try #require(number(r, "predicted_breakdown", "memory_bound_seconds")))
            + (try #require(number(r, "predicted_breakdown", "communication_seconds"))) + fixed
        #expect(abs(split / seconds - 1) < 1e-12)
        #expect(try #require(number(r, "predicted_breakdown", "communication_seconds")) == number(r, "communication_seconds"))
    }

    /// One decode step at context P is the step `plan --serve` prices at batch B and context P.
    @Test func aSingleDecodeStepIsThePlansServingStep() throws {
        let r = try rendered(["cost", "infer", "llama-2-13b", "--prompt", "3000", "--new-tokens", "2", "--batch", "16", "--hardware", "h100"])
        let spec = try ModelLoading.load("llama-2-13b")
        let plan = try ServingPlan.estimate(spec: spec, tp: 1, batch: 16, context: 3000, on: try Accelerator(HardwareCatalog.h100SXM))
        let step = try #require(plan.predictedStep)
        #expect(abs(try #require(number(r, "decode_seconds")) / step.total.value - 1) < 1e-12)
        #expect(abs(try #require(number(r, "predicted_steps", "mean_decode_step", "seconds")) / plan.timePerToken.value - 1) < 1e-12)
    }

    /// One new token is the prompt step alone: no decode step is priced.
    @Test func oneNewTokenIsThePromptStepAlone() throws {
        let r = try rendered(["cost", "infer", "llama-2-7b", "--prompt", "100", "--new-tokens", "1"])
        #expect(number(r, "decode_seconds") == 0)
        #expect(number(r, "batch_seconds") == number(r, "predicted_steps", "prefill", "seconds"))
        #expect(!r.tables[0].rows.contains { $0[0] == "mean decode step" })
    }

    /// A stated MFU or bandwidth utilisation is an instruction to price on the roofline: the
    /// note names the option, and the batch time is the roofline's.
    @Test func aStatedEfficiencyKeepsTheRoofline() throws {
        for option in [["--mfu", "0.5"], ["--bandwidth-utilisation", "0.8"]] {
            let r = try rendered(["cost", "infer", "llama-2-7b", "--hardware", "h100"] + option)
            #expect(string(r, "time_model") == "roofline")
            #expect(number(r, "batch_seconds") == number(r, "roofline_batch_seconds"))
            #expect(r.notes.first?.contains("priced on the roofline at the stated \(option[0])") == true, "\(r.notes)")
        }
    }

    /// A mixture is priced by the same steps: its routed experts are a part of their own.
    @Test func aMixtureIsPricedStepByStepWithItsRoutedExperts() throws {
        let r = try rendered(["cost", "infer", "mixtral-8x7b", "--devices", "2", "--batch", "4"])
        #expect(string(r, "time_model") == "per_operation")
        #expect(try #require(number(r, "predicted_steps", "mean_decode_step", "routed_experts_seconds")) > 0)
    }

    /// What the per-operation step does not price — latent attention, a state-space model, a
    /// rule model, a measured host — stays on the roofline; the architecture's note says why.
    @Test func whatTheStepDoesNotPriceStaysOnTheRoofline() throws {
        for model in ["deepseek-v2-lite", "falcon-mamba-7b"] {
            let r = try rendered(["cost", "infer", model])
            #expect(string(r, "time_model") == "roofline")
            #expect(r.notes.first?.contains("no state-space, linear or latent attention") == true, "\(model)")
        }
        let rule = try rendered(["cost", "infer", "--parameters", "7e9"])
        #expect(number(rule, "mfu") != nil)
        #expect(string(rule, "time_model") == "roofline")
        #expect(!rule.notes.contains { $0.contains("priced on the roofline at") })
    }

    /// A tensor-parallel degree the heads cannot split is not an error for a cost (the roofline
    /// pools the devices): the note says why the step did not price it.
    @Test func aDegreeTheHeadsCannotSplitFallsBackWithAReason() throws {
        let r = try rendered(["cost", "infer", "llama-2-7b", "--devices", "3"])
        #expect(string(r, "time_model") == "roofline")
        #expect(r.notes.first?.contains("priced on the roofline at the default MFU") == true, "\(r.notes)")
    }

    /// A device whose links the catalog lacks is priced alone step by step; a group of them
    /// stays on the roofline without its all-reduces, and neither asks for options `cost` lacks.
    @Test func aDeviceWithoutCataloguedLinksIsPricedAloneAndGroupedOnTheRoofline() throws {
        let alone = try rendered(["cost", "infer", "llama-2-7b", "--hardware", "rtx-4090", "--price-per-hour", "0.5"])
        #expect(string(alone, "time_model") == "per_operation")
        let group = try rendered(["cost", "infer", "llama-2-7b", "--hardware", "rtx-4090", "--price-per-hour", "0.5", "--devices", "4"])
        #expect(string(group, "time_model") == "roofline")
        #expect(group.notes.first?.contains("rtx-4090 has no catalogued links between devices") == true)
        #expect(group.notes.contains { $0.contains("communication not modelled") })
        #expect(number(group, "communication_seconds") == 0)
    }

    /// `cost operate` sizes its fleet by the same batch time.
    @Test func operateSizesTheFleetByThePredictedBatch() throws {
        let infer = try rendered(["cost", "infer", "llama-2-7b", "--prompt", "1000", "--new-tokens", "200", "--batch", "32"])
        let operate = try rendered(["cost", "operate", "llama-2-7b", "--requests-per-day", "1e6", "--prompt", "1000",
                                    "--new-tokens", "200", "--batch", "32"])
        #expect(string(operate, "time_model") == "per_operation")
        let perRequest = try #require(number(infer, "batch_seconds")) / 32
        #expect(abs(try #require(number(operate, "device_seconds_per_request")) / perRequest - 1) < 1e-12)
    }
}
