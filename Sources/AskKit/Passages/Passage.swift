/// A passage: a few consecutive sentences of one document, never cut mid-sentence, that the index ranks and
/// answers quote from.
public struct Passage: Sendable, Hashable, Codable {
    /// The document the passage belongs to: its path relative to the corpus folder, or its `.jsonl` id.
    public var document: String
    /// The file the passage came from, relative to the corpus folder.
    public var file: String
    /// The document's title.
    public var title: String
    /// The heading the passage falls under, if the document has one there.
    public var section: String?
    /// The passage's text: its sentences as they stand in the source, lines rejoined, whitespace folded.
    public var text: String
    /// The first and last source lines the passage's text came from (1-based, inclusive): lines of its ``page``
    /// when it has one.
    public var lines: ClosedRange<Int>
    /// The page of a paged file (PDF) the passage is on, 1-based; `nil` for files without pages. A passage never
    /// crosses a page.
    public var page: Int?

    /// Creates a passage.
    public init(
        document: String, file: String, title: String, section: String?, text: String, lines: ClosedRange<Int>,
        page: Int? = nil
    ) {
        self.document = document
        self.file = file
        self.title = title
        self.section = section
        self.text = text
        self.lines = lines
        self.page = page
    }
}
