import AskKit
import Foundation
import MCP
import SystemPackage
import Testing

/// `ask mcp` as an agent sees it: the real process, driven by the MCP SDK's client over its stdin and stdout.
@Suite struct MCPServerTests {
    @Test func aClientSessionInitializesListsAndCallsEveryTool() async throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        _ = try AskProcess.run(["index"], in: folder.url)
        let process = Process()
        process.executableURL = AskProcess.binary
        process.arguments = ["mcp"]
        process.currentDirectoryURL = folder.url
        let (toServer, fromServer, errors) = (Pipe(), Pipe(), Pipe())
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = errors
        try process.run()
        let watchdog = Watchdog(process, seconds: 120)
        let client = Client(name: "ask-tests", version: "1.0")
        let transport = StdioTransport(
            input: FileDescriptor(rawValue: fromServer.fileHandleForReading.fileDescriptor),
            output: FileDescriptor(rawValue: toServer.fileHandleForWriting.fileDescriptor))

        let initialized = try await client.connect(transport: transport)
        #expect(initialized.serverInfo.name == "ask")
        #expect(initialized.instructions?.contains("5 documents") == true)

        let tools = try await client.listTools().tools
        #expect(tools.map(\.name) == ["ask", "search", "get_document"])
        #expect(tools.allSatisfy { $0.annotations.readOnlyHint == true })

        let answer = try await client.send(CallTool.request(.init(
            name: "ask", arguments: ["question": "how long does a broken bone take to heal"]))).value
        #expect(answer.isError != true)
        #expect(Self.text(answer).contains("6 weeks") && Self.text(answer).contains("Sources:"))
        let sources = try #require(answer.structuredContent?.objectValue?["sources"]?.arrayValue)
        #expect(!sources.isEmpty)

        let search = try await client.send(CallTool.request(.init(
            name: "search", arguments: ["query": "bone cement leak", "limit": 3]))).value
        let passages = try #require(search.structuredContent?.objectValue?["passages"]?.arrayValue)
        #expect(passages.count == 3)
        let first = try #require(passages.first?.objectValue)
        let doc = try #require(first["doc"]?.stringValue)
        let lineValues = first["lines"]?.arrayValue ?? []
        let lines = lineValues.compactMap { $0.intValue }
        try #require(lines.count == 2)

        let document = try await client.send(CallTool.request(.init(
            name: "get_document",
            arguments: ["doc": .string(doc), "start_line": .int(lines[0]), "end_line": .int(lines[1])]))).value
        #expect(document.isError != true)
        #expect(Self.text(document).contains("\(lines[0]): ") || Self.text(document).contains("\(lines[0] + 1): "))
        #expect(document.structuredContent?.objectValue?["source"]?.stringValue == "corpus")

        // Bad calls: arguments a tool cannot use are its error; a tool that does not exist is the protocol's.
        let bad = try await client.send(CallTool.request(.init(name: "search", arguments: ["query": "", "limit": 3])))
            .value
        #expect(bad.isError == true && Self.text(bad).contains("`query` is required"))
        let missing = try await client.send(CallTool.request(.init(
            name: "get_document", arguments: ["doc": "../../etc/passwd"]))).value
        #expect(missing.isError == true && Self.text(missing).contains("holds no document"))
        await #expect(throws: MCPError.self) {
            _ = try await client.send(CallTool.request(.init(name: "delete_everything"))).value
        }

        // Shutdown: the client goes, the server's input closes, and it exits cleanly.
        await client.disconnect()
        try toServer.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(!watchdog.fired && process.terminationStatus == 0)
        // Nothing but protocol messages on stdout: the server's own words went to stderr.
        #expect(!String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("jsonrpc"))
    }

    /// A client that writes its requests and closes the server's input at once still gets every answer.
    @Test func requestsWrittenBeforeTheInputEndsAreAllAnswered() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        _ = try AskProcess.run(["index"], in: folder.url)
        let requests = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ask","arguments":{"question":"how long to heal"}}}"#,
            #"{"jsonrpc":"2.0","id":"last","method":"tools/list"}"#,
        ]
        let output = try AskProcess.run(["mcp"], in: folder.url, input: requests.joined(separator: "\n") + "\n", timeout: 60)
        #expect(output.status == 0 && !output.timedOut)
        let answers = output.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(Set(answers.map { "\($0["id"] ?? "none")" }) == ["1", "2", "last"], "\(output.stdout)")
        #expect(output.stdout.contains("6 weeks"))
    }

    private static func text(_ result: CallTool.Result) -> String {
        result.content.compactMap { if case .text(let text, _, _) = $0 { text } else { nil } }.joined()
    }
}
