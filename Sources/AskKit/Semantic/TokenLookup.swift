import Foundation

/// A WordPiece vocabulary looked up by a word's UTF-8 bytes, with no `String` made or hashed on the way: an
/// open-addressing table over FNV-1a hashes, which finds the longest vocabulary piece at a place in a word from one
/// pass over its bytes. A continuation token (`##ing`) is stored as its piece (`ing`) marked as continuing.
///
/// Tokenizing is most of the time embedding takes. With a `[String: Int32]` dictionary, which made and hashed a
/// `String` for each piece tried, 100k generated passages (`ask index --full` under `perf record`) took 25.3k samples
/// in `TextEmbedder.vector(for:)` and 79.1k in all; with this table, 17.0k and 68.6k.
struct TokenLookup: Sendable {
    /// An occupied slot holds a token's piece (where its bytes are, whether it continues a word), its id and the
    /// high half of its hash, so that a lookup reads one slot and the bytes; an empty slot has id -1.
    private struct Slot {
        var hashHigh: UInt32
        var id: Int32
        var start: UInt32
        var length: UInt16
        var continuing: Bool
    }

    /// A power of two of slots, at most half of them used.
    private var slots: [Slot]
    /// Every piece's bytes, one after another.
    private var bytes: [UInt8] = []
    /// The longest piece, in bytes: no longer piece is looked for.
    private var longest = 0

    /// - Parameter tokens: the vocabulary, a token's id being its position; of a token listed twice, the first.
    init(tokens: [String]) {
        var capacity = 16
        while capacity < 2 * tokens.count { capacity *= 2 }
        slots = Array(repeating: Slot(hashHigh: 0, id: -1, start: 0, length: 0, continuing: false), count: capacity)
        for (id, token) in tokens.enumerated() { insert(token, id: Int32(id)) }
    }

    private mutating func insert(_ token: String, id: Int32) {
        // Bytes, not characters: in "##ि" the second "#" and the vowel sign make one character.
        let continuing = token.utf8.starts(with: "##".utf8) && token.utf8.count > 2
        let piece = Array(token.utf8.dropFirst(continuing ? 2 : 0))
        guard !piece.isEmpty else { return }  // no word is empty
        let hash = piece.reduce(Self.seed(continuing: continuing), Self.hash(_:adding:))
        let (slot, found) = piece.withUnsafeBufferPointer { place(of: $0[...], hash: hash, continuing: continuing) }
        guard found == nil, piece.count <= UInt16.max else { return }
        slots[slot] = Slot(hashHigh: UInt32(truncatingIfNeeded: hash >> 32), id: id, start: UInt32(bytes.count),
                           length: UInt16(piece.count), continuing: continuing)
        bytes.append(contentsOf: piece)
        longest = max(longest, piece.count)
    }

    /// The longest vocabulary piece that starts at byte `start` of `word` and ends at a character boundary (a
    /// continuation token when `start` is not 0): its id and the byte after it.
    func longestPiece(in word: UnsafeBufferPointer<UInt8>, from start: Int) -> (id: Int32, end: Int)? {
        let continuing = start > 0
        let last = min(word.count, start + longest)
        guard last > start else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: last - start) { hashes in
            // hashes[k]: the hash of the piece of k + 1 bytes.
            var hash = Self.seed(continuing: continuing)
            for index in start..<last {
                hash = Self.hash(hash, adding: word[index])
                hashes[index - start] = hash
            }
            var end = last
            while end > start {
                if end == word.count || word[end] & 0xC0 != 0x80,
                    let id = place(of: word[start..<end], hash: hashes[end - start - 1], continuing: continuing).found
                {
                    return (id, end)
                }
                end -= 1
            }
            return nil
        }
    }

    /// The slot holding `piece` (`found` its id), or else the empty slot where it would go.
    private func place(of piece: Slice<UnsafeBufferPointer<UInt8>>, hash: UInt64, continuing: Bool)
        -> (slot: Int, found: Int32?)
    {
        let mask = slots.count - 1
        let high = UInt32(truncatingIfNeeded: hash >> 32)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].id >= 0 {
            let stored = slots[slot]
            if stored.hashHigh == high, stored.continuing == continuing, Int(stored.length) == piece.count,
                bytes.withUnsafeBufferPointer({ bytes in
                    memcmp(bytes.baseAddress! + Int(stored.start), piece.base.baseAddress! + piece.startIndex,
                           piece.count) == 0
                })
            {
                return (slot, stored.id)
            }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    private static func seed(continuing: Bool) -> UInt64 {
        continuing ? 0x8422_2325_cbf2_9ce4 : 0xcbf2_9ce4_8422_2325
    }

    /// One step of FNV-1a, mixed so that the low bits (the slot) depend on every byte so far.
    private static func hash(_ hash: UInt64, adding byte: UInt8) -> UInt64 {
        let next = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        return next ^ (next >> 29)
    }
}
