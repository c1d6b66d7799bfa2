/// Cuts a document into passages: finds its title and section headings, splits its paragraphs into sentences,
/// drops notices, and groups consecutive sentences of a section into passages of roughly 40 to 450 words.
public struct Chunker: Sendable {
    /// A passage is closed once it reaches this many words, if the next sentence would take it past it.
    public var targetWords: Int
    /// A passage shorter than this takes the next sentence even past ``targetWords``, up to ``maximumWords``.
    public var minimumWords: Int
    /// No passage grows past this, unless one sentence alone is longer.
    public var maximumWords: Int

    /// A chunker with the given passage sizes, in words. The default for pages was chosen on MASH-QA dev by the
    /// built-in answers' f1_all (minimum/target/maximum: recall@3, f1_all): 40/100/150: 0.602, 0.168; 40/150/225:
    /// 0.693, 0.169; 40/200/300: 0.758, 0.176; 40/300/450: 0.832, 0.181 (60/300/450 the same, but a section
    /// heading then stays inside a passage shorter than 20 words); 80/400/600: 0.862, 0.175. The seed questions
    /// score the same with 100, 200 and 300 (recall@3 0.96, nuggets 0.88); records of collections keep ``records``.
    public init(minimumWords: Int = 40, targetWords: Int = 300, maximumWords: Int = 450) {
        self.minimumWords = minimumWords
        self.targetWords = targetWords
        self.maximumWords = maximumWords
    }

    /// A sentence with the section it falls under and the source lines it spans.
    struct Sentence {
        var text: String
        var section: String?
        var lines: ClosedRange<Int>
        var page: Int?
        var words: Int
    }

    /// A passage spans at most this many source lines, unless one sentence alone does: a citation stays a span a
    /// person can read, even where a page's markup (menus, syntax diagrams, minified HTML) puts thousands of lines
    /// between two sentences. No passage of the shipped corpus (47 lines at most) or of MASH-QA (39) spans more, so
    /// the limit changes none of them; on SQLite's documentation, 888 of 6,390 passages did.
    static let maximumLineSpan = 50

    /// The sizes for records of a collection (`.jsonl`): their makers already cut them to retrieval units, so
    /// only long ones are split. Measured on SciFact and MedQuAD: nDCG@10 0.687 → 0.699 and 0.666 → 0.671 against
    /// a 100-word target.
    public static let records = Chunker(minimumWords: 40, targetWords: 200, maximumWords: 300)

    /// The passages of a document, in order.
    public func passages(of document: SourceDocument) -> [Passage] {
        cut(document).passages
    }

    /// The passages of a document, in order, and how many of its lines were dropped as a page's trailer
    /// (references, related links: see ``ParagraphAssembler``).
    public func cut(_ document: SourceDocument) -> (passages: [Passage], droppedLines: Int) {
        let (paragraphs, dropped) = ParagraphAssembler().assemble(document.lines)
        let (title, sentences) = titleAndSentences(of: paragraphs, document: document)
        let passages = group(sentences).map { run in
            Passage(
                document: document.id, file: document.file, title: title, section: run[0].section,
                text: run.map(\.text).joined(separator: " "),
                lines: run[0].lines.lowerBound...run.map(\.lines.upperBound).max()!, page: run[0].page)
        }
        return (passages, dropped)
    }

    /// The document title and its content sentences, each with its section.
    ///
    /// Without a stated title, the title is a heading from the run of headings before the first body text:
    /// the one just above the last (the last names the first section), or the only one; all-capital kickers
    /// ("DISEASES & CONDITIONS") are passed over. A document with no heading there takes its first heading.
    private func titleAndSentences(of paragraphs: [Paragraph], document: SourceDocument) -> (String, [Sentence]) {
        var sentences: [Sentence] = []
        var leadingHeadings: [String] = []
        var section: String?
        for paragraph in paragraphs {
            if paragraph.kind == .heading {
                if sentences.isEmpty && !Self.isAllCapitals(paragraph.text) { leadingHeadings.append(paragraph.text) }
                section = paragraph.text
                continue
            }
            for range in SentenceSplitter().sentences(in: paragraph.text) {
                let text = String(paragraph.text[range])
                let words = text.wordCount
                guard words >= 2, !Boilerplate.isNotice(text) else { continue }
                let start = paragraph.text.utf8.distance(from: paragraph.text.startIndex, to: range.lowerBound)
                let end = paragraph.text.utf8.distance(from: paragraph.text.startIndex, to: range.upperBound) - 1
                sentences.append(Sentence(
                    text: text, section: section,
                    lines: paragraph.line(atOffset: start)...paragraph.line(atOffset: end), page: paragraph.page,
                    words: words))
            }
        }
        if let stated = document.statedTitle?.collapsingWhitespace(), !stated.isEmpty {
            return (stated, sentences)
        }
        let title: String
        if leadingHeadings.count >= 2 {
            title = leadingHeadings[leadingHeadings.count - 2]
            if let firstSection = leadingHeadings.last, let index = sentences.firstIndex(where: { $0.section == title }) {
                // The title heading is not a section of its own.
                for position in sentences.indices[..<index] { sentences[position].section = firstSection }
            }
        } else if let only = leadingHeadings.first {
            title = only
        } else {
            // No heading opens the document: a later heading or the file name stands in, and stays a section.
            return (paragraphs.first { $0.kind == .heading }?.text ?? Self.fileStem(document.id), sentences)
        }
        for index in sentences.indices where sentences[index].section == title { sentences[index].section = nil }
        return (title, sentences)
    }

    /// Groups consecutive sentences of one section into passages of about ``targetWords`` words.
    func group(_ sentences: [Sentence]) -> [[Sentence]] {
        var runs: [[Sentence]] = []
        var current: [Sentence] = []
        var words = 0
        for sentence in sentences {
            if !current.isEmpty {
                let sectionChanged = sentence.section != current[0].section
                let grown = words + sentence.words
                let full = words >= minimumWords ? grown > targetWords : grown > maximumWords
                let tooWide = sentence.lines.upperBound - current[0].lines.lowerBound >= Self.maximumLineSpan
                if (sectionChanged && words >= minimumWords / 3) || full || tooWide || sentence.page != current[0].page {
                    runs.append(current)
                    current = []
                    words = 0
                }
            }
            current.append(sentence)
            words += sentence.words
        }
        if !current.isEmpty {
            // A short tail joins the passage before it when both fit and share a section.
            if let last = runs.last, words < minimumWords / 2, last[0].section == current[0].section,
                last[0].page == current[0].page,
                current.last!.lines.upperBound - last[0].lines.lowerBound < Self.maximumLineSpan,
                last.reduce(0, { $0 + $1.words }) + words <= maximumWords
            {
                runs[runs.count - 1].append(contentsOf: current)
            } else {
                runs.append(current)
            }
        }
        return runs
    }

    private static func isAllCapitals(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count > 1 && letters.allSatisfy(\.isUppercase)
    }

    private static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
