import ArgumentParser
import AskCommandLine
import Foundation

/// `ask-server`: the index served to programs. `ask mcp` and `ask serve` run it, so its help speaks of `ask`.
struct AskServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Serve the index to agents and programs; `ask mcp` runs this.",
        subcommands: [ServeMCP.self, ServeHTTP.self])

    /// Runs async work to its end from a synchronous subcommand.
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

AskServerCommand.main()
