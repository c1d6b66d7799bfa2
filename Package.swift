// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ask",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "AskKit", targets: ["AskKit"]),
        .executable(name: "ask", targets: ["ask"]),
        .executable(name: "ask-server", targets: ["ask-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // TimeAmount for the HTTP server's idle timeout, and the Logger of an MCP transport (both already
        // dependencies of Hummingbird and swift-sdk).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // The file descriptors the MCP test's client talks to the server process through (swift-sdk uses it too).
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
    ],
    targets: [
        .systemLibrary(name: "SystemZlib", path: "Sources/SystemZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "AskKit",
            dependencies: ["SystemZlib", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Query/EnglishWords.LICENSE"],
            resources: [.copy("Embeddings")]
        ),
        // The servers (MCP and HTTP), apart from AskKit: a Swift tool that depends on AskKit never builds them.
        .target(
            name: "AskServer",
            dependencies: [
                "AskKit", .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command line's commands, shared by `ask` and `ask-server`.
        .target(
            name: "AskCommandLine",
            dependencies: ["AskKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `ask` links no server libraries (a dependency on `ask-server` would link its libraries into `ask`): `ask mcp`
        // runs `ask-server`, which `swift build` builds beside it.
        .executableTarget(name: "ask", dependencies: ["AskCommandLine"]),
        .executableTarget(
            name: "ask-server",
            dependencies: [
                "AskCommandLine", "AskServer", "AskKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AskKitTests",
            dependencies: [
                "AskKit", "ask", "ask-server", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "SystemPackage", package: "swift-system"), "AskServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
