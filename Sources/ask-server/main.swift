import ArgumentParser
import AskCommandLine

/// `ask-server`: the index served to programs. `ask mcp` and `ask serve` run it, so its help speaks of `ask`.
struct AskServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Serve the index to agents and programs; `ask mcp` runs this.",
        subcommands: [ServeMCP.self, ServeHTTP.self])
}

AskServerCommand.main()
