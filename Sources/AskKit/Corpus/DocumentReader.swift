import Foundation

/// A reader that turns the text of one corpus file into documents.
public protocol DocumentReader: Sendable {
    /// The file name extensions this reader handles, lower-cased and without the dot.
    var fileExtensions: Set<String> { get }

    /// Extracts the documents of a file.
    /// - Parameters:
    ///   - text: the file's content, decoded as UTF-8.
    ///   - file: the file's path relative to the corpus folder, used as the document id where the format has none.
    /// - Returns: the documents, and a warning for each part of the file that had to be left out.
    func read(_ text: String, file: String) -> DocumentsRead
}

/// A reader of a binary format (PDF, Word, EPUB): it takes the file's bytes rather than decoded text.
public protocol BinaryDocumentReader: DocumentReader {
    /// Extracts the documents of a file.
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - file: the file's path relative to the corpus folder, used as the document id.
    /// - Returns: the documents, and a warning for each part of the file that had to be left out; no documents
    ///   and a warning that says why when the file cannot be read at all.
    func read(bytes: Data, file: String) -> DocumentsRead
}

extension BinaryDocumentReader {
    /// Reads the text's UTF-8 bytes as the file.
    public func read(_ text: String, file: String) -> DocumentsRead {
        read(bytes: Data(text.utf8), file: file)
    }
}

/// What a reader extracted from one file.
public struct DocumentsRead: Sendable {
    /// The documents found.
    public var documents: [SourceDocument]
    /// One message per part of the file that was left out (a malformed `.jsonl` line, say).
    public var warnings: [String]
    /// When there are no documents, what kind of reason the first warning gives: ``SkippedFile/Cause/needsTool``
    /// when a program the reader needs is not installed.
    public var cause: SkippedFile.Cause

    /// Creates the result of reading one file.
    public init(documents: [SourceDocument], warnings: [String] = [], cause: SkippedFile.Cause = .unusable) {
        self.documents = documents
        self.warnings = warnings
        self.cause = cause
    }
}

/// The readers the engine knows, chosen by file extension.
public enum DocumentReaders {
    /// Plain text, Markdown, HTML, JSON Lines, PDF, Word, OpenDocument text and EPUB.
    public static let standard: [any DocumentReader] = [
        PlainTextReader(), MarkdownReader(), HTMLReader(), JSONLinesReader(), PDFReader(), WordReader(),
        OpenDocumentReader(), EPUBReader(),
    ]

    /// The reader for a file name, or `nil` when no reader handles its extension. A `.gz` suffix is looked through:
    /// `corpus.jsonl.gz` is read as JSON Lines.
    public static func reader(forFileNamed path: String, among readers: [any DocumentReader] = standard)
        -> (any DocumentReader)?
    {
        // Only the last path component is looked at: this runs for every file of every build.
        var name = fileName(of: path)
        var fileExtension = lowercasedExtension(of: name)
        if fileExtension == "gz" {
            name = name.dropLast(3)
            fileExtension = lowercasedExtension(of: name)
        }
        guard let fileExtension else { return nil }
        return readers.first { $0.fileExtensions.contains(fileExtension) }
    }

    /// Tells which of many paths have a standard reader, looking each kind of name up once: the reader depends only
    /// on what follows the first dot of a file's name after its first character (`r00042.jsonl`: `jsonl`;
    /// `corpus.jsonl.gz`: `jsonl.gz`), and a folder's files mostly share a few of those.
    struct ReadableNames {
        private var known: [Substring: Bool] = [:]

        /// True when ``DocumentReaders/reader(forFileNamed:among:)`` finds a standard reader for the path.
        mutating func contain(_ path: String) -> Bool {
            let name = fileName(of: path)
            guard let dot = name.utf8.dropFirst().firstIndex(of: UInt8(ascii: ".")) else {
                return reader(forFileNamed: path) != nil
            }
            let kind = name[name.utf8.index(after: dot)...]
            if let readable = known[kind] { return readable }
            let readable = reader(forFileNamed: path) != nil
            known[kind] = readable
            return readable
        }
    }

    /// The last component of a path.
    private static func fileName(of path: String) -> Substring {
        let nameStart = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path.utf8.index(after: $0) }
        return path[(nameStart ?? path.startIndex)...]
    }

    /// What follows the name's last dot, lower-cased; `nil` without a dot or when the name starts with its only dot.
    private static func lowercasedExtension(of name: Substring) -> String? {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return nil }
        return name[name.utf8.index(after: dot)...].lowercased()
    }
}

extension String {
    /// The string's lines, numbered from 1, split where `Character.isNewline` splits: `\n`, `\r\n`, `\r`, vertical
    /// tab, form feed, U+0085, U+2028 and U+2029. Scanned as UTF-8 bytes: this runs over every file read.
    func numberedLines() -> [SourceLine] {
        let ranges = lineRanges()
        return numberedLines(ranges.indices, of: ranges)
    }

    /// Some of the lines of ``numberedLines()``: those at `indices` of `ranges`, which ``lineRanges()`` gave.
    func numberedLines(_ indices: Range<Int>, of ranges: [Range<Int>]) -> [SourceLine] {
        var text = self
        return text.withUTF8 { bytes in
            indices.map { index in
                let line = UnsafeBufferPointer(rebasing: bytes[ranges[index]])
                return SourceLine(number: index + 1, text: String(decoding: line, as: UTF8.self))
            }
        }
    }

    /// The UTF-8 offsets of the lines of ``numberedLines()``, without their line breaks.
    func lineRanges() -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var text = self
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                // Printable ASCII and most other bytes break no line: passed without a closer look.
                if (0x20...0xC1).contains(bytes[index]) || bytes[index] > 0xE2 {
                    index += 1
                    continue
                }
                let separator = Self.newlineLength(in: bytes, at: index)
                if separator == 0 {
                    index += 1
                    continue
                }
                ranges.append(start..<index)
                index += separator
                start = index
            }
            ranges.append(start..<bytes.count)
        }
        return ranges
    }

    /// How many bytes the line break at `index` takes, 0 when there is none.
    private static func newlineLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        func byte(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        switch bytes[index] {
        case 0x0A, 0x0B, 0x0C: return 1
        case 0x0D: return byte(1) == 0x0A ? 2 : 1
        case 0xC2: return byte(1) == 0x85 ? 2 : 0
        case 0xE2: return byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9) ? 3 : 0
        default: return 0
        }
    }
}
