import ArgumentParser
import AskKit
import Foundation

/// `ask train`: fit an answer model on judged questions.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit an answer model (sentence choice, answer length, confidence) on judged questions.",
        discussion: """
            Questions are in the ../shared/eval format: "gold" quotes or "answer_sentences", and \
            "answerable": false for questions the corpus does not answer. Each is asked of the index; the \
            sentences of its best passages are labelled in or out of the gold answer and the model is fitted on \
            them. --min-confidence stores that abstention threshold instead of choosing one. Use the model with \
            --model FILE on any question command.
            """)

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

    @OptionGroup var locations: Locations
    @OptionGroup var searchOptions: SearchOptions

    func validate() throws {
        guard penalty >= 0 else { throw ValidationError("--penalty must be at least 0") }
        guard (0...1).contains(maximumFalseAbstention) else {
            throw ValidationError("--max-false-abstention must be between 0 and 1")
        }
    }

    func run() throws {
        let questions = try questionFiles.flatMap { try EvaluationQuestion.parse(try Terminal.readText($0)) }
        let engine = try locations.openEngine(searchOptions)
        // First where answers are (passage ranking), then, ranking with it, which sentences answer.
        let ranking = try AnswerTraining.fitRanking(questions: questions, engine: engine, penalty: penalty)
        let ranked = try AskEngine(index: engine.indexURL, matchBudget: engine.matchBudget,
                                   answerModel: ranking.map { AnswerModel.untrained.ranking(by: $0) })
        let training = try AnswerTraining(questions: questions, engine: ranked)
        let (model, report) = try training.fit(
            minimumConfidence: searchOptions.minimumConfidence, maximumFalseAbstention: maximumFalseAbstention,
            penalty: penalty, ranking: ranking, note: note)
        let best = report.continuation.max { $0.f1 < $1.f1 }
        try Terminal.writeLine("\(questions.count) questions (\(questions.count { !$0.answerable }) unanswerable)")
        try Terminal.writeLine(String(format: "first sentence gold for %.3f of answerable questions (gold among candidates: %.3f)",
                                      report.firstSentenceRight, report.goldAmongCandidates))
        try Terminal.writeLine(String(format: "continuation %.2f: F1 %.4f on answered questions",
                                      model.continuationThreshold, best?.f1 ?? 0))
        try Terminal.writeLine("threshold  f1_all  false_abstention  unanswerable_abstained")
        for row in report.confidence where Int((row.threshold * 100).rounded()) % 10 == 0
            || row.threshold == model.minimumConfidence
        {
            try Terminal.writeLine(String(format: "%.2f       %.4f  %.4f            %.4f%@", row.threshold, row.f1All,
                                          row.falseAbstention, row.abstained,
                                          row.threshold == model.minimumConfidence ? "  <- stored" : ""))
        }
        try Terminal.writeText(String(decoding: try model.json(), as: UTF8.self) + "\n", to: output)
        try Terminal.writeLine("model: \(output)")
    }
}
