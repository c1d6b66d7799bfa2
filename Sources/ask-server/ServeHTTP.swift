import ArgumentParser
import AskCommandLine
import AskKit
import AskServer
import Foundation

/// `ask-server serve` (what `ask serve` runs): the index over HTTP.
struct ServeHTTP: ParsableCommand {
    static let configuration = ServeCommand.configuration

    @Option(help: "The address to listen on; another than loopback takes --token.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "The token every request must send as `Authorization: Bearer TOKEN` (default: $ASK_TOKEN).")
    var token: String?

    @Option(help: "Seconds a connection may go without sending a whole request before it is closed (idle or slow clients).")
    var idleTimeout: Double = HTTPServer.Limits().idleSeconds

    @OptionGroup var locations: Locations
    @OptionGroup var searchOptions: SearchOptions

    var givenToken: String? { token ?? ProcessInfo.processInfo.environment["ASK_TOKEN"] }

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be 1 to 65535") }
        guard idleTimeout > 0, idleTimeout <= 3_600 else { throw ValidationError("--idle-timeout must be more than 0 and at most 3600 seconds") }
        if !RequestGuard.Access.isLoopback(host), (givenToken ?? "").count < 16 {
            throw ValidationError(
                "listening on \(host) reaches other machines: give --token (16 characters at least), which every "
                    + "request must send")
        }
    }

    func run() throws {
        try locations.refreshIndex()
        var limits = HTTPServer.Limits()
        limits.idleSeconds = idleTimeout
        let server = try HTTPServer(
            index: locations.indexURL, corpus: locations.corpusFolder, limits: limits,
            access: .init(host: host, port: port, token: RequestGuard.Access.isLoopback(host) ? nil : givenToken),
            open: try searchOptions.engineOpener())
        FileHandle.standardError.write(Data("ask: serving http://\(host):\(port)/ (Ctrl-C stops)\n".utf8))
        let (host, port) = (host, port)
        try AskServerCommand.wait { try await server.run(host: host, port: port) }
    }
}
