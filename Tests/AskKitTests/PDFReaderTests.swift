@testable import AskKit
import Foundation
import Testing

/// PDFs made by ps2pdf and qpdf (`Scripts/make-pdf-fixtures.sh`), read through poppler's `pdftotext`.
@Suite(.enabled(if: PDFReader().canRead, "pdftotext is not installed (Debian: poppler-utils)"))
struct PDFReaderTests {
    static let fixtures = Repository.root.appendingPathComponent("Tests/AskKitTests/Fixtures/pdf")

    static func read(_ name: String) throws -> DocumentsRead {
        PDFReader().read(bytes: try Data(contentsOf: fixtures.appendingPathComponent(name)), file: name)
    }

    @Test func twoColumnPagesReadInOrderWithoutRunningHeadersAndFooters() throws {
        let document = try #require(Self.read("two-column.pdf").documents.first)
        #expect(document.statedTitle == "Spine Fracture Care")
        let texts = document.lines.map(\.text).filter { !$0.isEmpty }
        #expect(!texts.contains { $0.contains("Spine Fracture Care") || $0.hasPrefix("Page ") })
        // The left column is read before the right one.
        let left = try #require(texts.firstIndex(of: "and pain medicine."))
        let right = try #require(texts.firstIndex(of: "Kyphoplasty uses a small balloon to"))
        #expect(left < right)
        // Lines are numbered within their page, as pdftotext printed the page.
        let first = try #require(document.lines.first { $0.text == "Osteoporosis makes bones weak and" })
        #expect(first.page == 1 && first.number == 3)
        let second = try #require(document.lines.first { $0.text.hasPrefix("Vertebroplasty injects") })
        #expect(second.page == 2 && second.number == 3)
    }

    @Test func passagesNeverCrossAPageAndCitePageAndLines() throws {
        let document = try #require(Self.read("two-column.pdf").documents.first)
        let passages = Chunker().passages(of: document)
        #expect(Set(passages.compactMap(\.page)) == [1, 2, 3])
        #expect(passages.allSatisfy { $0.page != nil })
        let heal = try #require(passages.first { $0.text.contains("heal in about three months") })
        #expect(heal.page == 1 && heal.lines == 3...14, "\(heal.lines)")
        #expect(heal.text.hasPrefix("Osteoporosis makes bones weak and brittle. A compression fracture is a break"))
    }

    @Test func anAnswerQuotesThePDFAndCitesItsPage() throws {
        let folder = try TemporaryFolder()
        let corpus = folder.path("Corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent("two-column.pdf"), to: corpus.appendingPathComponent("guide.pdf"))
        let index = folder.path("ask.sqlite")
        try IndexBuilder().build(corpus: corpus, into: index)
        let answer = try AskEngine(index: index).ask("how long does a compression fracture take to heal")
        #expect(!answer.isAbstained)
        let source = try #require(answer.sources.first)
        #expect(source.passage.file == "guide.pdf" && source.passage.page == 1)
        for sentence in answer.sentences {
            let cited = try #require(answer.sources.first { sentence.sources.contains($0.number) })
            #expect(cited.passage.text.contains(sentence.text))
        }
        #expect(answer.sentences.contains { $0.text.contains("three months") })
        let json = String(decoding: try JSONEncoder().encode(answer), as: UTF8.self)
        #expect(json.contains("\"page\":1"))
    }

    @Test func lockedDamagedAndImageOnlyPDFsAreSkippedSayingWhy() throws {
        #expect(try Self.read("owner-password.pdf").documents.count == 1)
        let cases = [
            ("password.pdf", "encrypted PDF"), ("truncated.pdf", "damaged PDF"),
            ("image-only.pdf", "no text layer; run OCR first, e.g. ocrmypdf"),
        ]
        for (name, reason) in cases {
            let result = try Self.read(name)
            #expect(result.documents.isEmpty, "\(name)")
            #expect(result.warnings.first?.hasPrefix(reason) == true, "\(name): \(result.warnings)")
        }
    }
}

@Suite struct PDFTextTests {
    @Test func withoutPdftotextEveryPDFIsSkippedWithOneWarningNamingThePackage() throws {
        let folder = try TemporaryFolder()
        try folder.write("Corpus/a.pdf", "%PDF-1.4 not really")
        try folder.write("Corpus/b.pdf", "%PDF-1.4 not really")
        try folder.write("Corpus/notes.txt", "Bones heal in about six weeks when they are kept still.")
        let readers = DocumentReaders.standard.filter { !($0 is PDFReader) } + [PDFReader(extractor: nil)]
        var warnings: [String] = []
        let report = try IndexBuilder(reader: CorpusReader(readers: readers))
            .build(corpus: folder.path("Corpus"), into: folder.path("ask.sqlite"), warn: { warnings.append($0) })
        #expect(report.skipped.map(\.cause) == [.needsTool, .needsTool])
        #expect(warnings == ["skipped 2 files (a.pdf…): no PDF text extractor: install poppler-utils (pdftotext)"])
    }

    @Test func runningHeadersFootersAndPageNumbersAreFoundOnMostPages() {
        let pages = [
            ["Guide to Bones", "", "Bones are living tissue.", "3"],
            ["Guide to Bones", "Calcium builds bone.", "Page 2", "4"],
            ["Guide to Bones", "Walking keeps bones strong.", "5"],
        ]
        let running = PDFReader.withoutRunningLines(pages)
        #expect(running.title == "Guide to Bones")
        #expect(running.pages == [
            ["", "", "Bones are living tissue.", ""], ["", "Calcium builds bone.", "Page 2", ""],
            ["", "Walking keeps bones strong.", ""],
        ])
        #expect(PDFReader.withoutRunningLines([["Only page", "3"]]).pages == [["Only page", "3"]])
    }

    @Test func wordsHyphenatedAtLineEndsAreMadeWhole() {
        #expect(PDFReader.dehyphenated(["cement is inject-", "ed slowly into the", "X-", "Ray room"])
            == ["cement is injected", "slowly into the", "X-", "Ray room"])
    }

    @Test func pagesAreSplitAtFormFeeds() {
        #expect(PDFReader.pages(of: "a\nb\n\u{0C}c\n\u{0C}") == [["a", "b", ""], ["c", ""]])
    }
}
