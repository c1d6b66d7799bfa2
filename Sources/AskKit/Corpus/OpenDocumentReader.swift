import Foundation

/// Reads OpenDocument text (`.odt`, LibreOffice's own format): paragraphs in order, headings (`text:h`) marked,
/// tables a row a line; the title from the document's metadata. Citations give paragraph numbers, as for Word.
public struct OpenDocumentReader: BinaryDocumentReader {
    public let fileExtensions: Set<String> = ["odt"]

    /// Creates the reader.
    public init() {}

    public func read(bytes: Data, file: String) -> DocumentsRead {
        OfficeText.read(bytes, file: file, format: "OpenDocument text", body: "content.xml", metadata: "meta.xml") { _ in
            OfficeText(
                paragraphElements: ["p", "h"], headingElement: "h", rowElement: "table-row", textElements: nil,
                spaceElements: ["s", "tab", "line-break"])
        }
    }
}
