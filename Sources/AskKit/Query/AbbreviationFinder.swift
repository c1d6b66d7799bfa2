/// Finds abbreviations a text defines, as in "dual-energy x-ray absorptiometry (DEXA)", by the algorithm of
/// Schwartz and Hearst ("A simple algorithm for identifying abbreviation definitions in biomedical text", 2003):
/// a short form in parentheses after its long form, whose letters the long form holds in order, the first one
/// opening a word.
///
/// A short form has 2 to 10 characters, at most two words, starts with a letter or digit and holds a capital
/// letter; its long form is the shortest run of the words before the parenthesis (at most `min(n + 5, 2n)` words
/// for a short form of `n` characters, within the sentence) that holds its letters and digits in order.
enum AbbreviationFinder {
    /// An abbreviation and what it stands for, each as the words a question is matched on.
    struct Definition: Hashable, Sendable {
        var short: [String]
        var long: [String]
    }

    /// The definitions in a text, in order, each once.
    static func definitions(in text: String) -> [Definition] {
        // Parentheses are found in the UTF-8 bytes: ASCII bytes are character boundaries.
        let bytes = text.utf8
        let (open, close) = (UInt8(ascii: "("), UInt8(ascii: ")"))
        var found: [Definition] = []
        var position = bytes.startIndex
        // Most passages have no parenthesis: searching the `UTF8View` byte by byte for one took a fifth of the
        // time a 100k-passage build spent finding abbreviations.
        while let opening = text.firstIndex(ofByteFrom: position, where: { $0 == open }) {
            position = bytes.index(after: opening)
            // A short form of at most 10 characters, with spaces around it, fits in 64 bytes.
            guard let closing = bytes[position...].prefix(64).firstIndex(where: { $0 == close || $0 == open }),
                bytes[closing] == close
            else { continue }
            let short = text[position..<closing].trimmingWhitespace
            guard isShortForm(short) else { continue }
            let before = sentence(endingAt: opening, in: text)
            guard let long = longForm(of: short, before: before) else { continue }
            let definition = Definition(short: WordTokenizer.words(short), long: WordTokenizer.words(long))
            if definition.long.count > 1, !definition.short.isEmpty, !found.contains(definition) {
                found.append(definition)
            }
        }
        return found
    }

    private static func isShortForm(_ candidate: Substring) -> Bool {
        guard (2...10).contains(candidate.count), let first = candidate.first, first.isLetter || first.isNumber,
            candidate.split(separator: " ").count <= 2, candidate.contains(where: \.isUppercase)
        else { return false }
        return !candidate.contains(where: { $0 == "=" || $0 == ";" || $0 == "," })
    }

    /// The text of the sentence before `position`, at most ``longestLookBack`` bytes of it: a long form has at
    /// most 15 words.
    private static func sentence(endingAt position: String.Index, in text: String) -> Substring {
        let bytes = text.utf8
        var start = position
        var steps = 0
        while start > bytes.startIndex, steps < longestLookBack {
            let previous = bytes.index(before: start)
            if isSentenceStop(bytes[previous]), start == position || bytes[start] == UInt8(ascii: " ") { break }
            start = previous
            steps += 1
        }
        // Whole characters: step forward past a partial one.
        while start < position, bytes[start] & 0xC0 == 0x80 { start = bytes.index(after: start) }
        return text[start..<position]
    }

    private static let longestLookBack = 300

    private static func isSentenceStop(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: ":"): true
        default: false
        }
    }

    /// The last `count` words of a text (split at spaces), found from its end: a sentence before a parenthesis
    /// has up to 300 bytes, and splitting all of it took a quarter of the time spent finding abbreviations.
    private static func lastWords(_ count: Int, of text: Substring) -> [Substring] {
        // In ASCII text every byte is a character but for CR LF, which holds no space: the words are found from
        // the bytes there, without breaking the text into characters (which took half the time of this search).
        let start = text.utf8.allSatisfy { $0 < 0x80 }
            ? startOfLastWords(count, in: text.utf8, space: UInt8(ascii: " "))
            : startOfLastWords(count, in: text, space: " ")
        return text[start...].split(separator: " ", omittingEmptySubsequences: true)
    }

    /// Where the last `count` words of `units` start, words being separated by `space`.
    private static func startOfLastWords<Units: BidirectionalCollection>(
        _ count: Int, in units: Units, space: Units.Element
    ) -> Units.Index where Units.Element: Equatable {
        var start = units.endIndex
        var found = 0
        var index = units.endIndex
        while index > units.startIndex, found < count {
            let previous = units.index(before: index)
            if units[previous] != space, previous == units.startIndex || units[units.index(before: previous)] == space {
                found += 1
                start = previous
            }
            index = previous
        }
        return start
    }

    /// The long form of `short` that ends where `before` ends, or `nil`.
    private static func longForm(of short: Substring, before: Substring) -> Substring? {
        let letters = short.filter { $0.isLetter || $0.isNumber }.lowercased()
        let limit = min(short.count + 5, short.count * 2)
        let words = lastWords(limit, of: before)
        guard !letters.isEmpty, !words.isEmpty else { return nil }
        let candidate = words.joined(separator: " ")
        let characters = Array(candidate.lowercased())
        guard characters.count == candidate.count else { return nil }
        let shortCharacters = Array(letters)
        var longIndex = characters.count - 1
        for (shortIndex, character) in shortCharacters.enumerated().reversed() {
            // The first letter of the short form must open a word of the long form.
            while longIndex >= 0,
                characters[longIndex] != character
                    || (shortIndex == 0 && longIndex > 0
                        && (characters[longIndex - 1].isLetter || characters[longIndex - 1].isNumber))
            {
                longIndex -= 1
            }
            guard longIndex >= 0 else { return nil }
            longIndex -= 1
        }
        // The first letter matched where a word opens, so the long form starts there.
        let long = String(candidate.dropFirst(longIndex + 1))
        guard long.count > short.count, !long.lowercased().hasPrefix(letters + " ") else { return nil }
        return Substring(long)
    }
}

private extension Substring {
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<Swift.max(start, end)]
    }
}
