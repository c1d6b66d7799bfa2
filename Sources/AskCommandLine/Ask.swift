import ArgumentParser
import AskKit

/// `ask`: short, cited answers from a folder of documents.
public struct Ask: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Short answers quoted from your documents, each sentence cited to its source lines.",
        discussion: """
            The index is rebuilt automatically when it is missing or the corpus changed.
            Defaults: --index ./Index/ask.sqlite (or $ASK_INDEX), --corpus ./Corpus (or $ASK_CORPUS).
            """,
        version: "ask \(AskVersion.release) (index format \(AskVersion.indexFormat))",
        subcommands: [
            AskQuestion.self, Search.self, IndexCommand.self, Batch.self, Run.self, Eval.self, Train.self,
            Calibrate.self, Synonyms.self, MCPCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: AskQuestion.self)

    public init() {}
}
