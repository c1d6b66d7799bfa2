/// A run of text the passage builder recovered from source lines: a heading, or a paragraph of body text whose
/// broken lines have been rejoined.
struct Paragraph: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case heading
        case body
    }

    /// Where a source line's text starts in ``text``, as a UTF-8 offset.
    struct Piece: Sendable, Hashable {
        var offset: Int
        var line: Int
    }

    var kind: Kind
    /// The text, whitespace folded, lines joined with one space.
    var text: String
    /// The source lines the text came from, in order.
    var pieces: [Piece]
    /// True when the paragraph was a list item.
    var isBullet = false

    var firstLine: Int { pieces.first?.line ?? 0 }

    /// The source line holding the UTF-8 offset.
    func line(atOffset offset: Int) -> Int {
        var line = firstLine
        for piece in pieces {
            if piece.offset > offset { break }
            line = piece.line
        }
        return line
    }

    var wordCount: Int { text.wordCount }
}

extension StringProtocol {
    /// The number of words: runs of characters between whitespace that hold a letter or a digit.
    var wordCount: Int {
        split(whereSeparator: \.isWhitespace).count { $0.contains { $0.isLetter || $0.isNumber } }
    }
}
