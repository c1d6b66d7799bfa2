@testable import AskKit
import Foundation
import Testing

/// Word, OpenDocument and EPUB files made by pandoc, and hostile containers made by Python's zipfile
/// (`Scripts/make-office-fixtures.sh`).
@Suite struct OfficeReaderTests {
    static let fixtures = Repository.root.appendingPathComponent("Tests/AskKitTests/Fixtures/office")

    static func read(_ name: String, with reader: some BinaryDocumentReader) throws -> DocumentsRead {
        reader.read(bytes: try Data(contentsOf: fixtures.appendingPathComponent(name)), file: name)
    }

    @Test func wordParagraphsHeadingsAndTableRowsAreLinesNumberedByParagraph() throws {
        let document = try #require(Self.read("guide.docx", with: WordReader()).documents.first)
        #expect(document.statedTitle == "Recovering From a Spine Fracture")
        let healing = try #require(document.lines.first { $0.text == "Healing" })
        #expect(healing.isMarkedHeading && healing.number == 2)
        let body = try #require(document.lines.first { $0.text.hasPrefix("Most compression fractures") })
        #expect(body.number == 3 && !body.isMarkedHeading)
        #expect(body.text == "Most compression fractures heal in about three months. Rest, a back brace and pain "
            + "medicine help while the bone knits.")
        #expect(document.lines.contains { $0.text == "• 1–2 Rest and short walks" })
        #expect(document.lines.first { $0.text == "Kyphoplasty" }?.isMarkedHeading == true)
        let passages = Chunker().passages(of: document)
        #expect(passages.first { $0.text.contains("balloon") }?.section == "Kyphoplasty")
    }

    @Test func openDocumentTextReadsAsWordDoes() throws {
        let document = try #require(Self.read("guide.odt", with: OpenDocumentReader()).documents.first)
        #expect(document.statedTitle == "Recovering From a Spine Fracture")
        #expect(document.lines.first { $0.text == "Kyphoplasty" }?.isMarkedHeading == true)
        #expect(document.lines.contains { $0.text.hasPrefix("Kyphoplasty uses a small balloon") })
    }

    @Test func epubChaptersAreDocumentsCitedByTheirPathInTheBook() throws {
        let result = try Self.read("guide.epub", with: EPUBReader())
        let chapter = try #require(result.documents.first { $0.lines.contains { $0.text.hasPrefix("Kyphoplasty uses") } })
        #expect(chapter.id == "guide.epub#EPUB/text/ch002.xhtml" && chapter.file == "guide.epub")
        #expect(chapter.statedTitle == "Recovering From a Spine Fracture")
        #expect(!result.documents.contains { $0.id.contains("nav.xhtml") })
        #expect(Chunker().passages(of: chapter).first?.section == "Kyphoplasty")
    }

    @Test func anAnswerQuotesEachFormatVerbatim() throws {
        let folder = try TemporaryFolder()
        for name in ["guide.docx", "guide.odt", "guide.epub"] {
            try FileManager.default.createDirectory(at: folder.path("Corpus"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Self.fixtures.appendingPathComponent(name), to: folder.path("Corpus/\(name)"))
        }
        try IndexBuilder().build(corpus: folder.path("Corpus"), into: folder.path("ask.sqlite"))
        let answer = try AskEngine(index: folder.path("ask.sqlite")).ask("how long does a compression fracture take to heal")
        #expect(answer.sentences.contains { $0.text.contains("three months") })
        for sentence in answer.sentences {
            let cited = try #require(answer.sources.first { sentence.sources.contains($0.number) })
            #expect(cited.passage.text.contains(sentence.text))
        }
    }

    @Test func aZipBombATruncatedFileAndAnEscapingBookAreHandled() throws {
        let bomb = try Self.read("bomb.docx", with: WordReader())
        #expect(bomb.documents.isEmpty && bomb.warnings.first?.contains("inflates past 64 MB") == true, "\(bomb.warnings)")
        let truncated = try Self.read("truncated.docx", with: WordReader())
        #expect(truncated.documents.isEmpty && truncated.warnings.first?.hasPrefix("damaged Word document") == true,
                "\(truncated.warnings)")
        let book = try Self.read("escape.epub", with: EPUBReader())
        #expect(book.documents.map(\.id) == ["escape.epub#OPS/text/good.xhtml"])
        #expect(!book.documents.contains { $0.lines.contains { $0.text.contains("Outside") } })
        #expect(book.warnings.count == 2 && book.warnings.allSatisfy { $0.contains("leaves the book") }, "\(book.warnings)")
        #expect(EPUBReader.resolve("../text/a%20b.xhtml#x", from: "OPS/pkg/book.opf") == "OPS/text/a b.xhtml")
        // Found by FuzzContainers: a central directory that points past the data trapped ZIPFoundation's
        // in-memory archive (the process crashed); read from a file, it is a damaged book.
        let pastEnd = try Self.read("directory-past-end.epub", with: EPUBReader())
        #expect(pastEnd.documents.isEmpty && !pastEnd.warnings.isEmpty)
        // Also found by FuzzContainers: an element name that is not UTF-8 trapped Foundation's XML parser.
        // And sizes past the end of the file (a deflated member so described was read for ever by ZIPFoundation).
        let pastEndSize = try Self.read("size-past-end.docx", with: WordReader())
        #expect(pastEndSize.documents.isEmpty && pastEndSize.warnings.first?.hasPrefix("damaged Word document") == true)
        let invalidName = try Self.read("invalid-utf8-name.epub", with: EPUBReader())
        #expect(invalidName.documents.isEmpty && invalidName.warnings.first?.contains("no readable package") == true)
    }
}
