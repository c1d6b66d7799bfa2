import Foundation

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
    /// The page its lines are on, for a paged file.
    var page: Int?

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
}

extension StringProtocol {
    /// The number of words: runs of characters between whitespace that hold a letter or a digit (any non-ASCII
    /// character counts as one). Counted on UTF-8 bytes: this runs for every line of every document.
    var wordCount: Int { wordCount(stoppingAfter: .max) }

    /// The number of words, counted no further than `limit + 1`: enough to compare with `limit`, without reading a
    /// long text to its end.
    func wordCount(stoppingAfter limit: Int) -> Int {
        utf8.withContiguousStorageIfAvailable { Self.wordCount(of: $0, stoppingAfter: limit) }
            ?? Self.wordCount(of: utf8, stoppingAfter: limit)
    }

    private static func wordCount<Bytes: Sequence<UInt8>>(of bytes: Bytes, stoppingAfter limit: Int) -> Int {
        var count = 0
        var inRun = false
        var runHasWordCharacter = false
        for byte in bytes {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                if inRun && runHasWordCharacter {
                    count += 1
                    if count > limit { return count }
                }
                inRun = false
                runHasWordCharacter = false
            } else {
                inRun = true
                if byte >= 0x80 || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) {
                    runHasWordCharacter = true
                }
            }
        }
        return inRun && runHasWordCharacter ? count + 1 : count
    }

    /// True when the UTF-8 bytes of `needle` occur in the string: a plain byte search, much faster than
    /// Foundation's locale-aware `contains` for the lower-cased phrase lists of the passage builder.
    func containsBytes(_ needle: String) -> Bool {
        utf8Offset(of: needle) != nil
    }

    /// The UTF-8 offset at which the bytes of `needle` first occur in the string (`memchr` and `memcmp` on the
    /// string's own storage, no copy); `nil` when they do not.
    func utf8Offset(of needle: String) -> Int? {
        var needle = needle
        return needle.withUTF8 { wanted in
            guard let wantedBase = wanted.baseAddress, let first = wanted.first else { return 0 }
            func search(_ haystack: UnsafeBufferPointer<UInt8>) -> Int? {
                guard let base = haystack.baseAddress, haystack.count >= wanted.count else { return nil }
                let last = haystack.count - wanted.count
                let lastByte = wanted[wanted.count - 1]
                var position = 0
                while position <= last, let hit = memchr(base + position, Int32(first), last - position + 1) {
                    let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    // Most first-byte hits fail on the last byte: only the others are compared whole.
                    if base[offset + wanted.count - 1] == lastByte, memcmp(base + offset, wantedBase, wanted.count) == 0 {
                        return offset
                    }
                    position = offset + 1
                }
                return nil
            }
            return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
        }
    }
}
