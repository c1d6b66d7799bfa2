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
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // Named apart from ZIPFoundation's own zlib module ("CZlib"): two modules of one name do not build.
        .systemLibrary(name: "SystemZlib", path: "Sources/SystemZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "AskKit",
            dependencies: [
                "SystemZlib", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
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
