import AskKit
import Foundation
import MCP

/// The engine as a Model Context Protocol server (`ask mcp`): three read-only tools over one index, for agents and
/// assistants. `ask` answers a question with a cited answer (text, and the answer's JSON as structured content);
/// `search` ranks passages; `get_document` reads an indexed document's lines around a citation, a page at a time.
public struct MCPServer: Sendable {
    /// The engine the tools ask.
    public let engine: AskEngine
    /// The corpus folder `get_document` reads documents from; without it, from the index's passages.
    public let corpus: URL?

    /// A server over an engine.
    public init(engine: AskEngine, corpus: URL?) {
        self.engine = engine
        self.corpus = corpus
    }

    /// Serves over standard input and output until the client closes them.
    public func run() async throws {
        let server = Server(
            name: "ask", version: AskVersion.release, title: "ask: cited answers from a folder of documents",
            instructions: instructions, capabilities: .init(tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: Self.tools) }
        await server.withMethodHandler(CallTool.self) { call in try self.call(call) }
        try await server.start(transport: AnsweringStdioTransport())
        await server.waitUntilCompleted()
    }

    /// What the server tells the client the corpus holds.
    var instructions: String {
        let info = engine.info
        var text = "This server answers questions from a folder of \(info.documents) documents "
            + "(\(info.passages) passages)"
        if let corpus { text += ", \(corpus.lastPathComponent)" }
        text += ". Use `ask` for a short answer whose every sentence is quoted verbatim from a cited passage (it "
            + "abstains, showing the closest passages, when the documents do not answer); `search` for the passages "
            + "that best match a query; `get_document` to read the lines around a citation. Citations give the file, "
            + "its page for a PDF, and its lines."
        if let disclaimer = info.disclaimer { text += " The corpus says of itself: \(disclaimer)" }
        return text
    }

    static let tools: [Tool] = [
        Tool(
            name: "ask", title: "Answer a question",
            description: "Answers a question with sentences quoted verbatim from the documents, each cited to its "
                + "file and lines; abstains (showing the closest passages) when the documents do not answer.",
            inputSchema: schema(["question": ("string", "The question, in plain words.")], required: ["question"]),
            annotations: .init(readOnlyHint: true, openWorldHint: false)),
        Tool(
            name: "search", title: "Search passages",
            description: "The passages that best match a query, best first, with their file, page and lines.",
            inputSchema: schema(
                ["query": ("string", "Words to search for."),
                 "limit": ("integer", "How many passages, \(ArgumentCheck.passageLimits.lowerBound) to "
                    + "\(ArgumentCheck.passageLimits.upperBound) (\(ArgumentCheck.defaultPassageLimit) when absent).")],
                required: ["query"]),
            annotations: .init(readOnlyHint: true, openWorldHint: false)),
        Tool(
            name: "get_document", title: "Read a document",
            description: "Lines of an indexed document, numbered as citations number them: all of it, or a range of "
                + "lines (of one page, for a PDF), up to a size cap; `next_line` says where the next part starts.",
            inputSchema: schema(
                ["doc": ("string", "The document, as `doc` of a search result or a source names it."),
                 "start_line": ("integer", "The first line wanted (1 when absent)."),
                 "end_line": ("integer", "The last line wanted (the end when absent)."),
                 "page": ("integer", "The page wanted, for a PDF (all pages when absent)."),
                 "max_characters": ("integer", "The size cap, in characters (20000 when absent).")],
                required: ["doc"]),
            annotations: .init(readOnlyHint: true, openWorldHint: false)),
    ]

    /// A JSON schema of an object with the given properties (name: (type, description)).
    private static func schema(_ properties: [String: (String, String)], required: [String]) -> Value {
        .object([
            "type": "object",
            "properties": .object(properties.mapValues { .object(["type": .string($0.0), "description": .string($0.1)]) }),
            "required": .array(required.map { .string($0) }),
            "additionalProperties": false,
        ])
    }

    /// Runs a tool. A call of a tool that does not exist is a protocol error; a call with unusable arguments, or
    /// one the engine cannot answer, is a tool result marked as an error, with a message saying why.
    func call(_ call: CallTool.Parameters) throws -> CallTool.Result {
        let arguments = call.arguments ?? [:]
        do {
            switch call.name {
            case "ask":
                let answer = try engine.ask(try Self.text("question", in: arguments))
                return try .init(content: [Self.content(answer.rendered())], structuredContent: answer)
            case "search":
                let limit = try Self.integer("limit", in: arguments, in: ArgumentCheck.passageLimits)
                    ?? ArgumentCheck.defaultPassageLimit
                let hits = try engine.search(try Self.text("query", in: arguments), limit: limit)
                let text = hits.map { "\($0.rank). \($0.passage.citation)\n   \($0.passage.text)" }
                    .joined(separator: "\n\n")
                return try .init(
                    content: [Self.content(hits.isEmpty ? "No passage matches." : text)],
                    structuredContent: SearchResult(passages: hits))
            case "get_document":
                let start = try Self.integer("start_line", in: arguments, in: 1...Int.max) ?? 1
                let end = try Self.integer("end_line", in: arguments, in: start...Int.max) ?? Int.max
                let excerpt = try engine.excerpt(
                    of: try Self.text("doc", in: arguments), lines: start...end,
                    page: try Self.integer("page", in: arguments, in: 1...Int.max), corpus: corpus,
                    maximumCharacters: try Self.integer("max_characters", in: arguments, in: 1...1_000_000)
                        ?? DocumentExcerpt.defaultCharacters)
                return try .init(content: [Self.content(Self.text(of: excerpt))], structuredContent: excerpt)
            default:
                throw MCPError.invalidParams("no tool named \(call.name): the tools are ask, search, get_document")
            }
        } catch let failure as ArgumentCheck.Failure {
            return .init(content: [Self.content(failure.message)], isError: true)
        } catch let error as AskError {
            return .init(content: [Self.content(error.description)], isError: true)
        }
    }

    /// Text content of a tool's result.
    private static func content(_ text: String) -> Tool.Content {
        .text(text: text, annotations: nil, _meta: nil)
    }

    /// `search`'s structured content: an object, as MCP requires.
    struct SearchResult: Codable {
        var passages: [Hit]
    }

    private static func text(_ name: String, in arguments: [String: Value]) throws -> String {
        try ArgumentCheck.text(name, arguments[name]?.stringValue, maximumCharacters: ArgumentCheck.questionCharacters)
    }

    /// A whole number, sent as an integer or as a number without a fraction.
    private static func integer(_ name: String, in arguments: [String: Value], in range: ClosedRange<Int>) throws
        -> Int?
    {
        let value = arguments[name] ?? .null
        let number = value.intValue ?? value.doubleValue.flatMap { $0.rounded() == $0 ? Int(exactly: $0) : nil }
        return try ArgumentCheck.integer(name, number, given: value != .null, in: range)
    }

    /// An excerpt as numbered lines, and where the next part starts.
    private static func text(of excerpt: DocumentExcerpt) -> String {
        var lines = ["\(excerpt.title) — \(excerpt.file) (from the \(excerpt.source.rawValue))"]
        var page: Int?
        for line in excerpt.lines {
            if let linePage = line.page, linePage != page {
                page = linePage
                lines.append("p. \(linePage)")
            }
            lines.append("\(line.number): \(line.text)")
        }
        if excerpt.lines.isEmpty { lines.append("(no lines in that range)") }
        if let next = excerpt.nextLine {
            lines.append("… more from line \(next)" + (excerpt.nextPage.map { " of page \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
