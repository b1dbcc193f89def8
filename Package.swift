// swift-tools-version: 6.1
import PackageDescription

/// A fuzzing build (Fuzz/run.sh) compiles the libraries without the catalog-embedding plugin.
let fuzzBuild = Context.environment["LLMCOST_FUZZ_BUILD"] != nil

let package = Package(
    name: "llmcost",
    products: [
        .executable(name: "llmcost", targets: ["llmcost"]),
        .library(name: "Workload", targets: ["Workload"]),
        .library(name: "HostBench", targets: ["HostBench"]),
        .library(name: "CostModel", targets: ["CostModel"]),
        // The planner: tensor/pipeline/data/expert-parallel training plans and serving replicas.
        .library(name: "ParallelPlan", targets: ["ParallelPlan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // `swift package generate-documentation --target Workload` (DocC); a command plugin only,
        // nothing of it is linked into llmcost or the libraries.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: - Public API

        // Architecture specs, exact parameter counts, FLOPs and memory. Foundation (and the YAML
        // reader for our spec files) only, so every other module can read it.
        // The catalog (ModelSpecs/) is compiled in by the EmbedModelSpecs plugin, so a copied binary has it.
        // Fuzz/run.sh sets LLMCOST_FUZZ_BUILD: its sanitizer flags reach every module, the plugin's
        // tool too, which cannot link beside libFuzzer's main — that build embeds no catalog.
        fuzzBuild
            ? .target(name: "Workload", dependencies: ["Yams"], swiftSettings: [.define("LLMCOST_NO_EMBEDDED_CATALOG")])
            : .target(name: "Workload", dependencies: ["Yams"], plugins: ["EmbedModelSpecs"]),
        // OpenBLAS-backed reference passes that measure what this host sustains.
        // OpenBLAS is opened at run time (OpenBLASLibrary), so counting works on a host without it.
        // It hands its result to the cost model as CostModel's typed `HostMeasurement`.
        .target(name: "HostBench", dependencies: ["CPeakFLOPS", "Workload", "CostModel"], exclude: ["README.md"]),
        // Hardware profiles, the seeds' cost formulas, roofline pricing.
        .target(name: "CostModel", dependencies: ["Workload"]),
        // Tensor/pipeline/data/expert-parallel plans, ZeRO, collectives, serving replicas.
        // On CostModel's accelerator catalog, roofline and unit types.
        .target(name: "ParallelPlan", dependencies: ["Workload", "CostModel"]),
        // The command-line interface as a library, so tests can drive every command in-process.
        .target(name: "Commands", dependencies: [
            "Workload", "HostBench", "CostModel", "ParallelPlan",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "llmcost", dependencies: ["Commands", "HostBench"]),

        // MARK: - Implementation details

        // Debian's libopenblas-dev, found through pkg-config: the header HostBench's run-time
        // declarations are checked against (HostBenchTests), never linked into llmcost itself.
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // A timed FMA loop, and the FFN activations, compiled per vector extension (target
        // attributes, run-time dispatch, no unsafe flags: Swift itself targets baseline SSE2).
        .target(name: "CPeakFLOPS"),
        // Writes ModelSpecs/*.yaml into the Workload module as string literals at build time.
        .plugin(name: "EmbedModelSpecs", capability: .buildTool(), dependencies: ["ModelSpecsEmbedder"]),
        .executableTarget(name: "ModelSpecsEmbedder", path: "Plugins/ModelSpecsEmbedder"),

        // MARK: - Tests

        // Hand-written specs of real models (independent of the catalog and importer), shared by tests.
        .target(name: "_TestSupport", dependencies: ["Workload"], path: "Tests/_TestSupport"),

        .testTarget(name: "WorkloadTests", dependencies: ["Workload", "_TestSupport"], resources: [.copy("Fixtures")]),
        // Properties over randomly generated (valid and invalid) architectures.
        .testTarget(name: "PropertyTests", dependencies: [
            "Workload", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "HostBenchTests", dependencies: ["HostBench", "CostModel", "COpenBLAS"]),
        .testTarget(name: "CostModelTests", dependencies: ["CostModel"]),
        .testTarget(name: "ParallelPlanTests", dependencies: ["ParallelPlan", "CostModel", "_TestSupport"]),
        // The README's "Use as a library" example and the DocC catalogs' code, compiled against the
        // library products' public API only (no @testable import), as a package depending on llmcost sees it.
        .testTarget(name: "LibraryExampleTests", dependencies: ["Workload", "CostModel", "ParallelPlan", "HostBench"]),
        // Golden outputs are read from the source tree (#filePath), not bundled.
        .testTarget(name: "CommandsTests", dependencies: ["Commands", "Workload", "HostBench", "_TestSupport"], exclude: ["Golden"]),
    ]
)
