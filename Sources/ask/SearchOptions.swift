import ArgumentParser
import AskKit

/// Options of the commands that query the index.
struct SearchOptions: ParsableArguments {
    @Option(name: .customLong("match-budget"), help: ArgumentHelp(
        """
        How many matching passages a query may score before only its rare words choose candidates \
        (default: 1% of the index's passages, at least 1,000); a larger number ranks more exhaustively, as plain \
        FTS5 does.
        """,
        valueName: "n"))
    var matchBudget: Int?
}
