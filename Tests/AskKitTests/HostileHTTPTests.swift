import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `ask serve` against hostile clients, as the real process on a real port: a 1 MB query, a client sending a byte a
/// second, malformed percent-encoding, paths that climb out of the corpus, and a flood of 500 connections. Each is
/// answered with a clear error or closed, the server keeps answering others, and no file outside the corpus is read.
@Suite(.serialized) struct HostileHTTPTests {
    /// A server on a free port of the shipped corpus, with a file beside the corpus that must never be served.
    final class Server {
        let folder: TemporaryFolder
        let process: Process
        let port: UInt16
        static let secret = "this file is outside the corpus"
        static let idleSeconds = 2.0

        init() throws {
            folder = try TemporaryFolder.withShippedCorpus()
            _ = try folder.write("secret.txt", Self.secret)
            _ = try AskProcess.run(["index"], in: folder.url)
            port = try RawConnection.freePort()
            process = try AskProcess.start(
                ["serve", "--port", "\(port)", "--idle-timeout", "\(Self.idleSeconds)"], in: folder.url
            ).process
            let deadline = Date().addingTimeInterval(60)
            while (try? get("/health").status) != 200 {
                guard Date() < deadline, process.isRunning else { throw ServerDidNotStart() }
                usleep(100_000)
            }
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
        }

        struct ServerDidNotStart: Error {}

        /// One request on a new connection.
        func get(_ target: String) throws -> RawConnection.Response {
            let connection = try RawConnection(port: port)
            try connection.send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            return connection.response()
        }
    }

    @Test func oversizedMalformedAndClimbingRequestsAreRefusedClearly() throws {
        let server = try Server()
        // A 1 MB query: the server stops reading at its limit, answers 400 (or closes), and serves the next.
        let huge = try RawConnection(port: server.port)
        _ = try? huge.send("GET /ask?q=\(String(repeating: "a", count: 1 << 20)) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let refused = huge.response()
        #expect(refused.status == 400 || refused.status == nil, "a 1 MB query: \(refused.head)")
        try #expect(server.get("/health").status == 200)

        let malformed = try server.get("/search?q=bone%ZZ%4")
        #expect(malformed.status == 400 && malformed.body.contains("malformed percent-encoding"))

        // Paths that climb out of the corpus, raw and encoded: never the file beside it, never /etc/passwd.
        let climbing = [
            "/../secret.txt", "/%2e%2e/secret.txt", "/documents?doc=../secret.txt",
            "/documents?doc=..%2Fsecret.txt", "/documents?doc=%2Fetc%2Fpasswd", "/documents?doc=../../../../etc/passwd",
            "/documents?doc=Corpus/../secret.txt", "/..%2F..%2F..%2Fetc%2Fpasswd", "/documents?doc=%00",
        ]
        for target in climbing {
            let response = try server.get(target)
            #expect(response.status == 404 || response.status == 400, "\(target): \(response.head)")
            #expect(!response.body.contains(Server.secret) && !response.body.contains("root:"), "\(target)")
        }
        #expect(server.process.isRunning)
    }

    @Test func aClientSendingAByteASecondIsClosedWhileOthersAreServed() throws {
        let server = try Server()
        let slow = try RawConnection(port: server.port)
        let started = Date()
        var closedAfter: Double?
        for byte in "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8 {
            guard (try? slow.send(bytes: [byte])) != nil, !slow.isClosedByPeer else {
                closedAfter = Date().timeIntervalSince(started)
                break
            }
            // Others are answered meanwhile.
            try #expect(server.get("/health").status == 200)
            usleep(1_000_000)
        }
        let closed = try #require(closedAfter, "the slow client was still connected after its whole request")
        #expect(closed < Server.idleSeconds + 3, "closed after \(closed) s")
    }

    @Test func aFloodOf500ConnectionsLeavesTheServerServing() throws {
        RawConnection.raiseFileLimit(to: 2_048)
        let server = try Server()
        // 250 connections that send nothing, and 250 that each ask a question at once.
        let idle = try (0..<250).map { _ in try RawConnection(port: server.port) }
        let asking = try (0..<250).map { _ in try RawConnection(port: server.port) }
        for connection in asking {
            try connection.send("GET /ask?q=is%20the%20cement%20dangerous HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        }
        try #expect(server.get("/health").status == 200, "a request during the flood")
        var answered = 0, busy = 0
        for connection in asking {
            let response = connection.response()
            switch response.status {
            case 200: answered += 1
            case 503: busy += 1
            default: Issue.record("a flood request got \(response.head)")
            }
        }
        #expect(answered + busy == asking.count && answered > 0, "\(answered) answered, \(busy) busy")
        // The silent connections are closed once they have been idle too long.
        usleep(UInt32((Server.idleSeconds + 2) * 1_000_000))
        #expect(idle.allSatisfy { $0.isClosedByPeer })
        try #expect(server.get("/health").status == 200 && server.process.isRunning)
    }
}

/// A TCP connection to 127.0.0.1 through the socket calls themselves, so a test can send what no HTTP client would.
final class RawConnection {
    /// What came back: the status line's code, if a response came, its head and its body.
    struct Response {
        var status: Int?
        var head: String
        var body: String
    }

    private let socket: Int32

    init(port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: port)
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    deinit { close(socket) }

    func send(_ text: String) throws { try send(bytes: Array(text.utf8)) }

    func send(bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EPIPE) }
            offset += written
        }
    }

    /// True when the server has closed the connection (a read finds its end, or the connection was reset).
    var isClosedByPeer: Bool {
        var byte: UInt8 = 0
        let read = recv(socket, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return read == 0 || (read < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }

    /// Reads one response: its head, then as many body bytes as its `Content-Length` says (or up to the close).
    func response() -> Response {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var headEnd: Int?
        var expected = Int.max
        while received.count < expected {
            let read = recv(socket, &buffer, buffer.count, 0)
            guard read > 0 else { break }
            received += buffer[..<read]
            if headEnd == nil, let end = Self.range(of: "\r\n\r\n", in: received) {
                headEnd = end
                let head = String(decoding: received[..<end], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
                if let length { expected = end + 4 + length }
            }
        }
        guard let headEnd else { return Response(status: nil, head: String(decoding: received, as: UTF8.self), body: "") }
        let head = String(decoding: received[..<headEnd], as: UTF8.self)
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        return Response(status: status, head: head, body: String(decoding: received[(headEnd + 4)...], as: UTF8.self))
    }

    /// A port nothing listens on now.
    static func freePort() throws -> UInt16 {
        let probe = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(probe) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(probe, $0, length) == 0 && getsockname(probe, $0, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Lets this process hold `count` open files, when its hard limit allows.
    static func raiseFileLimit(to count: rlim_t) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < count else { return }
        limit.rlim_cur = min(count, limit.rlim_max)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    private static func range(of marker: String, in bytes: [UInt8]) -> Int? {
        let marker = Array(marker.utf8)
        guard bytes.count >= marker.count else { return nil }
        return (0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker }
    }
}
