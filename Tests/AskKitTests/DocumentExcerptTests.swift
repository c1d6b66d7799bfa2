@testable import AskKit
import Foundation
import Testing

@Suite struct DocumentExcerptTests {
    /// Around a citation: the cited lines are in the excerpt, as the corpus file's reader extracted them, and the
    /// passage's text is made of them; without the corpus, the index's passages stand in.
    @Test func anExcerptHoldsTheCitedLinesFromTheCorpusOrTheIndex() throws {
        let engine = SeedIndex.engine
        let hit = try #require(try engine.search("how long to heal").first)
        let cited = hit.passage.lines
        let around = (cited.lowerBound - 2)...(cited.upperBound + 2)
        let excerpt = try engine.excerpt(of: hit.passage.document, lines: around, corpus: Repository.corpus)
        #expect(excerpt.source == .corpus && excerpt.file == hit.passage.file && excerpt.title == hit.passage.title)
        #expect(excerpt.lines.allSatisfy { around.contains($0.number) })
        let citedText = excerpt.lines.filter { cited.contains($0.number) }.map(\.text).joined(separator: " ")
        let firstWords = hit.passage.text.split(separator: " ").prefix(4).joined(separator: " ")
        #expect(citedText.contains(firstWords), "\(citedText)")

        let fromIndex = try engine.excerpt(of: hit.passage.document, lines: cited, corpus: nil)
        #expect(fromIndex.source == .index && fromIndex.lines.contains { $0.text == hit.passage.text })
    }

    @Test func aLongDocumentComesInPagesOfTheSizeCap() throws {
        let engine = SeedIndex.engine
        let document = try #require(try engine.search("osteoporosis").first).passage.document
        var excerpt = try engine.excerpt(of: document, corpus: Repository.corpus, maximumCharacters: 500)
        var seen = excerpt.lines
        while let next = excerpt.nextLine {
            #expect(excerpt.lines.map(\.text.count).reduce(0, +) <= 500 || excerpt.lines.count == 1)
            excerpt = try engine.excerpt(of: document, lines: next...Int.max, corpus: Repository.corpus,
                                         maximumCharacters: 500)
            seen += excerpt.lines
        }
        let whole = try engine.excerpt(of: document, corpus: Repository.corpus, maximumCharacters: .max)
        #expect(whole.nextLine == nil && seen == whole.lines)
    }

    @Test func anUnknownDocumentIsAClearError() {
        #expect(throws: AskError.documentNotFound("../../etc/passwd")) {
            try SeedIndex.engine.excerpt(of: "../../etc/passwd", corpus: Repository.corpus)
        }
    }
}
