@testable import AskKit
import Foundation
import Testing

/// The seed questions of `../shared/eval/`, scored as `../shared/eval/README.md` says. `../shared/` is beside
/// the project in CI and on developers' machines but not in a user's clone: there the test is skipped, visibly.
@Suite struct SeedEvaluationTests {
    struct Question: Decodable {
        struct Gold: Decodable {
            var doc: String
            var quote: String
        }

        var id: String
        var question: String
        var answerable: Bool
        var gold: [Gold]?
        var nuggets: [String]?
    }

    struct Scores {
        var found = 0, inTopThree = 0, allNuggets = 0, answerable = 0
        var unanswerable = 0, abstainedUnanswerable = 0, wronglyAbstained = 0
        var sentences = 0, faithfulSentences = 0
        var failures: [String] = []
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
    }

    /// A passage holds a gold quote when it holds 80% of the quote's words.
    private static func holds(_ passage: String, quote: String) -> Bool {
        let quoteWords = words(quote)
        let passageWords = Set(words(passage))
        guard !quoteWords.isEmpty else { return false }
        return Double(quoteWords.count { passageWords.contains($0) }) / Double(quoteWords.count) >= 0.8
    }

    static func score(_ questions: [Question], engine: AskEngine) throws -> Scores {
        var scores = Scores()
        for question in questions {
            let answer = try engine.ask(question.question)
            guard question.answerable else {
                scores.unanswerable += 1
                if answer.isAbstained { scores.abstainedUnanswerable += 1 } else {
                    scores.failures.append("\(question.id) answered: \(answer.text ?? "")")
                }
                continue
            }
            scores.answerable += 1
            if answer.isAbstained { scores.wronglyAbstained += 1 }
            let rank = answer.passages.prefix(10).firstIndex { hit in
                (question.gold ?? []).contains { holds(hit.passage.text, quote: $0.quote) }
            }
            if rank != nil { scores.found += 1 }
            if let rank, rank < 3 { scores.inTopThree += 1 } else {
                scores.failures.append("\(question.id) gold at rank \(rank.map { $0 + 1 } ?? 0)")
            }
            let text = answer.text ?? ""
            let nuggets = question.nuggets ?? []
            if nuggets.allSatisfy({ text.range(of: $0, options: [.regularExpression, .caseInsensitive]) != nil }) {
                scores.allNuggets += 1
            } else {
                scores.failures.append("\(question.id) nuggets missed: \(text.prefix(100))")
            }
            for sentence in answer.sentences {
                scores.sentences += 1
                let cited = sentence.sources.compactMap { number in answer.sources.first { $0.number == number } }
                if cited.contains(where: { $0.passage.text.contains(sentence.text) }) { scores.faithfulSentences += 1 }
            }
        }
        return scores
    }

    @Test(.enabled(if: Repository.hasSeedQuestions, "../shared/eval/seed-questions.jsonl is absent: skipped"))
    func seedQuestionsReachTheFirstIssuesFigures() throws {
        let lines = try String(contentsOf: Repository.seedQuestions, encoding: .utf8).split(separator: "\n")
        let questions = try lines.map { try JSONDecoder().decode(Question.self, from: Data($0.utf8)) }
        let scores = try Self.score(questions, engine: SeedIndex.engine)
        let recall = Double(scores.inTopThree) / Double(scores.answerable)
        let nuggets = Double(scores.allNuggets) / Double(scores.answerable)
        print("seed questions: recall@3 \(recall), all nuggets \(nuggets), unanswerable abstained "
            + "\(scores.abstainedUnanswerable)/\(scores.unanswerable), answerable abstained "
            + "\(scores.wronglyAbstained)/\(scores.answerable), faithful \(scores.faithfulSentences)/\(scores.sentences)")
        for failure in scores.failures { print("  \(failure)") }
        #expect(recall >= 0.9)
        #expect(nuggets >= 0.75)
        #expect(scores.abstainedUnanswerable >= 4)
        #expect(scores.wronglyAbstained <= 1)
        #expect(scores.sentences > 0 && scores.faithfulSentences == scores.sentences)
    }
}
