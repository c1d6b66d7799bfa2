import Foundation
import Hummingbird

/// Checks every request before a route sees it: the `Host` header names this server (so a web page on another
/// site cannot reach it through a DNS name rebound to 127.0.0.1), an `Origin`, when sent, is this server's own, a
/// server bound beyond loopback gets its token, and no more than so many requests are answered at once (more are
/// answered 503, not queued). Only `GET` is served.
public struct RequestGuard: RouterMiddleware {
    public typealias Context = BasicRequestContext

    /// Who may call.
    public struct Access: Sendable {
        /// The host names and addresses the `Host` header may give (with or without the port); `nil` for any, when
        /// the server is bound beyond loopback and every request carries its token.
        public var hosts: Set<String>?
        /// The port the server listens on.
        public var port: Int
        /// The token a request must carry (`Authorization: Bearer …`); `nil` on loopback.
        public var token: String?

        /// Access for a server bound to `host`:`port`: on a loopback address, requests whose `Host` is a loopback
        /// name; elsewhere (reached by names the server cannot know), requests with the token.
        public init(host: String, port: Int, token: String?) {
            self.port = port
            self.token = token
            hosts = Self.isLoopback(host) ? ["127.0.0.1", "localhost", "[::1]", "::1"] : nil
        }

        /// True for the addresses only this machine reaches.
        public static func isLoopback(_ host: String) -> Bool {
            ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) || host.hasPrefix("127.")
        }
    }

    let access: Access
    let concurrentRequests: Int
    private let counter = InFlight()

    init(access: Access, concurrentRequests: Int) {
        self.access = access
        self.concurrentRequests = concurrentRequests
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            throw APIError(.methodNotAllowed, message: "only GET is served")
        }
        guard access.hosts == nil || request.head.authority.map(allows(host:)) == true else {
            throw APIError(.misdirectedRequest, message: "the Host header does not name this server")
        }
        if let origin = request.headers[.origin], !allows(origin: origin) {
            throw APIError(.forbidden, message: "requests from \(origin) are not served")
        }
        if let query = request.uri.query, !Self.isWellEncoded(query) {
            throw APIError(.badRequest, message: "the query string holds malformed percent-encoding")
        }
        if let token = access.token, request.headers[.authorization] != "Bearer \(token)" {
            throw APIError(.unauthorized, message: "this server needs its token: Authorization: Bearer …")
        }
        guard counter.enter(limit: concurrentRequests) else {
            throw APIError(.serviceUnavailable, message: "busy: \(concurrentRequests) requests under way; try again")
        }
        defer { counter.leave() }
        return try await next(request, context)
    }

    /// True when every `%` of the text starts a two-digit hexadecimal escape.
    static func isWellEncoded(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, bytes[index + 1].isHexDigit, bytes[index + 2].isHexDigit
                else { return false }
                index += 3
            } else {
                index += 1
            }
        }
        return true
    }

    func allows(host: String) -> Bool {
        let name: Substring
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            name = host[...close]
            let rest = host[host.index(after: close)...]
            if !rest.isEmpty && rest != ":\(access.port)" { return false }
        } else if let colon = host.lastIndex(of: ":") {
            guard host[host.index(after: colon)...] == "\(access.port)" else { return false }
            name = host[..<colon]
        } else {
            name = host[...]
        }
        return access.hosts?.contains(name.lowercased()) ?? true
    }

    func allows(origin: String) -> Bool {
        guard let url = URL(string: origin), url.scheme == "http" || url.scheme == "https", let host = url.host else {
            return false
        }
        return allows(host: url.port.map { "\(host):\($0)" } ?? host)
    }

    /// How many requests are under way.
    private final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        func enter(limit: Int) -> Bool {
            lock.withLock {
                guard count < limit else { return false }
                count += 1
                return true
            }
        }

        func leave() { lock.withLock { count -= 1 } }
    }
}

extension UInt8 {
    /// True for the ASCII digits and the letters a to f, either case.
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
