/// How a text rendering of answers marks emphasis and cleans document text: plainly for servers and files, with a
/// terminal's colours by the command line.
public struct TextStyle: Sendable {
    public var bold: @Sendable (String) -> String
    public var dim: @Sendable (String) -> String
    /// Makes text that comes from documents or questions safe to show (a terminal's control sequences, say).
    public var clean: @Sendable (String) -> String

    /// A style from its three parts.
    public init(
        bold: @escaping @Sendable (String) -> String, dim: @escaping @Sendable (String) -> String,
        clean: @escaping @Sendable (String) -> String
    ) {
        self.bold = bold
        self.dim = dim
        self.clean = clean
    }

    /// No marks.
    public static let plain = TextStyle(bold: { $0 }, dim: { $0 }, clean: { $0 })
}

extension Passage {
    /// Where the passage is, as answers cite it: "Title — file, lines 6–8"; "Title — guide.pdf, p. 3, lines
    /// 10–14" for a paged file; an EPUB's chapter by its path in the book.
    public var citation: String {
        var where_ = lines.lowerBound == lines.upperBound
            ? "line \(lines.lowerBound)" : "lines \(lines.lowerBound)–\(lines.upperBound)"
        if let page { where_ = "p. \(page), \(where_)" }
        let location = switch document {
        case file: file
        // A part of a file named by its path in it: an EPUB's chapter, "book.epub#text/ch003.xhtml".
        case _ where document.hasPrefix(file + "#"): document
        default: "\(file), id \(document)"
        }
        return "\(title) — \(location), \(where_)"
    }
}

extension Answer {
    /// The answer as text for a person: its sentences with their source numbers and the numbered sources; or, when
    /// it abstains, that the documents do not answer and the closest passages; the notice, correction and
    /// disclaimer when there are.
    public func rendered(_ style: TextStyle = .plain) -> String {
        var lines: [String] = []
        if let notice { lines.append(style.dim(notice)) }
        if let correctedQuestion { lines.append(style.dim("Showing results for: \(style.clean(correctedQuestion))")) }
        if isAbstained {
            lines.append("The documents do not answer this question.")
            if !passages.isEmpty {
                lines.append("")
                lines.append("Closest passages:")
                for hit in passages.prefix(3) {
                    lines.append("[\(hit.rank)] \(style.bold(style.clean(hit.passage.citation)))")
                    lines.append("    \(style.clean(Self.opening(of: hit.passage.text)))")
                }
            }
        } else {
            lines.append(sentences.map { sentence in
                style.clean(sentence.text) + " " + sentence.sources.map { "[\($0)]" }.joined()
            }.joined(separator: " "))
            lines.append("")
            lines.append("Sources:")
            for source in sources { lines.append("[\(source.number)] \(style.clean(source.passage.citation))") }
        }
        if let disclaimer {
            lines.append("")
            lines.append(style.dim(style.clean(disclaimer)))
        }
        return lines.joined(separator: "\n")
    }

    /// The first words of a text, "…" marking the cut.
    private static func opening(of text: String, words: Int = 40) -> String {
        let all = text.split(separator: " ")
        return all.count <= words ? text : all.prefix(words).joined(separator: " ") + " …"
    }
}
