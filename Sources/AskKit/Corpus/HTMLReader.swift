/// Reads `.html` files: tags, scripts, styles, navigation, buttons and code listings (`<pre>`) are dropped, entities decoded,
/// block elements become lines, `<h1>`…`<h6>` become marked headings; each line keeps the source line it started on.
public struct HTMLReader: DocumentReader {
    /// Creates the reader.
    public init() {}

    public let fileExtensions: Set<String> = ["html", "htm", "xhtml"]

    private static let hiddenElements: Set<String> = [
        "script", "style", "noscript", "template", "svg", "nav", "iframe", "object", "canvas", "button",
        // Preformatted blocks are code listings, dropped as Markdown's code blocks are: they are not sentences.
        "pre",
    ]
    private static let blockElements: Set<String> = [
        "p", "div", "br", "li", "tr", "table", "ul", "ol", "section", "article", "header", "footer", "main",
        "blockquote", "hr", "dd", "dt", "dl", "figure", "figcaption", "aside", "address", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "title", "body", "html", "head", "caption", "fieldset", "details",
        "summary",
    ]

    public func read(_ text: String, file: String) -> DocumentsRead {
        var builder = LineBuilder()
        let characters = Array(text)
        var index = 0
        var lineNumber = 1
        var title: String?
        var titleText: String?

        func advanceLines(_ range: Range<Int>) {
            for position in range where characters[position].isNewline { lineNumber += 1 }
        }

        while index < characters.count {
            let character = characters[index]
            if character == "<", let tag = Tag(characters, at: index) {
                advanceLines(index..<tag.end)
                index = tag.end
                if Self.hiddenElements.contains(tag.name) && !tag.isClosing && !tag.isSelfClosing {
                    let end = Self.closingTagEnd(of: tag.name, in: characters, from: index)
                    advanceLines(index..<end)
                    index = end
                    continue
                }
                if tag.name == "title" {
                    if tag.isClosing {
                        title = titleText.map(Self.decodeEntities)?.collapsingWhitespace()
                        titleText = nil
                    } else {
                        titleText = ""
                    }
                    continue
                }
                if tag.name == "td" || tag.name == "th" {
                    // Cells written without white space between them ("…null</td><td>Yes") are still words apart.
                    builder.append(" ", line: lineNumber)
                }
                if Self.blockElements.contains(tag.name) {
                    builder.breakLine()
                    if !tag.isClosing {
                        if tag.name.count == 2, tag.name.first == "h", tag.name.last?.isNumber == true {
                            builder.isHeading = true
                        } else if tag.name == "li" || tag.name == "tr" {
                            // A table row is an item of its own, as a list item is: never run into the next row.
                            builder.append("• ", line: lineNumber)
                        }
                    }
                }
                continue
            }
            if character.isNewline { lineNumber += 1 }
            if titleText != nil {
                titleText!.append(character)
            } else {
                builder.append(character, line: lineNumber)
            }
            index += 1
        }
        builder.breakLine()
        let lines = builder.lines.map {
            SourceLine(number: $0.number, text: Self.decodeEntities($0.text), isMarkedHeading: $0.isMarkedHeading)
        }
        let headingTitle = lines.first { $0.isMarkedHeading }?.text
        return DocumentsRead(documents: [SourceDocument(id: file, file: file, statedTitle: title ?? headingTitle, lines: lines)])
    }

    private static func closingTagEnd(of name: String, in characters: [Character], from start: Int) -> Int {
        var index = start
        while index < characters.count {
            if characters[index] == "<", let tag = Tag(characters, at: index), tag.isClosing, tag.name == name {
                return tag.end
            }
            index += 1
        }
        return characters.count
    }

    // MARK: - Entities

    /// Decodes named (all of HTML5's) and numeric character references; unknown ones stay as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            // The longest name, "CounterClockwiseContourIntegral", has 31 characters.
            let candidate = rest[afterAmpersand...].prefix(33)
            if let semicolon = candidate.firstIndex(of: ";"),
                let decoded = decodeEntity(String(rest[afterAmpersand..<semicolon]))
            {
                output += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                output += "&"
                rest = rest[afterAmpersand...]
            }
        }
        return output + rest
    }

    private static func decodeEntity(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return nil }
            return String(Character(scalar))
        }
        return HTMLEntities.characters[name] ?? HTMLEntities.characters[name.lowercased()]
    }
}

/// An HTML tag found at a position: its lower-cased name and where it ends.
private struct Tag {
    var name: String
    var isClosing: Bool
    var isSelfClosing: Bool
    var end: Int

    init?(_ characters: [Character], at start: Int) {
        var index = start + 1
        guard index < characters.count else { return nil }
        if characters[index] == "!" || characters[index] == "?" {
            // Comments, doctypes and processing instructions.
            let isComment = characters[index...].starts(with: ["!", "-", "-"])
            var scan = index
            while scan < characters.count {
                if characters[scan] == ">" && (!isComment || (scan - start >= 4 && characters[scan - 1] == "-"
                    && characters[scan - 2] == "-"))
                {
                    break
                }
                scan += 1
            }
            self.name = "!"
            self.isClosing = false
            self.isSelfClosing = true
            self.end = min(scan + 1, characters.count)
            return
        }
        isClosing = characters[index] == "/"
        if isClosing { index += 1 }
        var name = ""
        while index < characters.count, characters[index].isLetter || characters[index].isNumber {
            name.append(characters[index])
            index += 1
        }
        guard !name.isEmpty else { return nil }
        var quote: Character?
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                break
            }
            index += 1
        }
        self.name = name.lowercased()
        self.isSelfClosing = index > 0 && index < characters.count && characters[index - 1] == "/"
        self.end = min(index + 1, characters.count)
    }
}

/// Collects text into lines, collapsing whitespace and remembering the source line each line started on.
private struct LineBuilder {
    var lines: [SourceLine] = []
    var isHeading = false
    private var text = ""
    private var firstLine = 0

    mutating func append(_ character: Character, line: Int) {
        if character.isWhitespace {
            if !text.isEmpty, text.last != " " { text.append(" ") }
            return
        }
        if text.isEmpty { firstLine = line }
        text.append(character)
    }

    mutating func append(_ string: String, line: Int) {
        for character in string { append(character, line: line) }
    }

    mutating func breakLine() {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty && trimmed != "•" {
            lines.append(SourceLine(number: firstLine, text: trimmed, isMarkedHeading: isHeading))
        }
        text = ""
        isHeading = false
    }
}

extension String {
    /// The string with every run of whitespace turned into one space, and no leading or trailing space.
    func collapsingWhitespace() -> String {
        if isSingleSpacedPrintableASCII { return self }
        return split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// True when the string is printable ASCII with one space between words and none at either end, so folding
    /// its whitespace would leave it as it is. Read on its bytes: most lines of most documents are like this.
    var isSingleSpacedPrintableASCII: Bool {
        var previous: UInt8 = 0x20
        for byte in utf8 {
            guard byte >= 0x20 && byte < 0x7F, byte != 0x20 || previous != 0x20 else { return false }
            previous = byte
        }
        return previous != 0x20
    }
}
