// swift-tools-version: 6.1
// libFuzzer harnesses over llmcost's input boundary: model files (Workload) and host profiles
// (CostModel). Not part of `swift test`: build and run with Fuzz/run.sh (it passes
// -sanitize=fuzzer,address, which supplies `main`).
import PackageDescription

let package = Package(
    name: "llmcost-fuzz",
    dependencies: [.package(name: "llmcost", path: "..")],
    targets: [
        .executableTarget(name: "FuzzSpecs", dependencies: [.product(name: "Workload", package: "llmcost"),
                                                            .product(name: "CostModel", package: "llmcost"),
                                                            .product(name: "ParallelPlan", package: "llmcost")],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
