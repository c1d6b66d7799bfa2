// swift-tools-version:6.1
// Benchmarks of ask, kept out of the product: they depend on AskKit by path, and their own dependencies
// (ordo-one/benchmark) never enter the product's package graph. Run in release mode; see README.md here.
import PackageDescription

let package = Package(
    name: "AskBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "ask", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "scale-corpus",
            dependencies: [.product(name: "AskKit", package: "ask")]
        ),
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "AskKit", package: "ask"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "latency",
            dependencies: ["BenchmarkSupport", .product(name: "AskKit", package: "ask")]
        ),
        .executableTarget(
            name: "ann-recall",
            dependencies: ["BenchmarkSupport", .product(name: "AskKit", package: "ask")]
        ),
        .executableTarget(
            name: "throughput",
            dependencies: ["BenchmarkSupport", .product(name: "AskKit", package: "ask")]
        ),
        .executableTarget(
            name: "AskBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "AskKit", package: "ask"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AskBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
