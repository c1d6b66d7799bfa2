@testable import AskKit
import Testing

@Suite struct SynonymTests {
    private let map = SynonymMap(parsing: """
        # comment line
        compression fracture, VCF, broken vertebra

        physio, physiotherapy => physical therapy
        a\\, b, c
        """)

    @Test func equivalentsExpandToEachOther() {
        #expect(map.expansions(of: ["vcf"]) == [["compression", "fracture"], ["vcf"], ["broken", "vertebra"]])
        #expect(map.expansions(of: ["broken", "vertebra"])?.contains(["vcf"]) == true)
    }

    @Test func oneWayRulesExpandOnlyFromTheLeft() {
        #expect(map.expansions(of: ["physio"]) == [["physical", "therapy"]])
        #expect(map.expansions(of: ["physical", "therapy"]) == nil)
    }

    @Test func commentsBlankLinesAndEscapedCommasAreHandled() {
        #expect(map.rules.count == 3)
        #expect(map.expansions(of: ["a", "b"]) != nil)
        #expect(map.longestInput == 2)
    }

    @Test func multiWordEntriesBecomeQuotedPhrasesInAnOrGroup() {
        let plan = QueryCompiler(synonyms: map).compile("VCF treatment")
        #expect(plan.ftsExpression == #"("vcf" OR "compression fracture" OR "broken vertebra") OR "treatment""#)
        #expect(plan.concepts[0].variants.map(\.kind) == [.exact, .synonym, .synonym])
    }

    @Test func aTypedPhraseIsAlsoSearchedByItsWords() {
        let plan = QueryCompiler(synonyms: map).compile("broken vertebra treatment")
        #expect(plan.ftsExpression
            == #"("broken vertebra" OR "compression fracture" OR "vcf" OR "broken" OR "vertebra") OR "treatment""#)
        #expect(plan.concepts[0].variants.map(\.kind) == [.exact, .synonym, .synonym, .part, .part])
        #expect(MatchKind.part.weight < MatchKind.corrected.weight)
        // A word the entry already searches is not searched twice.
        let twice = QueryCompiler(synonyms: SynonymMap(parsing: "broken bone, broken")).compile("broken bone")
        #expect(twice.ftsExpression == #"("broken bone" OR "broken" OR "bone")"#)
    }

    @Test func longestEntryWinsAndMayHoldStopWords() {
        let map = SynonymMap(parsing: "get better, heal, recover")
        let plan = QueryCompiler(synonyms: map).compile("when will I get better")
        #expect(plan.concepts.map(\.words) == [["get", "better"]])
    }

    @Test func theShippedListParsesWithTheRequiredGroups() throws {
        let text = try String(contentsOf: Repository.corpus.appendingPathComponent("synonyms.txt"), encoding: .utf8)
        let shipped = SynonymMap(parsing: text)
        for (word, expected) in [
            ("vcf", ["spinal", "compression", "fracture"]), ("dxa", ["bone", "mineral", "density"]),
            ("advil", ["naproxen"]), ("tylenol", ["acetaminophen"]), ("recovery", ["get", "better"]),
            ("operation", ["surgery"]), ("kyphoplasty", ["vertebral", "augmentation"]), ("osteoporosis", ["brittle", "bones"]),
        ] {
            #expect(shipped.expansions(of: WordTokenizer.words(word))?.contains(expected) == true, "\(word)")
        }
    }
}
