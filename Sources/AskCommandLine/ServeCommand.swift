import ArgumentParser

/// `ask serve`: runs `ask-server serve`, the program built beside `ask` that holds the servers (see ``MCPCommand``).
public struct ServeCommand: ParsableCommand {
    /// What `ask serve` and `ask-server serve` say of themselves.
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the index over HTTP: GET /ask, /search, /documents, /health, /openapi.json.",
        discussion: """
            Listens on 127.0.0.1:8080 unless told otherwise (--host, --port); requests must name the server in \\
            their Host header, and come from no other web site. Binding another address is a choice made \\
            explicit: it takes --token (or $ASK_TOKEN), which every request must send as Authorization: Bearer. \\
            Takes the options of a question (--index, --corpus, --lexical…).
            """)

    @Argument(parsing: .captureForPassthrough, help: "--host, --port, --token, --idle-timeout and the options of a question.")
    var arguments: [String] = []

    public init() {}

    public func run() throws {
        try ServerProgram.replaceProcess(with: try ServerProgram.locate(), arguments: ["serve"] + arguments)
    }
}
