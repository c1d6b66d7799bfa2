/// Splits text into lower-case words the way FTS5's `unicode61 remove_diacritics 2` tokenizer does:
/// letters and digits make words, everything else separates them, and diacritics are removed.
public enum WordTokenizer {
    /// The words of `text`, lower-cased, without diacritics.
    public static func words<Text: StringProtocol>(_ text: Text) -> [String] {
        if let words = asciiWords(text) { return words }
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

    /// The words of all-ASCII text, split and lower-cased on its bytes (the same words, several times faster);
    /// `nil` when the text holds any other character or its bytes are not stored contiguously.
    private static func asciiWords<Text: StringProtocol>(_ text: Text) -> [String]? {
        let words = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var words: [String] = []
            var start: Int?
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x80 { return nil }
                if isASCIIWordByte(byte) {
                    if start == nil { start = index }
                } else if let open = start {
                    words.append(lowercased(UnsafeBufferPointer(rebasing: bytes[open..<index])))
                    start = nil
                }
            }
            if let open = start { words.append(lowercased(UnsafeBufferPointer(rebasing: bytes[open...]))) }
            return words
        }
        return words ?? nil
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
            return bytes.count
        }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return isASCIIWordByte(UInt8(scalar.value))
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
