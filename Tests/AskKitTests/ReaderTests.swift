@testable import AskKit
import Foundation
import Testing

@Suite struct ReaderTests {
    @Test func markdownKeepsHeadingsAndVisibleTextOnly() throws {
        let text = """
            ---
            title: front matter
            ---
            # Kyphoplasty Guide

            A **balloon** is used. See [the guide](https://example.org) and ![a picture](x.png) `code`.

            ```
            let hidden = true
            ```
            - First item
            """
        let document = try #require(MarkdownReader().read(text, file: "g.md").documents.first)
        #expect(document.statedTitle == "Kyphoplasty Guide")
        let lines = document.lines.filter { !$0.text.isEmpty }
        #expect(lines.first?.isMarkedHeading == true)
        #expect(lines.contains { $0.text == "A balloon is used. See the guide and  code." && $0.number == 6 })
        #expect(!lines.contains { $0.text.contains("hidden") || $0.text.contains("front matter") })
        #expect(lines.contains { $0.text == "• First item" })
    }

    @Test func htmlDropsScriptsStylesAndNavigationAndDecodesEntities() throws {
        let html = """
            <html><head><title>Bone &amp; Spine</title><style>p { color: red }</style></head>
            <body><nav><a href="/">Home</a></nav>
            <h2>Risks</h2>
            <p>Cement may leak &mdash; rarely.<script>alert("x")</script></p>
            <p>Caf&eacute; &#233; &#x2014; done</p>
            </body></html>
            """
        let document = try #require(HTMLReader().read(html, file: "p.html").documents.first)
        #expect(document.statedTitle == "Bone & Spine")
        let texts = document.lines.map(\.text)
        #expect(texts.contains("Risks"))
        #expect(document.lines.first { $0.text == "Risks" }?.isMarkedHeading == true)
        #expect(texts.contains("Cement may leak — rarely."))
        #expect(texts.contains("Café é — done"))
        #expect(!texts.joined().contains("alert") && !texts.joined().contains("color") && !texts.joined().contains("Home"))
        #expect(document.lines.first { $0.text == "Risks" }?.number == 3)
    }

    @Test func htmlDecodesEveryNamedEntityAndDropsCodeTogglesAndRunTogetherRows() throws {
        let html = """
            <p>Next &rarr; page &lsqb;1&rsqb;, &pi; r&sup2;, &amp;lt; stays written out.</p>
            <pre>/*
            ** A code comment
            */</pre>
            <p><b>select-stmt:</b> <button onclick='toggle()'>hide</button></p>
            <table><tr><td>Adding null gives null</td><td>Yes</td></tr><tr><td>Null times zero</td><td>No</td></tr></table>
            """
        let document = try #require(HTMLReader().read(html, file: "p.html").documents.first)
        let texts = document.lines.map(\.text)
        #expect(texts.contains("Next → page [1], π r², &lt; stays written out."))
        #expect(!texts.contains { $0.contains("**") || $0.contains("hide") })
        #expect(texts.contains("• Adding null gives null Yes") && texts.contains("• Null times zero No"))
        #expect(HTMLEntities.characters.count == 2125)
    }

    @Test func jsonLinesGivesOneDocumentPerLineAndWarnsAboutBadLines() {
        let text = """
            {"_id": "a1", "title": "First", "text": "Alpha text."}
            not json
            {"id": 7, "text": "Seven."}
            """
        let result = JSONLinesReader().read(text, file: "c.jsonl")
        #expect(result.documents.map(\.id) == ["a1", "7"])
        #expect(result.documents[0].statedTitle == "First")
        #expect(result.documents[1].lines.first?.number == 3)
        #expect(result.warnings.count == 1 && result.warnings[0].contains("c.jsonl:2"))
    }

    @Test func jsonLinesSkipsBlankLinesSilentlyAndKeepsLineNumbers() {
        let text = "  \t\n{\"_id\": \"é\", \"text\": \"Caf\\u00e9 \u{1F9B4}\"}\n\u{A0}\u{2003}\n\u{A0}x\n{\"_id\": \"b\", \"text\": \"B.\"}"
        let result = JSONLinesReader().read(text, file: "d.jsonl")
        #expect(result.documents.map(\.id) == ["é", "b"])
        #expect(result.documents[0].lines.map(\.text) == ["Café \u{1F9B4}"])
        #expect(result.documents.map { $0.lines.first?.number } == [2, 5])
        // A line of Unicode spaces is blank; one with a letter among them is a bad record.
        #expect(result.warnings.count == 1 && result.warnings[0].contains("d.jsonl:4"))
    }

    /// Files of a megabyte and more are hashed on one thread while decoded on another: the same hash, text and
    /// reasons to skip as for a small file.
    @Test func aLargeFileIsHashedAndDecodedAsASmallOneIs() throws {
        let folder = try TemporaryFolder()
        let records = (0..<20_000).map { #"{"_id": "r\#($0)", "text": "Record \#($0) of a large collection file."}"# }
        let large = Data(records.joined(separator: "\n").utf8)
        try folder.write("large.jsonl", large)
        try folder.write("large-latin1.txt", Data(repeating: 0x61, count: 1 << 20) + Data([0x63, 0x61, 0x66, 0xE9]))
        var outcomes: [String: CorpusReader.Outcome] = [:]
        for entry in try Corpus(folder.url).entries() { outcomes[entry.path] = CorpusReader().read(entry) }
        guard case .read(let file, let warnings) = outcomes["large.jsonl"] else {
            Issue.record("large.jsonl was not read")
            return
        }
        #expect(large.count > 1 << 20)
        #expect(file.contentHash == StableHasher.hash(large) && warnings.isEmpty)
        #expect(file.documents.count == 20_000 && file.documents.last?.id == "r19999")
        guard case .skipped(let skipped) = outcomes["large-latin1.txt"] else {
            Issue.record("large-latin1.txt was read")
            return
        }
        #expect(skipped.reason == "not UTF-8 text")
    }

    @Test func unusableFilesAreSkippedWithAReasonAndTheRestIsRead() throws {
        let folder = try TemporaryFolder()
        try folder.write("good.txt", "Kyphoplasty restores the height of the vertebra.")
        try folder.write("empty.txt", "")
        try folder.write("blank.md", "  \n\n ")
        try folder.write("binary.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]))
        try folder.write("latin1.txt", Data([0x63, 0x61, 0x66, 0xE9, 0x20, 0x61]))
        try folder.write("image.png", Data([1, 2, 3]))
        try folder.write("utf16.txt", Data([0xFF, 0xFE]) + "Hello there".data(using: .utf16LittleEndian)!)
        try folder.write(".hidden.txt", "never read")
        var skipped: [String: String] = [:]
        var read: [String] = []
        for entry in try Corpus(folder.url).entries() {
            switch CorpusReader().read(entry) {
            case .read(let file, _): read.append(file.path)
            case .skipped(let file): skipped[file.path] = file.reason
            }
        }
        #expect(read.sorted() == ["good.txt", "utf16.txt"])
        #expect(skipped == [
            "empty.txt": "empty file", "blank.md": "empty file", "binary.txt": "binary file",
            "latin1.txt": "not UTF-8 text", "image.png": "unsupported file type",
        ])
    }

    /// Lines are split on bytes where `Character.isNewline` splits (every kind of line break, `\r\n` as one),
    /// checked on random strings of breaks, combining marks and multi-byte letters.
    @Test func linesBreakWhereCharactersSayTheyDo() {
        var generator = SplitMix64(seed: 7)
        let alphabet: [String] = ["a", " ", "é", "e\u{301}", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}",
                                  "\u{2028}", "\u{2029}", "\u{301}", "漢", "🦴", "\u{E2}", "\u{2027}"]
        for _ in 0..<2_000 {
            let text = generator.draw(from: alphabet, fewerThan: 16).joined()
            let expected = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            #expect(text.numberedLines().map(\.text) == expected, "\(Array(text.unicodeScalars))")
            #expect(text.numberedLines().map(\.number) == Array(1...expected.count))
        }
    }

    /// One cache of name kinds, shared by thousands of random paths, answers as looking each path up does.
    @Test func readableNamesAgreeWithTheReaderLookup() {
        var generator = SplitMix64(seed: 11)
        let fragments = ["a", "b", ".", ".", "jsonl", "JSONL", "gz", "GZ", "md", "txt", "html", "png", "é", "/", "x.y"]
        var readable = DocumentReaders.ReadableNames()
        for _ in 0..<5_000 {
            let path = generator.draw(from: fragments, fewerThan: 7).joined()
            #expect(readable.contain(path) == (DocumentReaders.reader(forFileNamed: path) != nil), "\(path)")
        }
    }

    @Test func byteSearchFindsTheFirstOccurrence() {
        #expect("available at: here".utf8Offset(of: "at") == 10)
        #expect("café accessed 2019".utf8Offset(of: "accessed ") == 6)
        #expect("short".utf8Offset(of: "longer needle") == nil)
        #expect("".utf8Offset(of: "x") == nil && "abc".utf8Offset(of: "") == 0)
        #expect("see (/link)"[...].containsBytes("(/") && !"see link".containsBytes("(/"))
    }
}
