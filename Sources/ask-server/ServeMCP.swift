import ArgumentParser
import AskCommandLine
import AskKit
import AskServer
import Foundation

/// `ask-server mcp` (what `ask mcp` runs): the index served to agents and assistants over the Model Context
/// Protocol, on standard input and output; messages of its own go to standard error only.
struct ServeMCP: ParsableCommand {
    static let configuration = MCPCommand.configuration

    @OptionGroup var locations: Locations
    @OptionGroup var searchOptions: SearchOptions

    func run() throws {
        let engine = try locations.openEngine(searchOptions)
        var isFolder: ObjCBool = false
        let hasCorpus = FileManager.default.fileExists(atPath: locations.corpusURL.path, isDirectory: &isFolder)
            && isFolder.boolValue
        let server = MCPServer(engine: engine, corpus: hasCorpus ? locations.corpusURL : nil)
        try ServeMCP.wait { try await server.run() }
    }

    /// Runs async work to its end from this synchronous command.
    static func wait(for work: @escaping @Sendable () async throws -> Void) throws {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await work() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    /// What the async work ended with, written by its task before the semaphore is signalled.
    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}
