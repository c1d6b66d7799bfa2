@testable import AskKit
import Foundation
import Testing

@Suite struct QuerySafetyTests {
    private static let hostile = [
        "", "   ", "\"", "\"\"\"", "(", ")", "((()", "a AND", "OR", "NOT kyphoplasty", "NEAR(a b)", "NEAR(", "*", "kypho*",
        "title:cement", ":", "^cement", "cement^2", "{body}: x", "'; DROP TABLE passages; --", "\" OR 1=1 --",
        "\u{0}\u{1}\u{1B}[31m", "SELECT * FROM passages", "émigré naïve café", "骨粗鬆症", "مرحبا بالعالم", "🦴💉",
        "a\u{0}b", "-", "--", "+cement -balloon", "\\", "%", "_", "[cement]", "cement\"", "\"cement", "AND OR NOT",
        "the of and", "?!.,;", "x AND y OR z NOT w", "col:val AND \"phrase\" NEAR/3 *",
    ]

    @Test(arguments: hostile)
    func hostileQuestionsNeverFail(_ question: String) throws {
        let answer = try SeedIndex.engine.ask(question)
        if answer.passages.isEmpty { #expect(answer.isAbstained) }
        _ = try SeedIndex.engine.search(question, limit: 5)
    }

    /// Random strings compile to quoted phrases only, and neither the full search nor the pruned one (a match budget
    /// of 1 sends every question with a match through the rare-phrase, `NEAR` and `AND` selections) ever fails.
    @Test func randomStringsNeverFailAndCompileToQuotedPhrasesOnly() throws {
        let pruned = try AskEngine(index: SeedIndex.url, matchBudget: 1)
        var generator = SplitMix64(seed: 42)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789\"'()*:^-+{}[],.;!?\\/%_&|~`\n\t\u{0}\u{7F}éü漢🦴")
        let words = ["AND", "OR", "NOT", "NEAR", "cement", "kyphoplasty", "heal", "vcf", "dxa", "\"", "(", ")", "*"]
        let compiler = QueryCompiler(synonyms: SynonymMap(parsing: "vcf, compression fracture"))
        let phrase = #/"[^"]*"/#
        for _ in 0..<500 {
            var question = ""
            for _ in 0..<Int(generator.next() % 12) {
                if generator.next() % 3 == 0 {
                    question += words[Int(generator.next() % UInt64(words.count))] + " "
                } else {
                    question.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
                }
            }
            let expression = compiler.compile(question).ftsExpression ?? ""
            let skeleton = expression.replacing(phrase, with: "P")
            #expect(skeleton.allSatisfy { "P() OR".contains($0) }, "\(expression)")
            _ = try SeedIndex.engine.ask(question)
            _ = try pruned.ask(question)
        }
    }

    @Test func veryLongQuestionsAreCutWithANotice() throws {
        let question = String(repeating: "how long to heal after kyphoplasty ", count: 3_000)
        let answer = try SeedIndex.engine.ask(question)
        #expect(answer.notice?.contains("2000") == true)
        #expect(!answer.passages.isEmpty)
    }

    @Test func questionsOfOnlyStopWordsOrPunctuationAbstain() throws {
        for question in ["what is it", "?!?", "how do I"] {
            let answer = try SeedIndex.engine.ask(question)
            #expect(answer.isAbstained && answer.passages.isEmpty)
        }
    }
}

/// A small deterministic random number generator, so the property test sees the same strings every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Fewer than `maximumCount` elements of `alphabet`, drawn at random: the text of a property test.
    mutating func draw<Element>(from alphabet: [Element], fewerThan maximumCount: Int) -> [Element] {
        (0..<Int(next() % UInt64(maximumCount))).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
    }
}
