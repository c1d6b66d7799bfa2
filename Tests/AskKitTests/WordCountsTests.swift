@testable import AskKit
import Testing

@Suite struct WordCountsTests {
    /// Counted on bytes through a hash table of its own, a tally must hold what counting the tokenizer's words in a
    /// dictionary holds: each word with a letter, once a passage, whatever its case or script.
    @Test func countsThePassagesHoldingEachWordAsTheTokenizerSplitsThem() {
        var generator = SplitMix64(seed: 5)
        let alphabet = Array("abcdeXYZ09 -.,é’ÉÅ\t")
        func text() -> String { String(generator.draw(from: alphabet, fewerThan: 40)) }
        var tally = WordCounts.Tally()
        var expected: [String: Int] = [:]
        for _ in 0..<3_000 {
            let (title, section, body) = (text(), generator.next() % 2 == 0 ? nil : text(), text())
            tally.add(title: title, section: section, body: body)
            let words = Set(WordTokenizer.words(title) + WordTokenizer.words(section ?? "") + WordTokenizer.words(body))
            for word in words where word.contains(where: \.isLetter) { expected[word, default: 0] += 1 }
        }
        #expect(expected.count > 1_024, "enough words to make the table grow")
        #expect(tally.counts == expected)
    }

    @Test func talliesTakenByThreadsAddUp() {
        let counts = WordCounts()
        counts.withTally { $0.add(title: "Bone loss", section: nil, body: "bone density and bone loss") }
        counts.withTally { $0.add(title: "Cement", section: "Risks", body: "bone cement leaks") }
        #expect(counts.total == ["bone": 2, "loss": 1, "density": 1, "and": 1, "cement": 1, "risks": 1, "leaks": 1])
    }
}
