import Foundation

/// The lines of a word processor's document body (Word's `word/document.xml`, OpenDocument's `content.xml`): one
/// line a paragraph, numbered by paragraph from 1 (the numbers citations give), headings marked by their style or
/// element, and each table row one line of its cells' text, as a list item.
struct OfficeText {
    /// The elements that are paragraphs (`p`; OpenDocument's headings are `h`).
    var paragraphElements: Set<String>
    /// The element that is a paragraph marked as a heading by its name (OpenDocument's `h`).
    var headingElement: String?
    /// The paragraph styles that are headings (Word's `Heading1`, `Title`…), named by a `pStyle` element's `val`.
    var headingStyles: Set<String> = []
    /// The element of a table row.
    var rowElement: String
    /// Only text inside these elements is the paragraph's (Word's `t`: deleted text and field codes are elsewhere);
    /// `nil` when all of a paragraph's text is.
    var textElements: Set<String>?
    /// Elements that stand for white space (tabs, line breaks, OpenDocument's runs of spaces).
    var spaceElements: Set<String>

    /// Reads a word processor's file: its body's lines with this layout, titled from its metadata.
    /// - Parameters:
    ///   - format: the format's name for warnings ("Word document").
    ///   - body: the member holding the body; `metadata`: the one holding the title.
    ///   - layout: the layout, which may read the container (Word's heading styles are in a member of their own).
    static func read(
        _ bytes: Data, file: String, format: String, body: String, metadata: String,
        layout: (inout ZipContainer) throws -> OfficeText
    ) -> DocumentsRead {
        do {
            var container = try ZipContainer(bytes)
            guard let content = try container.member(body) else {
                return DocumentsRead(documents: [], warnings: ["not a \(format): no \(body)"])
            }
            guard let events = XMLEvent.events(of: content) else {
                return DocumentsRead(documents: [], warnings: ["damaged \(format): \(body) is not XML"])
            }
            let properties = try container.member(metadata).flatMap(XMLEvent.events(of:)) ?? []
            let document = SourceDocument(
                id: file, file: file, statedTitle: firstText(of: "title", in: properties),
                lines: try layout(&container).lines(of: events))
            return DocumentsRead(documents: [document])
        } catch {
            return DocumentsRead(documents: [], warnings: ["damaged \(format): \(error)"])
        }
    }

    func lines(of events: [XMLEvent]) -> [SourceLine] {
        var lines: [SourceLine] = []
        var paragraphs = 0
        var depth = 0
        var text = ""
        var isHeading = false
        var firstParagraph = 0
        var row: (text: String, firstParagraph: Int)?
        var textDepth = 0
        for event in events {
            switch event {
            case .start(let name, let attributes):
                if paragraphElements.contains(name) {
                    if depth == 0 {
                        paragraphs += 1
                        (text, isHeading, firstParagraph) = ("", name == headingElement, paragraphs)
                    }
                    depth += 1
                } else if name == rowElement {
                    row = ("", paragraphs + 1)
                } else if depth > 0, name == "pStyle", let style = attributes["val"], headingStyles.contains(style) {
                    isHeading = true
                } else if depth > 0, spaceElements.contains(name) {
                    text += " "
                }
                if textElements?.contains(name) == true { textDepth += 1 }
            case .end(let name):
                if textElements?.contains(name) == true { textDepth -= 1 }
                if paragraphElements.contains(name), depth > 0 {
                    depth -= 1
                    guard depth == 0 else { continue }
                    let folded = text.collapsingWhitespace()
                    if row != nil {
                        row!.text += " " + folded
                    } else if !folded.isEmpty {
                        lines.append(SourceLine(number: firstParagraph, text: folded, isMarkedHeading: isHeading))
                    }
                } else if name == rowElement, let done = row {
                    let folded = done.text.collapsingWhitespace()
                    if !folded.isEmpty { lines.append(SourceLine(number: done.firstParagraph, text: "• " + folded)) }
                    row = nil
                }
            case .text(let string):
                if depth > 0, textElements == nil || textDepth > 0 { text += string }
            }
        }
        return lines
    }

    /// The text of the first element named `name` (a document's `title` in its metadata), white space folded.
    static func firstText(of name: String, in events: [XMLEvent]) -> String? {
        guard let start = events.firstIndex(where: { if case .start(name, _) = $0 { true } else { false } }) else {
            return nil
        }
        var text = ""
        for event in events[(start + 1)...] {
            if case .end(name) = event { break }
            if case .text(let string) = event { text += string }
        }
        let folded = text.collapsingWhitespace()
        return folded.isEmpty ? nil : folded
    }
}
