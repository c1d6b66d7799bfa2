/// Reads `.txt` files: every line is kept as it is; the passage builder finds headings and rejoins broken lines.
public struct PlainTextReader: DocumentReader {
    /// Creates the reader.
    public init() {}

    public let fileExtensions: Set<String> = ["txt", "text"]

    public func read(_ text: String, file: String) -> DocumentsRead {
        DocumentsRead(documents: [SourceDocument(id: file, file: file, lines: text.numberedLines())])
    }
}
