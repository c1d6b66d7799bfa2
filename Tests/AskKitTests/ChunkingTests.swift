@testable import AskKit
import Foundation
import Testing

@Suite struct ChunkingTests {
    private static let navigation = [
        "Skip to", "Sign In", "Font Size", "Today on WebMD", "Swipe to advance", "1 / 8", "Up Next", "Photo Researchers",
        "iStock", "Getty", "Reviewed by", "Copyright", "©", "Available at", "This tool does not provide",
        "Next Slideshow", "Revision Information", "Woman holding plate", "man reading on porch swing",
    ]

    @Test func seedsAreCutIntoPassagesOfAtMostTheMaximumSize() {
        let passages = SeedPassages.all.values.flatMap { $0 }
        let chunker = Chunker()
        #expect(passages.count >= 25)
        for passage in passages {
            #expect(passage.text.wordCount <= chunker.maximumWords, "\(passage.file) \(passage.lines)")
        }
        let average = passages.map(\.text.wordCount).reduce(0, +) / passages.count
        #expect((chunker.minimumWords...chunker.targetWords).contains(average), "\(average)")
    }

    @Test func noSeedPassageBeginsOrEndsMidSentence() {
        for passage in SeedPassages.all.values.flatMap({ $0 }) {
            let first = passage.text.first!
            #expect(first.isUppercase || first.isNumber || "(\"“".contains(first), "starts mid-sentence: \(passage.text.prefix(60))")
            let last = passage.text.last!
            #expect(".!?:\"”)".contains(last), "ends mid-sentence: …\(passage.text.suffix(60))")
        }
    }

    @Test func noSeedPassageIsNavigation() {
        for passage in SeedPassages.all.values.flatMap({ $0 }) {
            for marker in Self.navigation {
                #expect(!passage.text.contains(marker), "\(marker) in \(passage.file) \(passage.lines)")
            }
        }
    }

    /// "More in …" and "Related" end a web page only as lines of their own; the same words at the start of a wrapped
    /// line are body text, and what follows them is kept.
    @Test func aWrappedLineThatStartsLikeATrailerDoesNotEndTheDocument() {
        let text = """
            Osteoporosis weakens the bones of older adults, and fractures of the spine are
            more in women than in men, because women lose bone faster after menopause.
            Exercise and calcium help to keep the remaining bone strong and the two are closely
            related.
            Walking every day lowers the risk of falls and of the fractures they cause.

            More in Osteoporosis
            Ten things to know about bone density tests
            """
        let document = SourceDocument(id: "page.txt", file: "page.txt", lines: text.numberedLines())
        let body = Chunker().passages(of: document).map(\.text).joined(separator: " ")
        #expect(body.contains("more in women than in men"))
        #expect(body.contains("closely related."))
        #expect(body.contains("Walking every day lowers the risk of falls"))
        #expect(!body.contains("Ten things to know"), "the page's real trailer still ends it")
    }

    @Test func brokenLinesAreRejoinedIntoSentences() throws {
        let passages = try #require(SeedPassages.all["001_9480e2e9f750e2ba.txt"])
        let text = passages.map(\.text).joined(separator: " ")
        #expect(text.contains(
            "Osteoporosis is a disease in which bones become very weak and more likely to break. It often develops unnoticed over many years, with no symptoms or discomfort until a bone breaks."))
        #expect(text.contains(
            "Fortunately, most people who suffer a vertebral compression fracture get better within 3 months without specific treatment to repair the fracture."))
    }

    @Test func passagesKnowTheLinesTheyCameFrom() throws {
        for (file, passages) in SeedPassages.all {
            let lines = try String(contentsOf: Repository.corpus.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            for passage in passages {
                let firstWords = String(passage.text.split(separator: " ").first!)
                let lastWord = String(passage.text.split(separator: " ").last!)
                #expect(lines[passage.lines.lowerBound - 1].contains(firstWords), "\(file) line \(passage.lines.lowerBound)")
                #expect(lines[passage.lines.upperBound - 1].contains(lastWord), "\(file) line \(passage.lines.upperBound)")
            }
        }
    }

    @Test func titlesAndHeadingsAreFound() throws {
        #expect(SeedPassages.all["001_9480e2e9f750e2ba.txt"]?.first?.title == "Osteoporosis and Spinal Fractures")
        #expect(SeedPassages.all["004_e40734929b255013.txt"]?.first?.title == "Procedures for Compression Fractures of the Spine")
        let sections = Set(SeedPassages.all.values.flatMap { $0 }.compactMap(\.section))
        #expect(sections.contains("How do I prepare for the procedure?"))
        #expect(sections.contains("Nonsurgical Treatment"))
        #expect(sections.contains("Risks of Surgery"))
    }

    @Test func aHeadingGluedToACaptionIsSplitOff() throws {
        let document = SourceDocument(id: "d.txt", file: "d.txt", lines: [
            SourceLine(number: 1, text: "In this MRI, the bright appearance of the fractured "), SourceLine(number: 2, text: ""),
            SourceLine(number: 3, text: "vertebra indicates inflammation, an indication of a new fracture. Nonsurgical Treatment"),
            SourceLine(number: 4, text: ""),
            SourceLine(number: 5, text: "Most people get better within 3 months without specific treatment."),
        ])
        let passages = Chunker().passages(of: document)
        #expect(passages.last?.section == "Nonsurgical Treatment")
        #expect(passages.last?.text == "Most people get better within 3 months without specific treatment.")
        #expect(passages.last?.lines == 5...5)
    }

    /// A trailer ("References") is dropped up to the next heading the markup marks, where the page goes on; in a
    /// file without marked headings, to its end. Either way the dropped lines are counted.
    @Test func aTrailerEndsAtTheNextMarkedHeadingAndIsCounted() throws {
        let markdown = """
            # Bone Health

            Calcium and vitamin D keep bones strong as people get older, and walking helps as well.

            ## References

            Smith J. Bones. Journal of Bones. 2020;1:1-2.
            Jones K. More bones. 2021.

            ## Aftercare

            Most people go home the same day after the procedure and walk within hours.
            """
        let document = try #require(MarkdownReader().read(markdown, file: "b.md").documents.first)
        let cut = Chunker().cut(document)
        #expect(cut.passages.contains { $0.text.contains("go home the same day") })
        #expect(!cut.passages.contains { $0.text.contains("Journal") })
        #expect(cut.droppedLines == 3)
        let text = PlainTextReader().read(markdown.replacingOccurrences(of: "#", with: ""), file: "b.txt").documents[0]
        let plain = Chunker().cut(text)
        #expect(!plain.passages.contains { $0.text.contains("same day") } && plain.droppedLines == 5)
    }
}
