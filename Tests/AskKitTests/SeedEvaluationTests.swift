@testable import AskKit
import Foundation
import Testing

/// The seed questions of `../shared/eval/`, scored as `../shared/eval/README.md` says. `../shared/` is beside
/// the project in CI and on developers' machines but not in a user's clone: there the test is skipped, visibly.
@Suite struct SeedEvaluationTests {
    @Test(.enabled(if: Repository.hasSeedQuestions, "../shared/eval/seed-questions.jsonl is absent: skipped"))
    func seedQuestionsReachTheFirstIssuesFigures() throws {
        let questions = try EvaluationQuestion.parse(String(contentsOf: Repository.seedQuestions, encoding: .utf8))
        let scores = try QuestionSetEvaluation(questions: questions, answer: SeedIndex.engine.ask)
        print("seed questions: recall@3 \(scores.recallAt3), all nuggets \(scores.nuggetsAll), unanswerable "
            + "abstained \(scores.abstainedUnanswerable)/\(scores.unanswerable), answerable abstained "
            + "\(scores.abstainedAnswerable)/\(scores.answerable), faithfulness \(scores.faithfulness)")
        for failure in scores.failures { print("  \(failure)") }
        #expect(scores.recallAt3 >= 0.9)
        #expect(scores.nuggetsAll >= 0.75)
        #expect(scores.abstainedUnanswerable >= 4)
        #expect(scores.abstainedAnswerable <= 1)
        #expect(scores.faithfulness == 1)
    }
}

@Suite struct MeasureTests {
    private let qrels = Qrels(parsing: """
        query-id\tcorpus-id\tscore
        q1\ta\t2
        q1\tb\t1
        q1\tz\t0
        q2\tc\t1
        q3\td\t0
        """)

    @Test func qrelsSkipTheHeaderAndScoreOnlyQueriesWithRelevantDocuments() {
        #expect(qrels.judgements["q1"] == ["a": 2, "b": 1, "z": 0])
        #expect(qrels.scoredQueries == ["q1", "q2"])
    }

    @Test func measuresMatchHandComputedValues() {
        // q1: ranking b, x, a. DCG = 1/log2(2) + 2/log2(4) = 2; IDCG = 2 + 1/log2(3) = 2.6309; nDCG = 0.7602.
        // q2: not answered: 0. Mean nDCG@10 = 0.3801. Recall@100: (1 + 0) / 2. MRR@10: (1/1 + 0) / 2.
        let measures = RetrievalMeasures(rankings: ["q1": ["b", "x", "a"]], qrels: qrels)
        #expect(abs(measures.ndcgAt10 - 0.38010) < 0.0001)
        #expect(measures.recallAt100 == 0.5)
        #expect(measures.mrrAt10 == 0.5)
        #expect(measures.queries == 2)
    }

    @Test func onlyTheTopTenCountForNDCGAndMRR() {
        let late = Array(repeating: "x", count: 10) + ["c"]
        let measures = RetrievalMeasures(rankings: ["q2": late], qrels: Qrels(judgements: ["q2": ["c": 1]]))
        #expect(measures.ndcgAt10 == 0 && measures.mrrAt10 == 0 && measures.recallAt100 == 1)
    }

    @Test func runFilesRoundTrip() {
        let run = TrecRun(entries: [
            .init(query: "q1", document: "b", rank: 1, score: 2.5), .init(query: "q1", document: "a", rank: 2, score: 1),
        ], tag: "test")
        #expect(run.text == "q1 Q0 b 1 2.500000 test\nq1 Q0 a 2 1.000000 test\n")
        #expect(TrecRun(parsing: run.text).rankings == ["q1": ["b", "a"]])
    }
}
