import ArgumentParser
import AskKit
import Foundation

/// Options of the commands that fit a model on judged questions (`ask train`, `ask calibrate`).
struct FittingOptions: ParsableArguments {
    @Option(name: .customLong("questions"), help: ArgumentHelp("Judged questions (JSON Lines); repeatable.",
                                                               valueName: "file"))
    var questionFiles: [String]

    @Option(help: ArgumentHelp("Where to write the model (JSON).", valueName: "file"))
    var output: String

    @Option(name: .customLong("max-false-abstention"), parsing: .unconditional, help: ArgumentHelp(
        "When choosing the threshold: the largest share of answerable questions it may abstain on.", valueName: "share"))
    var maximumFalseAbstention = 0.08

    @Option(parsing: .unconditional, help: "The L2 penalty of the models fitted, against overfitting.")
    var penalty = 1.0

    @Option(help: "A note stored with the model: the data it was fitted on.")
    var note = ""

    func validate() throws {
        guard penalty >= 0 else { throw ValidationError("--penalty must be at least 0") }
        guard (0...1).contains(maximumFalseAbstention) else {
            throw ValidationError("--max-false-abstention must be between 0 and 1")
        }
    }

    /// The judged questions of every file given.
    func questions() throws -> [EvaluationQuestion] {
        try questionFiles.flatMap { try EvaluationQuestion.parse(try Terminal.readText($0)) }
    }

    /// Prints what every tenth threshold, and the stored one, would do on the questions.
    func report(_ thresholds: AbstentionThresholds, stored: Double) throws {
        try Terminal.writeLine("threshold  f1_all  false_abstention  unanswerable_abstained")
        for row in thresholds.rows where Int((row.threshold * 100).rounded()) % 10 == 0 || row.threshold == stored {
            try Terminal.writeLine(String(format: "%.2f       %.4f  %.4f            %.4f%@", row.threshold, row.f1All,
                                          row.falseAbstention, row.abstained,
                                          row.threshold == stored ? "  <- stored" : ""))
        }
    }

    /// Writes the fitted model, as JSON, to ``output`` (before anything is printed: a closed output stops the
    /// command, and the model is what it is for).
    func write(_ json: Data) throws {
        try Terminal.writeText(String(decoding: json, as: UTF8.self) + "\n", to: output)
        try Terminal.writeLine("model: \(output)")
    }
}
