import AskKit
import Foundation
import Hummingbird

/// `ask serve`: the engine over HTTP, in the JSON of the command line, described at `/openapi.json`.
///
/// `GET /` (``WebPage``), `GET /ask?q=`, `GET /search?q=&limit=`, `GET /documents?doc=PATH&lines=a-b&page=n`,
/// `GET /health`. Every error is
/// `{"error": "…"}` with its status. Requests are checked by ``RequestGuard`` (host, origin, token, how many at
/// once); each question has ``Limits/secondsPerRequest`` to be answered.
public struct HTTPServer: Sendable {
    /// What the server accepts.
    public struct Limits: Sendable {
        /// The longest question or query, in characters.
        public var questionCharacters = 2_000
        /// Requests answered at once; more are refused with 503 rather than queued.
        public var concurrentRequests = 64
        /// How long a question may take before the server answers 503 (the engine finishes it in the background).
        public var secondsPerRequest: Double = 10

        public init() {}
    }

    let engines: EngineHolder
    let corpus: URL?
    let limits: Limits
    let access: RequestGuard.Access

    /// A server of the index at `index`, reopened when a build replaces it.
    /// - Parameters:
    ///   - open: opens an engine for the index file (called again when the file is replaced).
    ///   - corpus: the corpus folder `/documents` reads from; without it, the index's passages.
    ///   - access: who may call (see ``RequestGuard``).
    public init(
        index: URL, corpus: URL?, limits: Limits = Limits(), access: RequestGuard.Access,
        open: @escaping @Sendable (URL) throws -> AskEngine
    ) throws {
        engines = try EngineHolder(index: index, open: open)
        self.corpus = corpus
        self.limits = limits
        self.access = access
    }

    /// A route: its path and what answers it.
    typealias Route = (path: String, answer: @Sendable (Request) async throws -> Response)

    /// The routes served, each described in ``OpenAPIDocument``.
    var routes: [Route] {
        [
            ("/health", { _ in
                let engine = engines.current
                return try Self.json(
                    Health(status: "ok", documents: engine.info.documents, passages: engine.info.passages))
            }),
            ("/ask", { request in
                let question = try question("q", of: request)
                return try await answered { try Self.json($0.ask(question)) }
            }),
            ("/search", { request in
                let query = try question("q", of: request)
                let limit = try integer("limit", of: request, in: 1...50) ?? 10
                return try await answered { try Self.json($0.search(query, limit: limit)) }
            }),
            ("/documents", { request in
                guard let document = request.uri.queryParameters.get("doc"), !document.isEmpty else {
                    throw APIError(.badRequest, message: "`doc` is required: the `doc` of a search result")
                }
                let lines = try lineRange(of: request)
                let page = try integer("page", of: request, in: 1...Int.max)
                return try await answered { engine in
                    do {
                        return try Self.json(engine.excerpt(of: document, lines: lines, page: page, corpus: corpus))
                    } catch AskError.documentNotFound(let name) {
                        throw APIError(.notFound, message: AskError.documentNotFound(name).description)
                    }
                }
            }),
            ("/", { _ in
                Response(
                    status: .ok,
                    headers: [
                        .contentType: "text/html; charset=utf-8",
                        .contentSecurityPolicy: "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
                    ],
                    body: .init(byteBuffer: ByteBuffer(string: WebPage.html)))
            }),
            ("/openapi.json", { _ in
                Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
            }),
        ]
    }

    /// The routes, behind the request guard.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestGuard(access: access, concurrentRequests: limits.concurrentRequests))
        for route in routes {
            let answer = route.answer
            router.get(RouterPath(route.path)) { request, _ in try await answer(request) }
        }
        return router
    }

    /// Serves on `host`:`port` until the process is stopped.
    public func run(host: String, port: Int) async throws {
        let app = Application(
            router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "ask"))
        try await app.runService()
    }

    /// `GET /health`.
    struct Health: Codable {
        var status: String
        var documents: Int
        var passages: Int
    }

    /// Runs engine work on a thread of its own (it blocks), and answers 503 when it takes longer than the limit.
    private func answered(_ work: @escaping @Sendable (AskEngine) throws -> Response) async throws -> Response {
        let engine = engines.current
        let seconds = limits.secondsPerRequest
        return try await withThrowingTaskGroup(of: Response?.self) { group in
            group.addTask {
                try await withCheckedThrowingContinuation { continuation in
                    DispatchQueue.global().async { continuation.resume(with: Result { try work(engine) }) }
                }
            }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
                return nil
            }
            defer { group.cancelAll() }
            guard let response = try await group.next() ?? nil else {
                throw APIError(.serviceUnavailable, message: "the question took longer than \(Int(seconds)) s")
            }
            return response
        }
    }

    private func question(_ name: String, of request: Request) throws -> String {
        guard let value = request.uri.queryParameters.get(name),
            !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { throw APIError(.badRequest, message: "`\(name)` is required: the question, in plain words") }
        guard value.count <= limits.questionCharacters else {
            throw APIError(.contentTooLarge, message: "`\(name)` is longer than \(limits.questionCharacters) characters")
        }
        return value
    }

    private func integer(_ name: String, of request: Request, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            let bounds = range.upperBound == .max ? "at least \(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            throw APIError(.badRequest, message: "`\(name)` must be a whole number, \(bounds)")
        }
        return value
    }

    /// `lines=a-b`, `lines=a-` or `lines=a`.
    private func lineRange(of request: Request) throws -> ClosedRange<Int>? {
        guard let text = request.uri.queryParameters.get("lines") else { return nil }
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = Int(parts[0]), first >= 1 else {
            throw APIError(.badRequest, message: "`lines` must be `a-b`, `a-` or `a`, from line 1")
        }
        let last = parts.count == 1 ? first : parts[1].isEmpty ? Int.max : Int(parts[1]) ?? 0
        guard last >= first else { throw APIError(.badRequest, message: "`lines` must be `a-b` with a ≤ b") }
        return first...last
    }

    /// A value as a JSON response.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(value))))
    }
}
