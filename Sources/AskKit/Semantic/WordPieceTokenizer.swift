import Foundation

/// BERT's uncased WordPiece tokenizer, as the Hugging Face `tokenizers` library runs it for all-MiniLM-L6-v2
/// (`BertNormalizer` with lowercasing, `BertPreTokenizer`, `WordPiece` with `##` continuations): a text becomes the
/// ids of the vocabulary's tokens, without `[CLS]` and `[SEP]`.
///
/// Normalisation drops NUL, U+FFFD and control characters, turns white space into spaces, isolates CJK ideographs,
/// strips accents (canonical decomposition without its non-spacing marks) and lowercases. Words are then split at
/// spaces and around punctuation, and each word becomes the longest vocabulary pieces that spell it from its start,
/// or `[UNK]` when none do or it is longer than ``maximumWordLength`` characters.
struct WordPieceTokenizer: Sendable {
    /// Words longer than this many characters become `[UNK]` whole.
    static let maximumWordLength = 100

    private let lookup: TokenLookup
    /// The id of `[UNK]`.
    let unknown: Int32
    /// The id of each ASCII character as a word of its own, as punctuation is: looked up once, not at each of the
    /// tenth of a text's tokens that are punctuation.
    private let asciiAlone: [Int32]

    /// - Parameter tokens: the vocabulary, a token's id being its position.
    init(vocabulary tokens: [String]) {
        let lookup = TokenLookup(tokens: tokens)
        let unknown = tokens.firstIndex(of: "[UNK]").map(Int32.init) ?? 0
        asciiAlone = (0..<128).map { (byte: UInt8) in
            withUnsafeBytes(of: byte) { lookup.longestPiece(in: $0.bindMemory(to: UInt8.self), from: 0)?.id ?? unknown }
        }
        (self.lookup, self.unknown) = (lookup, unknown)
    }

    /// The token ids of a text.
    func tokenIDs(_ text: String) -> [Int32] {
        var tokens: [Int32] = []
        appendTokenIDs(of: text, to: &tokens)
        return tokens
    }

    /// Appends the token ids of a text to `tokens`.
    ///
    /// The text is read as UTF-8 bytes, ASCII ones without decoding, and each word is assembled in one fixed buffer
    /// (through the `String`'s scalars, with the word in an array, a 100k-passage build spent as long splitting words
    /// as looking up their pieces).
    func appendTokenIDs(of text: String, to tokens: inout [Int32]) {
        var text = text
        text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Word.capacity) { buffer in
                var word = Word(buffer: buffer)
                var index = 0
                while index < utf8.count {
                    let byte = utf8[index]
                    if byte < 0x80 {
                        switch byte {
                        case 0x61...0x7A, 0x30...0x39: word.append(byte)
                        case 0x41...0x5A: word.append(byte + 0x20)
                        case 0x09, 0x0A, 0x0D, 0x20: finish(&word, into: &tokens)
                        case 0...0x1F, 0x7F: break
                        default:
                            finish(&word, into: &tokens)
                            tokens.append(asciiAlone[Int(byte)])
                        }
                        index += 1
                        continue
                    }
                    // A Swift string's UTF-8 is valid: the lead byte gives the scalar's length.
                    let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                    var value = UInt32(byte & (0x7F >> length))
                    for offset in 1..<length where index + offset < utf8.count {
                        value = value << 6 | UInt32(utf8[index + offset] & 0x3F)
                    }
                    index += length
                    if let scalar = Unicode.Scalar(value) { add(scalar, word: &word, into: &tokens) }
                }
                finish(&word, into: &tokens)
            }
        }
    }

    /// A word being assembled, as normalised UTF-8 in a fixed buffer. A word too long for it has more than
    /// ``WordPieceTokenizer/maximumWordLength`` characters (of at most four bytes each): it is only counted.
    private struct Word {
        static let capacity = 4 * WordPieceTokenizer.maximumWordLength + 4
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        mutating func append(_ byte: UInt8) {
            if count < buffer.count { buffer[count] = byte }
            count += 1
        }
    }

    /// Normalises one non-ASCII scalar into the word, or ends the word at it.
    private func add(_ scalar: Unicode.Scalar, word: inout Word, into tokens: inout [Int32]) {
        if scalar.value == 0xFFFD || Self.isControl(scalar) { return }
        if scalar.properties.isWhitespace {
            finish(&word, into: &tokens)
        } else if Self.isIdeograph(scalar.value) {
            alone(scalar, word: &word, into: &tokens)
        } else {
            for decomposed in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            where decomposed.properties.generalCategory != .nonspacingMark {
                for lower in decomposed.properties.lowercaseMapping.unicodeScalars {
                    if Self.isPunctuation(lower) {
                        alone(lower, word: &word, into: &tokens)
                    } else {
                        UTF8.encode(lower) { word.append($0) }
                    }
                }
            }
        }
    }

    /// Appends the pieces of the word so far, if there is one, and empties it.
    private func finish(_ word: inout Word, into tokens: inout [Int32]) {
        guard word.count > 0 else { return }
        if word.count <= word.buffer.count {
            appendPieces(of: UnsafeBufferPointer(rebasing: word.buffer[..<word.count]), to: &tokens)
        } else {
            tokens.append(unknown)
        }
        word.count = 0
    }

    /// Ends the word so far and appends `scalar` as a word of its own.
    private func alone(_ scalar: Unicode.Scalar, word: inout Word, into tokens: inout [Int32]) {
        finish(&word, into: &tokens)
        UTF8.encode(scalar) { word.append($0) }
        finish(&word, into: &tokens)
    }

    /// Appends the WordPiece ids of one normalised word, given as UTF-8: the longest vocabulary pieces that spell
    /// it from its start, or `[UNK]`.
    private func appendPieces(of word: UnsafeBufferPointer<UInt8>, to tokens: inout [Int32]) {
        guard word.count(where: { $0 & 0xC0 != 0x80 }) <= Self.maximumWordLength else {
            tokens.append(unknown)
            return
        }
        let first = tokens.count
        var start = 0
        while start < word.count {
            guard let (id, end) = lookup.longestPiece(in: word, from: start) else {
                tokens.removeSubrange(first...)
                tokens.append(unknown)
                return
            }
            tokens.append(id)
            start = end
        }
    }

    /// Punctuation as BERT splits it: ASCII punctuation and symbols, and Unicode's punctuation categories.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 33...47, 58...64, 91...96, 123...126: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The "other" categories (control, format, surrogate, private use, unassigned), which normalisation drops.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    /// The CJK ideograph blocks BERT isolates as words of their own.
    private static func isIdeograph(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
