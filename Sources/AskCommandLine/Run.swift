import ArgumentParser
import AskKit
import Foundation

extension AskEngine.RunLevel: ExpressibleByArgument {}

/// `ask run`: a TREC run file for a query file.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank documents for a query file and write a TREC run (QID Q0 DOCID RANK SCORE TAG).")

    @Option(help: ArgumentHelp("Queries, JSON Lines with \"_id\" and \"text\".", valueName: "file"))
    var queries: String

    @Option(help: ArgumentHelp("Where to write the run; - for standard output.", valueName: "file"))
    var output: String

    @Option(parsing: .unconditional, help: "How many documents or passages per query.")
    var limit = 100

    @Option(help: "Rank documents or passages.")
    var level: AskEngine.RunLevel = .document

    @Option(help: "The run's tag.")
    var tag = "ask"

    @OptionGroup var locations: Locations
    @OptionGroup var searchOptions: SearchOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let parsed = EvaluationQuery.parse(try Terminal.readText(queries))
        if parsed.skipped > 0 { Terminal.warn("\(queries): skipped \(parsed.skipped) lines without \"_id\" and \"text\"") }
        let run = try locations.openEngine(searchOptions).run(parsed.queries, limit: limit, level: level, tag: tag)
        try Terminal.writeText(run.text, to: output)
    }
}
