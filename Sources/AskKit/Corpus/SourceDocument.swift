/// One line of text as a reader extracted it from a source file, with the line number it came from.
public struct SourceLine: Sendable, Hashable {
    /// The 1-based line number in the source file, or within its ``page`` for a paged file.
    public var number: Int
    /// The 1-based page the line is on, for a paged file (PDF); `nil` for others.
    public var page: Int?
    /// The text of the line, markup removed.
    public var text: String
    /// True when the file's own markup marks the line as a heading (Markdown `#`, HTML `<h1>`…`<h6>`).
    public var isMarkedHeading: Bool

    /// Creates a line.
    public init(number: Int, text: String, isMarkedHeading: Bool = false, page: Int? = nil) {
        self.number = number
        self.page = page
        self.text = text
        self.isMarkedHeading = isMarkedHeading
    }
}

/// A document extracted from a corpus file, before it is cut into passages.
///
/// A `.txt`, `.md` or `.html` file gives one document whose ``id`` is its path relative to the corpus folder;
/// a `.jsonl` file gives one document per line, whose ``id`` is the line's `_id` (or `id`).
public struct SourceDocument: Sendable, Hashable {
    /// The identifier shown in citations: the relative path, or the `.jsonl` document id.
    public var id: String
    /// The path of the file the document came from, relative to the corpus folder.
    public var file: String
    /// A title the file states itself (`.jsonl` title, HTML `<title>`, Markdown first `#` heading), if any.
    public var statedTitle: String?
    /// The document's lines with their source line numbers.
    public var lines: [SourceLine]
    /// True for a record of a collection (a `.jsonl` line), which its makers already cut to a retrieval unit.
    public var isRecord: Bool

    /// Creates a document.
    public init(id: String, file: String, statedTitle: String? = nil, lines: [SourceLine], isRecord: Bool = false) {
        self.id = id
        self.file = file
        self.statedTitle = statedTitle
        self.lines = lines
        self.isRecord = isRecord
    }
}
