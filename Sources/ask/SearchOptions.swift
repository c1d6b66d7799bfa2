import ArgumentParser
import AskKit

/// Options of the commands that query the index.
struct SearchOptions: ParsableArguments {
    @Option(name: .customLong("match-budget"), parsing: .unconditional, help: ArgumentHelp(
        """
        How many matching passages a query may score before only its rare words choose candidates \
        (default: 1% of the index's passages, at least 1,000); a larger number ranks more exhaustively, as plain \
        FTS5 does.
        """,
        valueName: "n"))
    var matchBudget: Int?

    func validate() throws {
        if let matchBudget, matchBudget < 1 { throw ValidationError("--match-budget must be at least 1") }
    }
}
