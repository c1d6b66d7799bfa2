import ArgumentParser
import AskKit
import Foundation

/// `ask train`: fit an answer model on judged questions.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit an answer model (passage ranking, sentence choice, answer length, confidence) on judged questions.",
        discussion: """
            Questions are in the ../shared/eval format: "gold" quotes or "answer_sentences", and \
            "answerable": false for questions the corpus does not answer. Each is asked of the index; the \
            sentences of its best passages are labelled in or out of the gold answer and the model is fitted on \
            them. --min-confidence stores that abstention threshold instead of choosing one. A question whose \
            gold names a document without a quote teaches passage ranking only. --ranking takes the passage \
            ranking of a model fitted before (on another index, say) instead of fitting one. Use the model with \
            --model FILE on any question command.
            """)

    @Option(name: .customLong("ranking"), help: ArgumentHelp(
        "Keep the passage ranking of this model (from `ask train`) instead of fitting one.", valueName: "file"))
    var rankingFile: String?

    @OptionGroup var fitting: FittingOptions
    @OptionGroup var locations: Locations
    @OptionGroup var searchOptions: SearchOptions

    func run() throws {
        let questions = try fitting.questions()
        let engine = try locations.openRulesEngine(searchOptions)
        // First where answers are (passage ranking), then, ranking with it, which sentences answer.
        let ranking = try rankingFile.map { file in
            guard let ranking = try SearchOptions.answerModel(at: file).ranking else {
                throw AskError.fileUnreadable(file, reason: "the model ranks no passages")
            }
            return ranking
        } ?? AnswerTraining.fitRanking(questions: questions, engine: engine, penalty: fitting.penalty)
        let ranked = try AskEngine(index: engine.indexURL, matchBudget: engine.matchBudget,
                                   answerModel: ranking.map { AnswerModel.untrained.ranking(by: $0) },
                                   embedder: searchOptions.embedder, sentenceModel: .none)
        let training = try AnswerTraining(questions: questions, engine: ranked)
        let (model, report) = try training.fit(
            minimumConfidence: searchOptions.minimumConfidence,
            maximumFalseAbstention: fitting.maximumFalseAbstention, penalty: fitting.penalty, ranking: ranking,
            note: fitting.note)
        let best = report.continuation.max { $0.f1 < $1.f1 }
        try fitting.write(try model.json())
        try Terminal.writeLine("\(questions.count) questions (\(questions.count { !$0.answerable }) unanswerable)")
        try Terminal.writeLine(String(format: "first sentence gold for %.3f of answerable questions (gold among candidates: %.3f)",
                                      report.firstSentenceRight, report.goldAmongCandidates))
        try Terminal.writeLine(String(format: "continuation %.2f: F1 %.4f on answered questions",
                                      model.continuationThreshold, best?.f1 ?? 0))
        try fitting.report(report.confidence, stored: model.minimumConfidence)
    }
}
