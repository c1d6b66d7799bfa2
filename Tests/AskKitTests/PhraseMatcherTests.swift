@testable import AskKit
import Testing

@Suite struct PhraseMatcherTests {
    /// Overlapping phrases, phrases inside others and false starts: the automaton must answer as a search for each
    /// phrase in the lower-cased text does.
    @Test func findsWhatASearchForEachPhraseFinds() {
        let phrases = ["this site", "this web site", "his", "web", "site map", "(/", "©", "abab", "bac"]
        let matcher = PhraseMatcher(phrases)
        var generator = SplitMix64(seed: 7)
        let alphabet = Array("thisTHIS webSITEmap ab(/©é")
        for _ in 0..<5_000 {
            let text = String(generator.draw(from: alphabet, fewerThan: 20))
            let expected = phrases.contains { text.lowercased().containsBytes($0) }
            #expect(matcher.matches(text) == expected, "\(text)")
        }
    }

    @Test func foldsASCIICaseOnly() {
        let matcher = PhraseMatcher(["medical advice", "café"])
        #expect(matcher.matches("Not MEDICAL Advice."))
        #expect(matcher.matches("a Café"))
        #expect(!matcher.matches("a CAFÉ"))
        #expect(!matcher.matches("medical  advice"))
        #expect(!matcher.matches(""))
    }
}
