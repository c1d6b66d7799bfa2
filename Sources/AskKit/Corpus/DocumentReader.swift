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

/// What a reader extracted from one file.
public struct DocumentsRead: Sendable {
    /// The documents found.
    public var documents: [SourceDocument]
    /// One message per part of the file that was left out (a malformed `.jsonl` line, say).
    public var warnings: [String]

    /// Creates the result of reading one file.
    public init(documents: [SourceDocument], warnings: [String] = []) {
        self.documents = documents
        self.warnings = warnings
    }
}

/// The readers the engine knows, chosen by file extension.
public enum DocumentReaders {
    /// Plain text, Markdown, HTML and JSON Lines.
    public static let standard: [any DocumentReader] = [
        PlainTextReader(), MarkdownReader(), HTMLReader(), JSONLinesReader(),
    ]

    /// The reader for a file name, or `nil` when no reader handles its extension. A `.gz` suffix is looked through:
    /// `corpus.jsonl.gz` is read as JSON Lines.
    public static func reader(forFileNamed name: String, among readers: [any DocumentReader] = standard)
        -> (any DocumentReader)?
    {
        let name = name.lowercased().hasSuffix(".gz") ? String(name.dropLast(3)) : name
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        return readers.first { $0.fileExtensions.contains(fileExtension) }
    }
}

extension String {
    /// The string's lines, numbered from 1, split on `\n`, `\r\n` or `\r`.
    func numberedLines() -> [SourceLine] {
        var lines: [SourceLine] = []
        var number = 0
        for line in split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            lines.append(SourceLine(number: number, text: String(line)))
        }
        return lines
    }
}
