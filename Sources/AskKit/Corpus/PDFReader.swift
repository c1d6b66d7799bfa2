import Foundation

/// Reads `.pdf` files through poppler's `pdftotext` (Debian's `poppler-utils`), page by page.
///
/// `pdftotext` runs as a separate program rather than poppler being linked: poppler is GPL, the program is on most
/// Linux systems already, and a damaged PDF that crashes or hangs it cannot take a build with it. Its default mode
/// gives the text in reading order (the columns of a two-column page one after the other) and joins words
/// hyphenated at line ends. Each page's lines are numbered from 1 and carry their page, so citations read
/// "guide.pdf, p. 3, lines 10–14" and passages never cross a page. Lines repeated at the top or bottom of most
/// pages (running headers and footers, page numbers) are dropped; a running header of the first page names the
/// document. A PDF whose text needs a password, a damaged one
/// and one without a text layer are skipped with a warning that says why; without `pdftotext`, every PDF is skipped
/// with a warning naming the package to install.
public struct PDFReader: BinaryDocumentReader {
    public let fileExtensions: Set<String> = ["pdf"]

    /// The `pdftotext` program, or `nil` when it is not installed.
    private let extractor: ExternalProgram?

    /// A reader using `pdftotext` from `PATH`.
    public init() {
        self.init(extractor: ExternalProgram(named: "pdftotext", timeLimit: Self.timeLimit))
    }

    /// A reader using the given extractor; `nil` to read as when `pdftotext` is not installed.
    init(extractor: ExternalProgram?) {
        self.extractor = extractor
    }

    /// True when `pdftotext` is installed, so PDFs can be read.
    public var canRead: Bool { extractor != nil }

    /// How long one PDF may take to extract. A 1,000-page PDF takes a few seconds; a PDF that takes minutes is
    /// built to hang readers.
    static let timeLimit: TimeInterval = 120

    /// The warning for every PDF when `pdftotext` is missing.
    static let missingExtractor = "no PDF text extractor: install poppler-utils (pdftotext)"

    public func read(bytes: Data, file: String) -> DocumentsRead {
        guard let extractor else {
            return DocumentsRead(documents: [], warnings: [Self.missingExtractor], cause: .needsTool)
        }
        let output: ExternalProgram.Output
        do {
            // `-enc UTF-8`: whatever the locale; `-` `-`: the PDF from standard input, the text to standard output.
            output = try extractor.run(arguments: ["-q", "-enc", "UTF-8", "-", "-"], input: bytes)
        } catch {
            return DocumentsRead(documents: [], warnings: ["pdftotext could not run: \(error.localizedDescription)"])
        }
        guard let status = output.status else {
            return DocumentsRead(documents: [], warnings: ["pdftotext took longer than \(Int(Self.timeLimit)) s"])
        }
        if status != 0 {
            // `-q` silences poppler's messages; a second run without it tells why, for the warning only.
            let why = (try? extractor.run(arguments: ["-enc", "UTF-8", "-", "/dev/null"], input: bytes))?.firstErrorLine
            if why?.localizedCaseInsensitiveContains("password") == true {
                return DocumentsRead(documents: [], warnings: ["encrypted PDF: its text needs a password"])
            }
            return DocumentsRead(documents: [], warnings: ["damaged PDF: \(why ?? "pdftotext exit status \(status)")"])
        }
        let pages = Self.pages(of: String(decoding: output.standardOutput, as: UTF8.self))
        guard pages.contains(where: { page in page.contains { !$0.allSatisfy(\.isWhitespace) } }) else {
            return DocumentsRead(documents: [], warnings: ["no text layer; run OCR first, e.g. ocrmypdf"])
        }
        let running = Self.withoutRunningLines(pages)
        let lines = running.pages.enumerated().flatMap { index, page in
            Self.dehyphenated(page).enumerated().map { number, text in
                SourceLine(number: number + 1, text: text, page: index + 1)
            }
        }
        return DocumentsRead(documents: [SourceDocument(id: file, file: file, statedTitle: running.title, lines: lines)])
    }

    /// The lines of each page: `pdftotext` ends every page with a form feed.
    static func pages(of text: String) -> [[String]] {
        var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        if pages.last?.allSatisfy(\.isWhitespace) == true { pages.removeLast() }
        return pages.map { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        }
    }

    /// How many lines at each end of a page are looked at for running headers and footers.
    private static let edgeLines = 3

    /// The running headers and footers of a document, and the first of them at the top of its first page that
    /// names something (letters, no digits), which is most often the document's title.
    struct RunningLines {
        /// The pages with their running lines blanked (kept as empty lines, so line numbers stay those of the
        /// extracted page).
        var pages: [[String]]
        var title: String?
    }

    /// Finds the running lines: a line among the first or last few of a page whose text, digits aside, stands at
    /// an edge of at least half of the pages, and of two at least. "Page 3 of 12" and a lone "3" count as repeated.
    static func withoutRunningLines(_ pages: [[String]]) -> RunningLines {
        guard pages.count >= 2 else { return RunningLines(pages: pages) }
        func edges(_ page: [String]) -> [Int] {
            let filled = page.indices.filter { !page[$0].allSatisfy(\.isWhitespace) }
            return Array(Set(filled.prefix(edgeLines) + filled.suffix(edgeLines))).sorted()
        }
        func key(_ line: String) -> String {
            String(line.lowercased().map { $0.isNumber ? "#" : $0 }).collapsingWhitespace()
        }
        var pagesHolding: [String: Int] = [:]
        for page in pages {
            for key in Set(edges(page).map { key(page[$0]) }) { pagesHolding[key, default: 0] += 1 }
        }
        let needed = max(2, (pages.count + 1) / 2)
        var result = RunningLines(pages: pages)
        for (number, page) in pages.enumerated() {
            for index in edges(page) where pagesHolding[key(page[index]), default: 0] >= needed {
                let text = page[index].collapsingWhitespace()
                if number == 0, index < page.count / 2, result.title == nil, text.contains(where: \.isLetter),
                    !text.contains(where: \.isNumber)
                {
                    result.title = text
                }
                result.pages[number][index] = ""
            }
        }
        return result
    }

    /// The page's lines with a word hyphenated at a line's end ("direct-" / "ly into…") made whole on the first
    /// line ("directly" / "into…"), where `pdftotext` left it split. A hyphen before a capital or a digit is
    /// kept: "X-" / "Ray", "COVID-" / "19".
    static func dehyphenated(_ lines: [String]) -> [String] {
        var lines = lines
        for index in lines.indices.dropLast() {
            let line = lines[index]
            guard line.hasSuffix("-"), line.dropLast().last?.isLetter == true,
                line.dropLast().last?.isLowercase == true
            else { continue }
            let next = lines[index + 1].drop { $0 == " " }
            guard next.first?.isLowercase == true else { continue }
            let fragment = next.prefix { !$0.isWhitespace }
            lines[index] = String(line.dropLast()) + fragment
            lines[index + 1] = String(next.dropFirst(fragment.count).drop { $0 == " " })
        }
        return lines
    }
}
