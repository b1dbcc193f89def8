import Foundation
import Testing
import _TestSupport

/// `llmcost` run as a user runs it on a hub id in a fake Hugging Face cache (`HF_HUB_CACHE`) and
/// on a model directory with safetensors files: every command takes them, `params` shows the
/// checkpoint, `memory` prices the stored bytes, and what is missing is one clear error.
@Suite struct HubCheckpointCLITests {
    typealias F = CheckpointFixtures
    static let commit = String(repeating: "3c", count: 20)

    /// A cache holding `org/tiny` (config and an F32 checkpoint) and its root.
    func cache() throws -> String {
        let root = try F.scratch("cli-hub")
        try F.cache(root: root, id: "org/tiny", commit: Self.commit, refs: ["main", "v1"], files: [
            "config.json": F.tinyLlamaConfig(),
            "model.safetensors": F.safetensors(F.tinyLlamaTensors(dtype: "F32") + [("model.layers.2.eh_proj.weight", "F32", [8, 16])]),
        ])
        return root
    }

    func run(_ arguments: [String], cache: String) throws -> ExecutableTests.Run {
        try ExecutableTests().run(arguments, environment: ["HF_HUB_CACHE": cache], removing: ["HF_HOME"])
    }

    func json(_ run: ExecutableTests.Run) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
    }

    @Test func paramsOfAHubIdShowsTheCheckpointAgainstTheConfig() throws {
        let root = try cache()
        let r = try run(["params", "org/tiny", "--format", "json"], cache: root)
        #expect(r.status == 0, "\(r.stderr)")
        let object = try json(r)
        #expect(object["total_parameters"] as? Int == F.tinyLlamaParameters)
        let checkpoint = try #require(object["checkpoint"] as? [String: Any])
        #expect(checkpoint["parameters"] as? Int == F.tinyLlamaParameters + 128)
        #expect(checkpoint["unattributed_parameters"] as? Int == 0)
        #expect((checkpoint["bytes_by_dtype"] as? [String: Int])?["F32"] == 4 * (F.tinyLlamaParameters + 128))
        let groups = try #require(checkpoint["differences"] as? [[String: Any]])
        #expect(groups.first?["group"] as? String == "layers beyond num_hidden_layers")
        let table = try run(["params", "org/tiny"], cache: root)
        #expect(table.status == 0 && table.stdout.contains("checkpoint against config.json"))
        let snapshot = "\(root)/models--org--tiny/snapshots/\(Self.commit)/model.safetensors"
        let overwrite = try run(["params", "org/tiny", "--output", snapshot], cache: root)
        #expect(overwrite.status != 0, "the weights must not be overwritten: \(overwrite.stderr)")
    }

    @Test func memoryOfAHubIdPricesTheStoredBytesUnlessADtypeIsNamed() throws {
        let root = try cache()
        let stored = try json(run(["memory", "org/tiny", "--seq", "16", "--format", "json"], cache: root))
        #expect(stored["dtype"] as? String == "checkpoint files: F32")
        #expect((stored["weights"] as? [String: Any])?["total_bytes"] as? Int == 4 * (F.tinyLlamaParameters + 128))
        let named = try json(run(["memory", "org/tiny", "--seq", "16", "--weight-type", "bf16", "--format", "json"], cache: root))
        #expect((named["weights"] as? [String: Any])?["total_bytes"] as? Int == 2 * F.tinyLlamaParameters)
    }

    @Test(arguments: [
        ["flops", "org/tiny", "--seq", "16"], ["flops", "org/tiny", "--phase", "decode", "--context", "15"],
        ["flops", "org/tiny", "--phase", "generate", "--seq", "8", "--new-tokens", "4", "--beams", "2"],
        ["flops", "org/tiny", "--phase", "train", "--seq", "16"], ["flops", "org/tiny", "--revision", "v1"],
        ["flops", "org/tiny", "--revision", String(repeating: "3c", count: 20)],
        ["cost", "infer", "org/tiny", "--prompt", "16", "--new-tokens", "4"], ["cost", "train", "org/tiny", "--tokens", "1e9"],
        ["plan", "org/tiny", "--devices", "8", "--seq", "64"], ["plan", "org/tiny", "--serve", "--context", "64"], ["validate", "org/tiny", "--contexts", "16,64"],
        ["bench", "--dry-run", "org/tiny"],
    ])
    func everyCommandTakesAHubId(_ arguments: [String]) throws {
        let r = try run(arguments + ["--format", "json"], cache: try cache())
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
    }

    @Test func aModelNotCachedIsOneLineSayingWhereAndHow() throws {
        let root = try cache()
        let r = try run(["params", "meta-llama/Llama-3.1-8B"], cache: root)
        #expect(r.status != 0)
        #expect(r.stderr.contains("models--meta-llama--Llama-3.1-8B") && r.stderr.contains("huggingface-cli download meta-llama/Llama-3.1-8B config.json"))
        #expect(r.stderr.split(separator: "\n").count == 1)
        let revision = try run(["flops", "org/tiny", "--revision", "v9"], cache: root)
        #expect(revision.status != 0 && revision.stderr.contains("--revision: "), "\(revision.stderr)")
        let catalog = try run(["params", "gpt2", "--revision", "main"], cache: root)
        #expect(catalog.status != 0 && catalog.stderr.contains("--revision: "), "\(catalog.stderr)")
    }

    @Test func aHostileCheckpointInAModelDirectoryIsOneErrorNamingTheFile() throws {
        let dir = try F.scratch("cli-hostile")
        try F.write(["config.json": F.tinyLlamaConfig(), "model.safetensors": F.raw(header: "{}", length: 1 << 62)], in: dir)
        let r = try ExecutableTests().run(["params", dir])
        #expect(r.status != 0 && r.stderr.contains("model.safetensors: field 'header length'"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        // flops does not read the weights: the config alone counts.
        #expect(try ExecutableTests().run(["flops", dir, "--seq", "16"]).status == 0)
    }
}
