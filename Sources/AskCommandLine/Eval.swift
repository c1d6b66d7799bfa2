import ArgumentParser
import AskKit
import Foundation

/// `ask eval`: score the engine on judged queries or on a question set.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score retrieval (nDCG@10, Recall@100, MRR@10) or answers (recall, nuggets, abstention, faithfulness).",
        discussion: """
            With --qrels and --queries (or --run), scores ranked documents the way trec_eval does.
            With a question set (../shared/eval format), asks every question and scores the answers.
            """)

    @Argument(help: ArgumentHelp("A question set (JSON Lines with id, question, answerable, gold, nuggets).",
                                 valueName: "questions"))
    var questionSet: String?

    @Option(help: ArgumentHelp("Relevance judgements (BEIR qrels TSV).", valueName: "file"))
    var qrels: String?

    @Option(help: ArgumentHelp("Queries to run, JSON Lines with \"_id\" and \"text\".", valueName: "file"))
    var queries: String?

    @Option(name: .customLong("run"), help: ArgumentHelp("Score this TREC run file instead of running queries.",
                                                          valueName: "file"))
    var runFile: String?

    @Option(parsing: .unconditional, help: "Documents retrieved per query.")
    var limit = 100

    @Flag(help: "List the questions that missed.")
    var showFailures = false

    @Flag(help: "Print the figures as JSON.")
    var json = false

    @OptionGroup var locations: Locations
    @OptionGroup var searchOptions: SearchOptions

    func validate() throws {
        if questionSet == nil && (qrels == nil || (queries == nil && runFile == nil)) {
            throw ValidationError("give a question set, or --qrels with --queries or --run")
        }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        if let questionSet {
            let questions = try EvaluationQuestion.parse(try Terminal.readText(questionSet))
            let engine = try locations.openEngine(searchOptions)
            let scores = try QuestionSetEvaluation(questions: questions, answer: engine.ask)
            if json { return try Terminal.writeLine(try Terminal.json(scores)) }
            try Terminal.writeLine(String(format: "recall@1 %.3f  recall@3 %.3f  recall@5 %.3f  MRR@10 %.3f",
                         scores.recallAt1, scores.recallAt3, scores.recallAt5, scores.mrrAt10))
            try Terminal.writeLine(String(format: "nuggets all %.3f  any %.3f", scores.nuggetsAll, scores.nuggetsAny))
            try Terminal.writeLine("unanswerable abstained \(scores.abstainedUnanswerable)/\(scores.unanswerable)  "
                + "answerable abstained \(scores.abstainedAnswerable)/\(scores.answerable)")
            try Terminal.writeLine(String(format: "faithfulness %.3f", scores.faithfulness))
            if let sentences = scores.sentences {
                try Terminal.writeLine(String(format: "sentences: precision %.4f  recall %.4f  f1 %.4f  f1_all %.4f",
                                              sentences.precision, sentences.recall, sentences.f1, sentences.f1All))
            }
            if showFailures { for failure in scores.failures { try Terminal.writeLine("  FAIL \(Terminal.safe(failure))") } }
            return
        }
        var judgements = Qrels(parsing: try Terminal.readText(qrels!))
        let trecRun: TrecRun
        if let runFile {
            trecRun = TrecRun(parsing: try Terminal.readText(runFile))
        } else {
            // Only the queries given are scored, so a subset of a query file measures that subset.
            let given = EvaluationQuery.parse(try Terminal.readText(queries!)).queries
            let ids = Set(given.map(\.id))
            judgements.judgements = judgements.judgements.filter { ids.contains($0.key) }
            let scored = Set(judgements.scoredQueries)
            trecRun = try locations.openEngine(searchOptions).run(given.filter { scored.contains($0.id) }, limit: limit)
        }
        let measures = RetrievalMeasures(rankings: trecRun.rankings, qrels: judgements)
        if json { return try Terminal.writeLine(try Terminal.json(measures)) }
        try Terminal.writeLine(String(format: "nDCG@10 %.4f  Recall@100 %.4f  MRR@10 %.4f  (%d queries)",
                     measures.ndcgAt10, measures.recallAt100, measures.mrrAt10, measures.queries))
    }
}
