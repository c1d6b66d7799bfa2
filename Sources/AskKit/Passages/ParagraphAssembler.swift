/// Recovers headings and paragraphs from a document's lines.
///
/// Extractions from PDFs and web pages break sentences across lines (often with blank lines between the
/// pieces), mix in navigation, captions and reference lists, and mark headings only by their shape. The assembler
/// drops navigation, stops at a page's trailing promotion or reference block, rejoins a line to the one before
/// when that one is visibly unfinished, and tells headings (short, title-like lines, or questions standing alone)
/// from body text.
struct ParagraphAssembler {
    /// Words that cannot end a sentence: a line ending in one continues on the next.
    private static let continuationWords: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "nor",
        "as", "than", "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been", "your",
        "their", "his", "her", "its", "our", "my", "this", "these", "those", "into", "onto", "about", "between",
        "if", "when", "while", "because", "so", "such", "can", "will", "may", "might", "should", "would", "could",
        "not", "no", "very", "more", "most", "less", "how", "what", "where", "whether", "both", "either",
    ]

    /// A line reduced to what matters for assembly.
    private struct Line {
        var text: String
        var number: Int
        var page: Int?
        var isBullet: Bool
        var isMarkedHeading: Bool
        /// Navigation stood between this line and the one before: the two are never joined.
        var followsNavigation: Bool
    }

    func paragraphs(of lines: [SourceLine]) -> [Paragraph] {
        assemble(lines).paragraphs
    }

    /// The paragraphs of the lines, and how many lines were dropped as a page's trailer (references, related links).
    func assemble(_ lines: [SourceLine]) -> (paragraphs: [Paragraph], droppedLines: Int) {
        var paragraphs: [Paragraph] = []
        var current: Paragraph?
        let (cleaned, dropped) = cleanLines(lines)
        for line in cleaned {
            if var open = current, canJoin(line, to: open) {
                let offset = open.text.utf8.count + 1
                open.text += " " + line.text
                open.pieces.append(Paragraph.Piece(offset: offset, line: line.number))
                current = open
            } else {
                if let done = current { paragraphs.append(contentsOf: finish(done)) }
                current = Paragraph(
                    kind: line.isMarkedHeading ? .heading : .body, text: line.text,
                    pieces: [Paragraph.Piece(offset: 0, line: line.number)], isBullet: line.isBullet, page: line.page)
            }
        }
        if let done = current { paragraphs.append(contentsOf: finish(done)) }
        return (paragraphs.compactMap(classify), dropped)
    }

    // MARK: - Lines

    /// Normalises lines, drops blank and navigation lines, and drops a page's trailer: from a trailer heading
    /// ("References", "Related links") to the next heading the file's markup marks (Markdown, HTML, Word…), where
    /// the page's content goes on, or to the end of a file without marked headings. Returns how many lines the
    /// trailers held.
    private func cleanLines(_ lines: [SourceLine]) -> (lines: [Line], droppedLines: Int) {
        var result: [Line] = []
        var afterNavigation = false
        var bodyWords = 0
        var inTrailer = false
        var dropped = 0
        for source in lines {
            var text = Self.normalize(source.text)
            if text.isEmpty { continue }
            if inTrailer {
                guard source.isMarkedHeading, !Boilerplate.startsTrailer(text) else {
                    dropped += 1
                    continue
                }
                inTrailer = false
            }
            if Boilerplate.isNavigation(text) {
                afterNavigation = true
                continue
            }
            // A trailer heading ("More in Osteoporosis", "References") stands alone: a line that continues an
            // unfinished one ("…are affected" / "more in women than in men.") is body text.
            if bodyWords >= 8, Boilerplate.startsTrailer(text), text.first?.isLowercase != true,
                !text.hasTerminalPunctuation, !(result.last.map { Self.endsOpen($0.text) } ?? false)
            {
                inTrailer = true
                dropped += 1
                continue
            }
            var isBullet = false
            if let first = text.first, "•·▪◦‣●○■□–-*".contains(first), text.dropFirst().first == " " {
                isBullet = true
                text = String(text.dropFirst(2))
            }
            if bodyWords < 8 { bodyWords += text.wordCount(stoppingAfter: 8) }
            result.append(Line(text: text, number: source.number, page: source.page, isBullet: isBullet,
                               isMarkedHeading: source.isMarkedHeading, followsNavigation: afterNavigation))
            afterNavigation = false
        }
        return (result, dropped)
    }

    /// The line with control and format characters removed and every run of spaces (of any kind) made one space,
    /// trimmed. One pass over the scalars, writing UTF-8 bytes; this runs for every line of every document.
    private static func normalize(_ text: String) -> String {
        if text.isSingleSpacedPrintableASCII { return text }
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace: Bool
            let keep: Bool
            if scalar.isASCII {
                isSpace = scalar == " " || scalar == "\t"
                keep = scalar.value >= 0x20 && scalar.value != 0x7F
            } else {
                switch scalar.properties.generalCategory {
                case .spaceSeparator, .lineSeparator, .paragraphSeparator:
                    (isSpace, keep) = (true, false)
                case .control, .format, .surrogate, .privateUse, .unassigned:
                    (isSpace, keep) = (false, false)
                default:
                    (isSpace, keep) = (false, true)
                }
            }
            if isSpace {
                pendingSpace = !cleaned.isEmpty
            } else if keep {
                if pendingSpace { cleaned.append(0x20) }
                pendingSpace = false
                if scalar.isASCII {
                    cleaned.append(UInt8(scalar.value))
                } else {
                    cleaned.append(contentsOf: scalar.utf8)
                }
            }
        }
        return String(decoding: cleaned, as: UTF8.self)
    }

    // MARK: - Joining

    private func canJoin(_ line: Line, to paragraph: Paragraph) -> Bool {
        // A paragraph never crosses a page, nor a stretch of the source longer than a passage may span (hidden
        // markup, such as a syntax diagram): a citation names one page and a readable span.
        if line.isBullet || line.isMarkedHeading || line.followsNavigation || paragraph.kind == .heading
            || line.page != paragraph.page
            || line.number - (paragraph.pieces.last?.line ?? line.number) >= Chunker.maximumLineSpan
        {
            return false
        }
        let text = paragraph.text
        if text.hasTerminalPunctuation || text.hasSuffix(":") { return false }
        guard let first = line.text.first else { return false }
        if first.isLowercase || Self.endsOpen(text) { return true }
        // "…a new fracture. Nonsurgical Treatment" then "Fortunately, …": the tail is a heading, not a sentence start.
        if let stop = Self.lastSentenceStop(in: text), Self.isTitleLike(text[stop.upperBound...]),
            text[stop.upperBound...].wordCount(stoppingAfter: 5) <= 5
        {
            return false
        }
        // A long line that stops without punctuation is a sentence cut by the extraction.
        return text.wordCount(stoppingAfter: 8) >= 8 && (first.isUppercase || first.isNumber || "(\"“".contains(first))
    }

    /// The last ". " of the text, found on its UTF-8 bytes from the end (Foundation's backward search measures
    /// the whole string in UTF-16 first, at every line a long paragraph grows by).
    private static func lastSentenceStop(in text: String) -> Range<String.Index>? {
        let utf8 = text.utf8
        var index = utf8.endIndex
        while index > utf8.startIndex {
            let space = utf8.index(before: index)
            guard space > utf8.startIndex else { return nil }
            let period = utf8.index(before: space)
            if utf8[space] == UInt8(ascii: " "), utf8[period] == UInt8(ascii: ".") { return period..<index }
            index = space
        }
        return nil
    }

    private static func endsOpen(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        if ",;–—-(/&".contains(last) { return true }
        // The last word, found from the end: a paragraph grows line by line, and is asked this at every line.
        let lastWord = text.lastIndex(of: " ").map { text[text.index(after: $0)...] } ?? text[...]
        return continuationWords.contains(lastWord.lowercased())
    }

    // MARK: - Classification

    /// Splits a heading that an extraction glued onto the end of a paragraph ("…new fracture. Nonsurgical Treatment").
    private func finish(_ paragraph: Paragraph) -> [Paragraph] {
        guard paragraph.kind == .body, !paragraph.text.hasTerminalPunctuation,
            let stop = Self.lastSentenceStop(in: paragraph.text)
        else { return [paragraph] }
        let tail = paragraph.text[stop.upperBound...]
        guard Self.isTitleLike(tail), tail.wordCount(stoppingAfter: 5) <= 5 else { return [paragraph] }
        let splitOffset = paragraph.text.utf8.distance(from: paragraph.text.startIndex, to: stop.upperBound)
        var body = paragraph
        body.text = String(paragraph.text[..<paragraph.text.index(after: stop.lowerBound)])
        body.pieces = paragraph.pieces.filter { $0.offset < splitOffset }
        let heading = Paragraph(
            kind: .heading, text: String(tail),
            pieces: [Paragraph.Piece(offset: 0, line: paragraph.line(atOffset: splitOffset))], page: paragraph.page)
        return [body, heading]
    }

    /// Decides whether a paragraph is a heading, body text, or furniture to drop.
    private func classify(_ paragraph: Paragraph) -> Paragraph? {
        var paragraph = paragraph
        if paragraph.kind == .heading { return paragraph }
        let text = paragraph.text
        if Boilerplate.isCitation(text) { return nil }
        if Self.isHeadingLike(paragraph) {
            paragraph.kind = .heading
            return paragraph
        }
        guard let first = text.first else { return nil }
        let terminated = text.hasTerminalPunctuation || text.hasSuffix(":")
        // Captions and link text: lower-case fragments, or short lines that are neither headings nor sentences.
        let isShort = text.wordCount(stoppingAfter: 8) <= 8
        if !terminated && (first.isLowercase || isShort) { return nil }
        if first.isLowercase && isShort { return nil }
        return paragraph
    }

    private static func isHeadingLike(_ paragraph: Paragraph) -> Bool {
        guard paragraph.pieces.count == 1, !paragraph.isBullet, let first = paragraph.text.first,
            first.isUppercase || first.isNumber
        else { return false }
        let text = paragraph.text
        let words = text.wordCount(stoppingAfter: 14)
        if text.hasSuffix("?") { return words <= 14 && !text.dropLast().contains { ".!?".contains($0) } }
        guard words <= 10, !text.hasTerminalPunctuation, !endsOpen(text) else { return false }
        return isTitleLike(text)
    }

    /// Most significant words capitalised, as in "Pain Relief Options for Fractures" or "Anatomy".
    static func isTitleLike<Text: StringProtocol>(_ text: Text) -> Bool {
        let words = text.split(separator: " ")
        guard let first = words.first?.first, first.isUppercase || first.isNumber, text.last != ":" else {
            return false
        }
        let significant = words.filter { $0.count >= 4 }
        if significant.isEmpty { return true }
        let capitalised = significant.count { $0.first?.isUppercase == true || $0.first?.isNumber == true }
        return Double(capitalised) / Double(significant.count) >= 0.5
    }
}
