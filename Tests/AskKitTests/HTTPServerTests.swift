@testable import AskKit
@testable import AskServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The HTTP API in process (Hummingbird's router test client): every route described by the OpenAPI document and
/// answering with its fields, clear JSON errors, the request guard, and an index replaced under a running server.
@Suite struct HTTPServerTests {
    static func server(index: URL = SeedIndex.url, limits: HTTPServer.Limits = .init(), token: String? = nil)
        throws -> HTTPServer
    {
        try HTTPServer(
            index: index, corpus: Repository.corpus, limits: limits,
            access: .init(host: token == nil ? "127.0.0.1" : "10.0.0.5", port: 8080, token: token)
        ) { try AskEngine(index: $0) }
    }

    static func json(_ buffer: ByteBuffer) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView), options: [.fragmentsAllowed])
    }

    @Test func everyRouteIsDescribedAndAnswersWithTheDescribedFields() async throws {
        let server = try Self.server()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8))
            as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(Set(paths.keys) == Set(server.routes.map(\.path)))
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        func required(_ schema: [String: Any]) -> [String] {
            if let reference = schema["$ref"] as? String { return required(schemas[String(reference.split(separator: "/").last!)]!) }
            if let items = schema["items"] as? [String: Any] { return required(items) }
            return schema["required"] as? [String] ?? []
        }
        let doc = try #require(try SeedIndex.engine.search("cement").first).passage.document
        let requests = [
            "/health": "/health", "/ask": "/ask?q=how%20long%20to%20heal", "/search": "/search?q=cement&limit=3",
            "/documents": "/documents?doc=\(doc)&lines=1-40", "/openapi.json": "/openapi.json", "/": "/",
        ]
        // The fields each path's 200 response is described to hold, always.
        var fields: [String: [String]] = [:]
        for path in requests.keys where path != "/" {
            let operation = try #require((paths[path] as? [String: Any])?["get"] as? [String: Any])
            let ok = try #require((operation["responses"] as? [String: Any])?["200"] as? [String: Any])
            let schema = try #require(((ok["content"] as? [String: Any])?["application/json"]
                as? [String: Any])?["schema"] as? [String: Any])
            fields[path] = required(schema)
        }
        #expect(fields["/ask"]?.contains("sources") == true && fields["/search"]?.contains("lines") == true)
        // The question kinds the answer's `kind` may be: every one there is.
        let kinds = schemas.values.compactMap { ($0["properties"] as? [String: Any])?["kind"] as? [String: Any] }
        #expect(kinds.first?["enum"] as? [String] == QuestionKind.allCases.map(\.rawValue))
        let expected = fields
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            for (path, uri) in requests {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    if path == "/" {
                        // The page: a form, and nothing loaded from elsewhere (it works offline).
                        let page = String(buffer: response.body)
                        #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                        #expect(page.contains("<form") && page.contains("/ask?q="))
                        #expect(!page.contains("src=") && !page.contains("<link") && !page.contains("http"))
                        return
                    }
                    let body = try Self.json(response.body)
                    let objects = (body as? [[String: Any]]) ?? [(body as? [String: Any]) ?? [:]]
                    #expect(!objects.isEmpty)
                    for object in objects {
                        for field in expected[path] ?? [] { #expect(object[field] != nil, "\(uri): \(field)") }
                    }
                }
            }
        }
    }

    @Test func badRequestsGetAClearJSONErrorAndTheRightStatus() async throws {
        var limits = HTTPServer.Limits()
        limits.questionCharacters = 100
        let app = Application(router: try Self.server(limits: limits).router())
        let cases: [(String, HTTPResponse.Status, String)] = [
            ("/ask", .badRequest, "`q` is required"),
            ("/ask?q=" + String(repeating: "a", count: 101), .contentTooLarge, "longer than 100"),
            ("/search?q=cement&limit=0", .badRequest, "`limit` must be a whole number, 1 to 50"),
            ("/search?q=%ZZbone", .badRequest, "malformed percent-encoding"),
            ("/documents?doc=..%2F..%2Fetc%2Fpasswd", .notFound, "holds no document"),
            ("/documents?doc=x&lines=9-3", .badRequest, "a ≤ b"),
            ("/nowhere", .notFound, ""),
        ]
        try await app.test(.router) { client in
            for (uri, status, message) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri)")
                    if !message.isEmpty {
                        let error = try Self.json(response.body) as? [String: String]
                        #expect(error?["error"]?.contains(message) == true, "\(uri): \(String(describing: error))")
                    }
                }
            }
            try await client.execute(uri: "/health", method: .post) { #expect($0.status == .methodNotAllowed) }
            try await client.execute(uri: "/health", method: .get, headers: [.origin: "http://evil.example"]) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test func theGuardChecksHostOriginAndTokenAndTheEngineItsLoad() async throws {
        let loopback = RequestGuard(access: .init(host: "127.0.0.1", port: 8080, token: nil))
        #expect(loopback.allows(host: "127.0.0.1:8080") && loopback.allows(host: "localhost:8080"))
        #expect(loopback.allows(host: "[::1]:8080") && loopback.allows(host: "localhost"))
        #expect(!loopback.allows(host: "evil.example:8080") && !loopback.allows(host: "127.0.0.1:9999"))
        #expect(!loopback.allows(host: "attacker.127.0.0.1.nip.io:8080"))
        #expect(loopback.allows(origin: "http://localhost:8080") && !loopback.allows(origin: "http://evil.example"))
        #expect(!loopback.allows(origin: "null"))
        #expect(RequestGuard.isSame("Bearer abc", as: "Bearer abc") && !RequestGuard.isSame("Bearer ab", as: "Bearer abc"))
        #expect(!RequestGuard.isSame("Bearer abcd", as: "Bearer abc") && !RequestGuard.isSame("", as: "Bearer abc"))

        let token = "a-token-of-twenty-chars"
        let app = Application(router: try Self.server(token: token).router())
        try await app.test(.router) { client in
            // Bound beyond loopback: any Host, but the token must come.
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/health", method: .get, headers: [.authorization: "Bearer wrong"]) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/health", method: .get, headers: [.authorization: "Bearer \(token)"]) {
                #expect($0.status == .ok)
            }
        }
        var busy = HTTPServer.Limits()
        busy.concurrentRequests = 0
        try await Application(router: try Self.server(limits: busy).router()).test(.router) { client in
            // The engine's work is refused; the health check is still answered.
            try await client.execute(uri: "/search?q=cement", method: .get) { #expect($0.status == .serviceUnavailable) }
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
        }
    }

    /// `ask index` replaces the index while the server runs: the next request reads the new one, none fails.
    @Test func aReplacedIndexIsReopenedWithoutARestart() async throws {
        let folder = try TemporaryFolder()
        let index = folder.path("ask.sqlite")
        try IndexBuilder().build(corpus: Repository.corpus, into: index)
        let app = Application(router: try Self.server(index: index).router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                let health = try Self.json(response.body) as? [String: Any]
                #expect(health?["documents"] as? Int == 5)
            }
            try folder.write("Other/notes.txt", "Tomatoes grow best in full sun with regular watering and warm soil.")
            try IndexBuilder().build(corpus: folder.path("Other"), into: index, full: true)
            try await client.execute(uri: "/health", method: .get) { response in
                let health = try Self.json(response.body) as? [String: Any]
                #expect(health?["documents"] as? Int == 1)
            }
            try await client.execute(uri: "/search?q=tomatoes", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("notes.txt"))
            }
        }
    }
}
