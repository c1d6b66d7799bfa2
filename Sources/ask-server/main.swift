import ArgumentParser
import AskCommandLine

/// `ask-server`: the index served to programs. `ask mcp` runs it.
struct AskServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask-server",
        abstract: "Serve the index to agents and programs; `ask mcp` runs this.",
        subcommands: [ServeMCP.self, ServeHTTP.self])
}

AskServerCommand.main()
