/// Splits text into lower-case words the way FTS5's `unicode61 remove_diacritics 2` tokenizer does:
/// letters and digits make words, everything else separates them, and diacritics are removed.
public enum WordTokenizer {
    /// The words of `text`, lower-cased, without diacritics.
    public static func words<Text: StringProtocol>(_ text: Text) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(fold(String(current)))
                current = String.UnicodeScalarView()
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            }
        }
        if !current.isEmpty { words.append(fold(String(current))) }
        return words.filter { !$0.isEmpty }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .privateUse:
            return true
        default:
            return false
        }
    }

    private static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        let stripped = word.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            let category = $0.properties.generalCategory
            return category != .nonspacingMark && category != .spacingMark && category != .enclosingMark
        }
        return String(String.UnicodeScalarView(stripped)).lowercased()
    }
}

extension WordTokenizer {
    /// The ranges of the words of `text`, split as ``words(_:)`` splits them.
    public static func wordRanges(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.unicodeScalars.startIndex
        while index < text.unicodeScalars.endIndex {
            let scalar = text.unicodeScalars[index]
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let open = start {
                ranges.append(open..<index)
                start = nil
            }
            index = text.unicodeScalars.index(after: index)
        }
        if let open = start { ranges.append(open..<text.endIndex) }
        return ranges
    }
}
