import Foundation
import Testing
import _TestSupport
@testable import Workload

/// Hub ids resolve through a fake Hugging Face cache tree, at a branch, a tag or a commit; what
/// is not cached is one error saying where it looked and how to fetch it.
@Suite struct HubCacheTests {
    static let commit = String(repeating: "a1", count: 20)
    static let older = String(repeating: "0b", count: 20)

    /// A cache holding `org/tiny` at `commit` (main, v1) and at `older` (no ref).
    func cache() throws -> HubCache {
        let root = try CheckpointFixtures.scratch("hub")
        try CheckpointFixtures.cache(root: root, id: "org/tiny", commit: Self.commit, refs: ["main", "v1"],
                                     files: ["config.json": CheckpointFixtures.tinyLlamaConfig()])
        try CheckpointFixtures.cache(root: root, id: "org/tiny", commit: Self.older, refs: [],
                                     files: ["config.json": CheckpointFixtures.tinyLlamaConfig(tied: true)])
        return HubCache(root: root, origin: "HF_HUB_CACHE")
    }

    @Test func theCacheIsFoundAsHuggingFaceHubFindsIt() {
        #expect(HubCache.located(environment: ["HF_HUB_CACHE": "/c/hub", "HF_HOME": "/h", "HOME": "/u"]).root == "/c/hub")
        #expect(HubCache.located(environment: ["HF_HOME": "/h", "HOME": "/u"]).root == "/h/hub")
        #expect(HubCache.located(environment: ["HOME": "/u"]).root == "/u/.cache/huggingface/hub")
        #expect(HubCache.located(environment: ["HF_HUB_CACHE": "", "HOME": "/u"]).origin == "the default location")
    }

    @Test func hubIdsAreSpeltAsTheHubSpellsThem() {
        for id in ["meta-llama/Llama-3.1-8B", "gpt2", "Qwen/Qwen2.5-0.5B", "a_b/c.d"] { #expect(HubCache.isHubID(id), "\(id)") }
        for id in ["a/b/c", "../x", "org/..", "/abs", "org/", "org/na me", ".hidden/x", "org/-x"] { #expect(!HubCache.isHubID(id), "\(id)") }
    }

    @Test func aHubIdLoadsItsMainSnapshot() throws {
        let hub = try cache()
        let loaded = try ModelLoader.load("org/tiny", revision: nil, catalog: Fixtures.catalog, hub: hub)
        #expect(loaded.spec.name == "tiny")
        #expect(loaded.spec.source?.contains("org/tiny at main (commit \(Self.commit))") == true)
        #expect(loaded.directory == "\(hub.root)/models--org--tiny/snapshots/\(Self.commit)")
        #expect(try ParameterCount.report(for: loaded.spec).total == Int128(CheckpointFixtures.tinyLlamaParameters))
    }

    @Test func aBranchTagOrCommitPicksTheSnapshot() throws {
        let hub = try cache()
        let tag = try ModelLoader.load("org/tiny", revision: "v1", catalog: Fixtures.catalog, hub: hub)
        #expect(tag.directory?.hasSuffix(Self.commit) == true)
        let byCommit = try ModelLoader.load("org/tiny", revision: Self.older.uppercased(), catalog: Fixtures.catalog, hub: hub)
        #expect(byCommit.directory?.hasSuffix(Self.older) == true)
        #expect(byCommit.spec.lmHead?.tied == true)
    }

    @Test func aModelNotCachedSaysWhereItLookedAndHowToFetchIt() throws {
        let hub = try cache()
        let error = expectSpecError(containing: "huggingface-cli download meta-llama/Llama-3.1-8B config.json") {
            try ModelLoader.load("meta-llama/Llama-3.1-8B", revision: nil, catalog: Fixtures.catalog, hub: hub)
        }
        #expect(error?.description.contains("\(hub.root)/models--meta-llama--Llama-3.1-8B") == true)
        #expect(error?.description.contains("HF_HUB_CACHE") == true)
    }

    @Test func anUnknownRevisionNamesTheRevision() throws {
        let hub = try cache()
        for revision in ["v2", "../../etc", String(repeating: "c", count: 40)] {
            #expect(throws: (any Error).self) { try ModelLoader.load("org/tiny", revision: revision, catalog: Fixtures.catalog, hub: hub) }
        }
        do {
            _ = try ModelLoader.load("org/tiny", revision: "v2", catalog: Fixtures.catalog, hub: hub)
        } catch let error as HubRevisionError {
            #expect(error.parameter == .revision && error.description.contains("refs/v2"))
        }
    }

    /// The one did-you-mean rule (`EditDistance.nearest`) over what the cache holds.
    @Test func aMistypedHubIdOrRevisionSuggestsWhatTheCacheHolds() throws {
        let hub = try cache()
        #expect(hub.cachedIDs() == ["org/tiny"])
        #expect(Set(hub.cachedRevisions(of: "org/tiny")) == ["main", "v1"])
        _ = expectSpecError(containing: "did you mean 'org/tiny'?") {
            try ModelLoader.load("org/tiyn", revision: nil, catalog: Fixtures.catalog, hub: hub)
        }
        _ = expectSpecError(containing: "(cache from HF_HUB_CACHE); fetch it") {
            try ModelLoader.load("meta-llama/Llama-3.1-8B", revision: nil, catalog: Fixtures.catalog, hub: hub)
        }
        do {
            _ = try ModelLoader.load("org/tiny", revision: "mian", catalog: Fixtures.catalog, hub: hub)
            Issue.record("no error for revision mian")
        } catch let error as HubRevisionError {
            #expect(error.description.contains("did you mean 'main'?"), "\(error)")
        }
    }

    @Test func aRevisionIsForHubIdsOnly() throws {
        let hub = try cache()
        #expect(throws: HubRevisionError.self) { try ModelLoader.load("gpt2", revision: "main", catalog: Fixtures.catalog, hub: hub) }
    }

    @Test func aCatalogNameWinsOnlyWithoutASlashAndABareCachedNameFallsBackToTheHub() throws {
        let hub = try cache()
        try CheckpointFixtures.cache(root: hub.root, id: "gpt2", commit: Self.commit, files: ["config.json": CheckpointFixtures.tinyLlamaConfig()])
        try CheckpointFixtures.cache(root: hub.root, id: "my-tiny-model", commit: Self.commit, files: ["config.json": CheckpointFixtures.tinyLlamaConfig()])
        #expect(try ModelLoader.load("gpt2", revision: nil, catalog: Fixtures.catalog, hub: hub).directory == nil)
        #expect(try ModelLoader.load("my-tiny-model", revision: nil, catalog: Fixtures.catalog, hub: hub).spec.family == "llama")
    }

    @Test func aBrokenRefOrASnapshotWithoutConfigIsOneError() throws {
        let hub = try cache()
        try CheckpointFixtures.write(["models--org--tiny/refs/main": Data("not a hash".utf8)], in: hub.root)
        expectSpecError(containing: "not a commit hash") { try ModelLoader.load("org/tiny", revision: nil, catalog: Fixtures.catalog, hub: hub) }
        try CheckpointFixtures.write(["models--org--empty/refs/main": Data(Self.commit.utf8),
                                      "models--org--empty/snapshots/\(Self.commit)/tokenizer.json": Data("{}".utf8)], in: hub.root)
        expectSpecError(containing: "has no config.json") { try ModelLoader.load("org/empty", revision: nil, catalog: Fixtures.catalog, hub: hub) }
    }
}
