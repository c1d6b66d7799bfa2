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

    @Test func aRealWordIsCorrectedOnlyToASpellingOfTheSameMeaning() {
        let terms: [TypoCorrector.Term] = [
            .init(word: "disks", stem: "disk", passages: 3), .init(word: "break", stem: "break", passages: 8),
        ]
        let alike: Set<[String]> = [["discs", "disks"]]
        let corrector = TypoCorrector(terms: terms) { alike.contains([$0, $1]) ? 0.9 : 0.1 }
        #expect(corrector.correction(for: "discs") == "disks")
        #expect(corrector.correction(for: "bread") == nil)
        #expect(TypoCorrector(terms: terms).correction(for: "discs") == nil)
    }

    @Test func theBuiltInVectorsTellSpellingsFromOtherWords() throws {
        let embedder = try TextEmbedder.builtIn
        func similarity(_ a: String, _ b: String) -> Double {
            Double(embedder.similarity(embedder.vector(for: a), embedder.vector(for: b)))
        }
        for (a, b) in [("discs", "disks"), ("anaemia", "anemia"), ("colour", "color"), ("tumour", "tumor")] {
            #expect(similarity(a, b) >= TypoCorrector.minimumSimilarity, "\(a) \(b)")
        }
        for (a, b) in [("bread", "break"), ("heel", "heal"), ("spin", "spine"), ("hop", "hip")] {
            #expect(similarity(a, b) < TypoCorrector.minimumSimilarity, "\(a) \(b)")
        }
    }

    @Test func aRealWordTheIndexLacksIsReadAsItsSpellingThere() throws {
        let discs = try SeedIndex.engine.ask("what are the discs between the vertebrae for")
        #expect(discs.correctedQuestion == "what are the disks between the vertebrae for" && !discs.isAbstained)
    }

    @Test func aRealWordTheIndexLacksIsNotCorrected() throws {
        let bread = try SeedIndex.engine.ask("how do I bake sourdough bread")
        #expect(bread.correctedQuestion == nil && bread.isAbstained)
        let typo = try SeedIndex.engine.ask("vertebroplsty risks")
        #expect(typo.correctedQuestion == "vertebroplasty risks")
    }
}
