import ArgumentParser
import AskKit

/// Options of the commands that query the index.
struct SearchOptions: ParsableArguments {
    @Option(name: .customLong("match-budget"), help: ArgumentHelp(
        """
        How many matching passages a query may score before only its rare words choose candidates; \
        a larger number ranks more exhaustively, as plain FTS5 does.
        """,
        valueName: "n"))
    var matchBudget: Int = AskEngine.defaultMatchBudget
}
