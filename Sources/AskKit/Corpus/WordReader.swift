import Foundation

/// Reads Word documents (`.docx`, Office Open XML): the body's paragraphs in order, headings from their paragraph
/// styles (the styles named "heading 1"…, and "Title"), tables a row a line; the title from the document's
/// properties. Citations give paragraph numbers: "lines 4–6" are the body's 4th to 6th paragraphs.
public struct WordReader: BinaryDocumentReader {
    public let fileExtensions: Set<String> = ["docx"]

    /// Creates the reader.
    public init() {}

    public func read(bytes: Data, file: String) -> DocumentsRead {
        OfficeText.read(
            bytes, file: file, format: "Word document", body: "word/document.xml", metadata: "docProps/core.xml"
        ) { container in
            let styles = try container.member("word/styles.xml").flatMap(XMLEvent.events(of:)) ?? []
            return OfficeText(
                paragraphElements: ["p"], headingStyles: Self.headingStyles(in: styles), rowElement: "tr",
                textElements: ["t"], spaceElements: ["tab", "br", "cr"])
        }
    }

    /// The ids of the paragraph styles that are headings: those named "heading N" or "Title" (Word names its
    /// built-in styles in English whatever the language of its menus), and the ids Word gives them by default.
    static func headingStyles(in styles: [XMLEvent]) -> Set<String> {
        var ids: Set<String> = ["Title"]
        ids.formUnion((1...9).map { "Heading\($0)" })
        var current: String?
        for event in styles {
            switch event {
            case .start("style", let attributes): current = attributes["styleId"]
            case .start("name", let attributes):
                if let id = current, let name = attributes["val"]?.lowercased(),
                    name.hasPrefix("heading") || name == "title"
                {
                    ids.insert(id)
                }
            case .end("style"): current = nil
            default: break
            }
        }
        return ids
    }
}
