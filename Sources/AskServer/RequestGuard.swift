import Foundation
import Hummingbird

/// Checks every request before a route sees it: the `Host` header names this server (so a web page on another
/// site cannot reach it through a DNS name rebound to 127.0.0.1), an `Origin`, when sent, is this server's own, and a
/// server bound beyond loopback gets its token. Only `GET` is served.
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

    init(access: Access) {
        self.access = access
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
        if let token = access.token, !Self.isSame(request.headers[.authorization] ?? "", as: "Bearer \(token)") {
            throw APIError(.unauthorized, message: "this server needs its token: Authorization: Bearer …")
        }
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

    /// True when `given` is `expected`, in a time that depends on their lengths only, not on where they differ (so
    /// that timing a server's answers cannot find its token a character at a time).
    static func isSame(_ given: String, as expected: String) -> Bool {
        let (given, expected) = (Array(given.utf8), Array(expected.utf8))
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
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
}

extension UInt8 {
    /// True for the ASCII digits and the letters a to f, either case.
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
