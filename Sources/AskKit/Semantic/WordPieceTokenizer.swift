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

    /// - Parameter tokens: the vocabulary, a token's id being its position.
    init(vocabulary tokens: [String]) {
        lookup = TokenLookup(tokens: tokens)
        unknown = tokens.firstIndex(of: "[UNK]").map(Int32.init) ?? 0
    }

    /// The token ids of a text.
    func tokenIDs(_ text: String) -> [Int32] {
        var tokens: [Int32] = []
        forEachWord(in: text) { appendPieces(of: $0, to: &tokens) }
        return tokens
    }

    /// Calls `body` with each word of the normalised text as UTF-8, in order: runs of letters and digits, and
    /// single punctuation characters and ideographs. One buffer serves every word: `body` must not keep it.
    func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(64)
        func finishWord() {
            guard !word.isEmpty else { return }
            word.withUnsafeBufferPointer(body)
            word.removeAll(keepingCapacity: true)
        }
        func alone(_ scalar: Unicode.Scalar) {
            finishWord()
            UTF8.encode(scalar) { word.append($0) }
            finishWord()
        }
        func add(_ scalar: Unicode.Scalar) {
            if Self.isPunctuation(scalar) { alone(scalar) } else { UTF8.encode(scalar) { word.append($0) } }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: word.append(UInt8(value))
                case 0x41...0x5A: word.append(UInt8(value + 0x20))
                case 0x09, 0x0A, 0x0D, 0x20: finishWord()
                case 0...0x1F, 0x7F: continue
                default: alone(scalar)
                }
                continue
            }
            if value == 0xFFFD || Self.isControl(scalar) { continue }
            if scalar.properties.isWhitespace {
                finishWord()
            } else if Self.isIdeograph(value) {
                alone(scalar)
            } else {
                for decomposed in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                where decomposed.properties.generalCategory != .nonspacingMark {
                    for lower in decomposed.properties.lowercaseMapping.unicodeScalars { add(lower) }
                }
            }
        }
        finishWord()
    }

    /// Appends the WordPiece ids of one normalised word, given as UTF-8: the longest vocabulary pieces that spell
    /// it from its start, or `[UNK]`.
    func appendPieces(of word: UnsafeBufferPointer<UInt8>, to tokens: inout [Int32]) {
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
