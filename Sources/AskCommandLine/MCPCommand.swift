import ArgumentParser
import Foundation

/// `ask mcp`: runs `ask-server mcp`, the program built beside `ask` that holds the servers, with the same arguments.
///
/// The servers live in a program of their own so that `ask` itself loads no networking libraries (the MCP SDK
/// brings Foundation's, with libcurl and TLS): every question starts faster, and under a tight memory limit the
/// command line still has room to start a thread (ResourceLimitTests).
public struct MCPCommand: ParsableCommand {
    /// What `ask mcp` and `ask-server mcp` say of themselves.
    public static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the index to agents over the Model Context Protocol (on stdin and stdout).",
        discussion: """
            Tools, all read-only: ask (a cited answer), search (ranked passages), get_document (an indexed \\
            document's lines around a citation). Takes the options of a question (--index, --corpus, --lexical…); \\
            the index is brought up to date first, as for a question.
            """)

    @Argument(parsing: .captureForPassthrough, help: "The options of a question.")
    var arguments: [String] = []

    public init() {}

    public func run() throws {
        try ServerProgram.replaceProcess(with: try ServerProgram.locate(), arguments: ["mcp"] + arguments)
    }
}

/// `ask-server`, the program beside `ask` that serves the index.
enum ServerProgram {
    /// Its path: beside the running `ask`.
    static func locate() throws -> String {
        let own = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let server = own.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("ask-server")
        guard FileManager.default.isExecutableFile(atPath: server.path) else {
            throw ValidationError(
                "\(server.path) is missing: it is built with ask (`swift build`, or `swift build --product ask-server`)")
        }
        return server.path
    }

    /// Replaces this process with the server (`execv`): standard input and output go to it as they are.
    static func replaceProcess(with path: String, arguments: [String]) throws -> Never {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        throw ValidationError("cannot start \(path): \(String(cString: strerror(errno)))")
    }
}
