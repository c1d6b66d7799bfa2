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
        let server = MCPServer(engine: try locations.openEngine(searchOptions), corpus: locations.corpusFolder)
        try AskServerCommand.wait { try await server.run() }
    }
}
