/// Reads `.md` files: markup is stripped, headings are kept and marked, code blocks and front matter are dropped.
public struct MarkdownReader: DocumentReader {
    /// Creates the reader.
    public init() {}

    public let fileExtensions: Set<String> = ["md", "markdown"]

    public func read(_ text: String, file: String) -> DocumentsRead {
        var lines: [SourceLine] = []
        var title: String?
        var inFence = false
        var inFrontMatter = false
        for line in text.numberedLines() {
            let trimmed = line.text.trimmingCharacters(in: .whitespaces)
            if line.number == 1 && trimmed == "---" {
                inFrontMatter = true
                continue
            }
            if inFrontMatter {
                if trimmed == "---" || trimmed == "..." { inFrontMatter = false }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence || Self.isRule(trimmed) {
                lines.append(SourceLine(number: line.number, text: ""))
                continue
            }
            if let heading = Self.headingText(trimmed) {
                let plain = Self.inlineText(heading)
                if title == nil, trimmed.hasPrefix("# ") { title = plain }
                lines.append(SourceLine(number: line.number, text: plain, isMarkedHeading: true))
                continue
            }
            lines.append(SourceLine(number: line.number, text: Self.inlineText(Self.blockContent(trimmed))))
        }
        return DocumentsRead(documents: [SourceDocument(id: file, file: file, statedTitle: title, lines: lines)])
    }

    private static func isRule(_ line: String) -> Bool {
        let marks = line.filter { !$0.isWhitespace }
        guard marks.count >= 3, let first = marks.first, "-*_=".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    private static func headingText(_ line: String) -> String? {
        let hashes = line.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = line.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Removes block markers (quotes, table pipes) and turns list markers into bullets the passage builder knows.
    private static func blockContent(_ line: String) -> String {
        var text = Substring(line)
        while text.first == ">" { text = text.dropFirst().drop { $0 == " " } }
        if text.hasPrefix("|") || text.hasSuffix("|") {
            return text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.allSatisfy { "-:".contains($0) } }
                .joined(separator: " ")
        }
        if let marker = text.first, "-*+".contains(marker), text.dropFirst().first == " " {
            return "• " + text.dropFirst(2)
        }
        let digits = text.prefix { $0.isNumber }
        if !digits.isEmpty, text.dropFirst(digits.count).hasPrefix(". ") {
            return "• " + text.dropFirst(digits.count + 2)
        }
        return String(text)
    }

    /// Keeps the visible text of inline markup: link text, emphasis content, code content; drops images.
    static func inlineText(_ line: String) -> String {
        var output = ""
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "!", line[line.index(after: index)...].hasPrefix("["),
                let (_, end) = linkParts(line, from: line.index(after: index))
            {
                index = end
                continue
            }
            if character == "[", let (label, end) = linkParts(line, from: index) {
                output += inlineText(label)
                index = end
                continue
            }
            if character == "<", let close = line[index...].firstIndex(of: ">") {
                let tag = line[line.index(after: index)..<close]
                if tag.hasPrefix("http") || tag.contains("@") || tag.first == "/" || tag.first?.isLetter == true {
                    index = line.index(after: close)
                    continue
                }
            }
            if "*_`".contains(character) {
                let run = line[index...].prefix { $0 == character }
                let before = index == line.startIndex ? " " : line[line.index(before: index)]
                let afterIndex = line.index(index, offsetBy: run.count)
                let after = afterIndex < line.endIndex ? line[afterIndex] : " "
                // Intra-word underscores (snake_case) are text, not emphasis.
                if character != "_" || !(before.isLetter && after.isLetter) {
                    index = afterIndex
                    continue
                }
            }
            output.append(character)
            index = line.index(after: index)
        }
        return output
    }

    /// For `[label](target)` starting at `start`, the label and the index after the closing parenthesis.
    private static func linkParts(_ line: String, from start: String.Index) -> (String, String.Index)? {
        guard let labelEnd = line[start...].firstIndex(of: "]") else { return nil }
        let afterLabel = line.index(after: labelEnd)
        guard afterLabel < line.endIndex, line[afterLabel] == "(",
            let targetEnd = line[afterLabel...].firstIndex(of: ")")
        else { return nil }
        return (String(line[line.index(after: start)..<labelEnd]), line.index(after: targetEnd))
    }
}
