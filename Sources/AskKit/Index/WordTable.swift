/// A value for each word, found by the word's UTF-8 bytes without making a `String` of them: an open-addressing hash
/// table over one buffer of bytes. Counting the words of every passage through a `[String: Int]` spent more time
/// hashing strings than cutting the passages took.
struct WordTable<Value> {
    /// The words' bytes, one after another.
    private var bytes: [UInt8] = []
    /// Where each word's bytes start in ``bytes``; the word's end is where the next starts.
    private var starts: [Int] = [0]
    private(set) var values: [Value] = []
    /// For each slot, 0 when empty, else the high half of the word's hash over the word's number plus one (a
    /// probe compares bytes only when the hashes agree). The count is a power of two.
    private var slots = [UInt64](repeating: 0, count: 1024)

    /// How many words the table holds.
    var count: Int { values.count }

    /// Applies `change` to the value of `word`, first set to `initial` when the table does not hold the word.
    mutating func update(_ word: UnsafeBufferPointer<UInt8>, initial: Value, _ change: (inout Value) -> Void) {
        let hash = Self.hash(word)
        let mark = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            if slots[slot] & 0xFFFF_FFFF_0000_0000 == mark {
                let number = Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF) - 1
                if holds(word, at: number) {
                    change(&values[number])
                    return
                }
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        values.append(initial)
        change(&values[values.count - 1])
        slots[slot] = mark | UInt64(values.count)
        if values.count * 2 > slots.count { grow() }
    }

    /// Calls `body` with each word's bytes and value, in the order the words came.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, Value) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            for number in values.indices {
                body(UnsafeBufferPointer(rebasing: all[starts[number]..<starts[number + 1]]), values[number])
            }
        }
    }

    /// True when word number `number` is `word`.
    private func holds(_ word: UnsafeBufferPointer<UInt8>, at number: Int) -> Bool {
        let start = starts[number]
        guard starts[number + 1] - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            for offset in word.indices where all[start + offset] != word[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        var slots = [UInt64](repeating: 0, count: self.slots.count * 2)
        bytes.withUnsafeBufferPointer { all in
            for number in values.indices {
                let hash = Self.hash(UnsafeBufferPointer(rebasing: all[starts[number]..<starts[number + 1]]))
                var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(number + 1)
            }
        }
        self.slots = slots
    }

    /// FNV-1a, with the high bits folded into the low ones that pick a slot.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}
