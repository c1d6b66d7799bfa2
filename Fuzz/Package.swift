// swift-tools-version:6.1
// libFuzzer targets for AskKit. Built only with the fuzzer sanitizer (see the README's development section):
//   swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
    name: "AskFuzz",
    dependencies: [.package(name: "ask", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzQueryCompiler", dependencies: ["FuzzDriver", .product(name: "AskKit", package: "ask")]),
        .executableTarget(name: "FuzzReaders", dependencies: ["FuzzDriver", .product(name: "AskKit", package: "ask")]),
        .executableTarget(
            name: "FuzzContainers", dependencies: ["FuzzDriver", .product(name: "AskKit", package: "ask")]),
    ]
)
