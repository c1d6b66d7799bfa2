/// Splits text into sentences at `.`, `!` and `?` followed by a space and a capital, a digit or an opening quote,
/// except after common abbreviations and initials ("Dr.", "e.g.", "D.").
struct SentenceSplitter {
    private static let abbreviations: Set<String> = [
        "dr", "mr", "mrs", "ms", "prof", "st", "sr", "jr", "vs", "v", "e.g", "i.e", "cf", "fig", "figs", "no",
        "nos", "approx", "dept", "est", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "a.m", "p.m", "ph.d", "m.d", "mt", "vol", "pp",
    ]
    private static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]"]
    private static let openers: Set<Character> = ["\"", "“", "‘", "(", "[", "'", "•"]

    /// The sentences of `text`, as ranges without surrounding whitespace.
    func sentences(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start = text.startIndex
        var index = text.startIndex
        // Only an ASCII `.`, `!` or `?` byte can end a sentence: the scan looks at the character only there (a `.`
        // carrying a combining mark is a different character, and no end).
        while let stop = text.firstIndex(ofByteFrom: index, where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }) {
            let character = text[stop]
            guard ".!?".contains(character) else {
                index = text.utf8.index(after: stop)
                continue
            }
            var end = text.index(after: stop)
            while end < text.endIndex, Self.closers.contains(text[end]) { end = text.index(after: end) }
            var next = end
            while next < text.endIndex, text[next].isWhitespace { next = text.index(after: next) }
            let isBoundary: Bool
            if next == text.endIndex {
                isBoundary = true
            } else if next == end {
                isBoundary = false
            } else {
                let following = text[next]
                let startsSentence = following.isUppercase || following.isNumber || Self.openers.contains(following)
                isBoundary = startsSentence && !(character == "." && isAbbreviation(before: stop, in: text))
            }
            if isBoundary {
                appendTrimmed(start..<end, of: text, to: &ranges)
                start = next
            }
            index = end
        }
        appendTrimmed(start..<text.endIndex, of: text, to: &ranges)
        return ranges
    }

    /// The longest entry of ``abbreviations``, in bytes: a longer word is none of them.
    private static let longestAbbreviation = abbreviations.map(\.utf8.count).max()!

    /// True when the word before a period is an abbreviation or an initial. Read on its bytes while they are ASCII
    /// (most words); as characters otherwise.
    private func isAbbreviation(before period: String.Index, in text: String) -> Bool {
        let bytes = text.utf8
        var wordStart = period
        while wordStart > text.startIndex {
            let previous = bytes.index(before: wordStart)
            let byte = bytes[previous]
            if byte >= 0x80 { return isAbbreviationReadingCharacters(before: period, in: text) }
            guard (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2E else { break }
            wordStart = previous
        }
        let length = bytes.distance(from: wordStart, to: period)
        if length == 1, (0x41...0x5A).contains(bytes[wordStart]) { return true }
        return length <= Self.longestAbbreviation && Self.abbreviations.contains(text[wordStart..<period].lowercased())
    }

    private func isAbbreviationReadingCharacters(before period: String.Index, in text: String) -> Bool {
        var wordStart = period
        while wordStart > text.startIndex {
            let previous = text.index(before: wordStart)
            guard text[previous].isLetter || text[previous] == "." else { break }
            wordStart = previous
        }
        let word = text[wordStart..<period]
        if word.count == 1, word.first?.isUppercase == true { return true }
        return Self.abbreviations.contains(word.lowercased())
    }

    private func appendTrimmed(_ range: Range<String.Index>, of text: String, to ranges: inout [Range<String.Index>]) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, text[lower].isWhitespace { lower = text.index(after: lower) }
        while upper > lower, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
        if lower < upper { ranges.append(lower..<upper) }
    }
}
