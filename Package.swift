// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ask",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "AskKit", targets: ["AskKit"]),
        .executable(name: "ask", targets: ["ask"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "AskKit",
            dependencies: ["CZlib", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Query/EnglishWords.LICENSE"],
            resources: [.copy("Embeddings")]
        ),
        .executableTarget(
            name: "ask",
            dependencies: [
                "AskKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AskKitTests",
            dependencies: ["AskKit", "ask", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
    ]
)
