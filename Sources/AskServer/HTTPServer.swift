import AskKit
import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore

/// `ask serve`: the engine over HTTP, in the JSON of the command line, described at `/openapi.json`.
///
/// `GET /` (``WebPage``), `GET /ask?q=`, `GET /search?q=&limit=`, `GET /documents?doc=PATH&lines=a-b&page=n`,
/// `GET /health`. Every error is
/// `{"error": "…"}` with its status. Requests are checked by ``RequestGuard`` (host, origin, token); at most
/// ``Limits/concurrentRequests`` reach the engine at once, each with ``Limits/secondsPerRequest`` to be answered.
public struct HTTPServer: Sendable {
    /// What the server accepts.
    public struct Limits: Sendable {
        /// The longest question or query, in characters.
        public var questionCharacters = ArgumentCheck.questionCharacters
        /// Questions, searches and document reads answered at once; more are refused with 503 rather than queued
        /// (`/health` and the page are always answered).
        public var concurrentRequests = 64
        /// How long a question may take before the server answers 503 (the engine finishes it in the background).
        public var secondsPerRequest: Double = 10
        /// How long a connection may go without sending a whole request before it is closed: an idle keep-alive
        /// connection, or a client sending its request a byte at a time.
        public var idleSeconds: Double = 10
        /// The largest request line and headers, in bytes; a longer request is answered 400 and closed. A question
        /// of ``questionCharacters`` characters, each percent-encoded from 4 bytes of UTF-8, fits.
        public var requestHeadBytes = 32 * 1024

        public init() {}
    }

    let engines: EngineHolder
    let corpus: URL?
    let limits: Limits
    let access: RequestGuard.Access
    let inFlight: InFlightLimit

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
        inFlight = InFlightLimit(limit: limits.concurrentRequests)
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
                let limit = try integer("limit", of: request, in: ArgumentCheck.passageLimits)
                    ?? ArgumentCheck.defaultPassageLimit
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
        router.add(middleware: RequestGuard(access: access))
        for route in routes {
            let answer = route.answer
            router.get(RouterPath(route.path)) { request, _ in try await answer(request) }
        }
        return router
    }

    /// Serves on `host`:`port` until the process is stopped.
    public func run(host: String, port: Int) async throws {
        let channel = HTTP1Channel.Configuration(
            idleTimeout: .nanoseconds(Int64(limits.idleSeconds * 1e9)),
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: limits.requestHeadBytes, maxHeaderListSize: limits.requestHeadBytes,
                maxHeaderFieldCount: 100))
        let app = Application(
            router: router(), server: .http1(configuration: channel),
            configuration: .init(address: .hostname(host, port: port), serverName: "ask"))
        try await app.runService()
    }

    /// `GET /health`.
    struct Health: Codable {
        var status: String
        var documents: Int
        var passages: Int
    }

    /// Runs engine work on a thread of its own (it blocks), and answers 503 when ``Limits/concurrentRequests`` are
    /// under way or it takes longer than ``Limits/secondsPerRequest``.
    private func answered(_ work: @escaping @Sendable (AskEngine) throws -> Response) async throws -> Response {
        guard inFlight.enter() else {
            throw APIError(.serviceUnavailable, message: "busy: \(inFlight.limit) requests under way; try again")
        }
        defer { inFlight.leave() }
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
        try Self.checked {
            try ArgumentCheck.text(
                name, request.uri.queryParameters.get(name), maximumCharacters: limits.questionCharacters)
        }
    }

    private func integer(_ name: String, of request: Request, in range: ClosedRange<Int>) throws -> Int? {
        let text = request.uri.queryParameters.get(name)
        return try Self.checked { try ArgumentCheck.integer(name, text.flatMap { Int($0) }, given: text != nil, in: range) }
    }

    /// An argument's check, its failure answered 400, or 413 for one too long.
    private static func checked<Value>(_ check: () throws -> Value) throws -> Value {
        do {
            return try check()
        } catch let failure as ArgumentCheck.Failure {
            throw APIError(failure.isTooLong ? .contentTooLarge : .badRequest, message: failure.message)
        }
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
