import ArgumentParser
import AskKit
import AskServer
import Foundation

/// `ask mcp`: the index served to agents and assistants over the Model Context Protocol, on standard input and
/// output; messages of its own go to standard error only.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the index to agents over the Model Context Protocol (on stdin and stdout).",
        discussion: """
            Tools, all read-only: ask (a cited answer), search (ranked passages), get_document (an indexed \\
            document's lines around a citation). The index is brought up to date first, as for a question.
            """)

    @OptionGroup var locations: Locations
    @OptionGroup var searchOptions: SearchOptions

    func run() async throws {
        let engine = try locations.openEngine(searchOptions)
        var isFolder: ObjCBool = false
        let hasCorpus = FileManager.default.fileExists(atPath: locations.corpusURL.path, isDirectory: &isFolder)
            && isFolder.boolValue
        try await MCPServer(engine: engine, corpus: hasCorpus ? locations.corpusURL : nil).run()
    }
}
