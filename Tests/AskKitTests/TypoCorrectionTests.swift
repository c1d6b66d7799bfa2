@testable import AskKit
import Testing

@Suite struct TypoCorrectionTests {
    private let corrector = TypoCorrector(terms: [
        .init(word: "vertebroplasty", stem: "vertebroplasti", passages: 5),
        .init(word: "vacuuming", stem: "vacuum", passages: 1),
        .init(word: "osteoporosis", stem: "osteoporosi", passages: 20),
        .init(word: "cement", stem: "cement", passages: 9),
        .init(word: "heal", stem: "heal", passages: 4),
    ])

    @Test func editsAllowedGrowWithWordLength() {
        #expect(TypoCorrector.allowedEdits(forLength: 4) == 0)
        #expect(TypoCorrector.allowedEdits(forLength: 5) == 1)
        #expect(TypoCorrector.allowedEdits(forLength: 8) == 1)
        #expect(TypoCorrector.allowedEdits(forLength: 9) == 2)
    }

    @Test func wordsWithinTheAllowedEditsAreCorrected() {
        #expect(corrector.correction(for: "vertebroplasy") == "vertebroplasty")
        #expect(corrector.correction(for: "osteoperosis") == "osteoporosis")
        #expect(corrector.correction(for: "vacumm") == "vacuuming")
        #expect(corrector.correction(for: "cmeent") == "cement")
    }

    @Test func shortOrDistantWordsAreLeftAlone() {
        #expect(corrector.correction(for: "hael") == nil)
        #expect(corrector.correction(for: "cemetery") == nil)
        #expect(corrector.correction(for: "sourdough") == nil)
    }

    @Test func transpositionCountsAsOneEdit() {
        #expect(TypoCorrector.distance(Array("cmeent"), Array("cement"), limit: 2) == 1)
        #expect(TypoCorrector.distance(Array("kitten"), Array("sitting"), limit: 5) == 3)
    }

    @Test func correctionsAreShownAndExactWordsOutrankThem() throws {
        let answer = try SeedIndex.engine.ask("can i drive myself home after vertebroplasy")
        #expect(answer.correctedQuestion == "can i drive myself home after vertebroplasty")
        #expect(MatchKind.exact.weight > MatchKind.synonym.weight && MatchKind.synonym.weight > MatchKind.corrected.weight)
    }
}

/// Real words the index lacks are not typos.
@Suite struct EnglishWordTests {
    @Test func theListHoldsEnglishWordsAndNotMisspellingsOrMedicalTerms() {
        for word in ["a", "bread", "break", "cement", "zebras", "zygote", "aardvark", "walking"] {
            #expect(EnglishWords.contains(word), "\(word)")
        }
        for word in ["", "vertebroplsty", "diffrence", "kyphoplasty", "breadd", "zzz", "Bread"] {
            #expect(!EnglishWords.contains(word), "\(word)")
        }
    }

    @Test func aRealWordTheIndexLacksIsNotCorrected() throws {
        let bread = try SeedIndex.engine.ask("how do I bake sourdough bread")
        #expect(bread.correctedQuestion == nil && bread.isAbstained)
        let typo = try SeedIndex.engine.ask("vertebroplsty risks")
        #expect(typo.correctedQuestion == "vertebroplasty risks")
    }
}
