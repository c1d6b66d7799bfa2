import Foundation

/// How many passages hold each word, as the `terms` table counts them, counted by the threads that cut documents
/// into passages. Each thread counts into a tally of its own, taken from and given back to a pool, so the tallies
/// are added up once, at the end.
final class WordCounts: @unchecked Sendable {
    private var idle: [Tally] = []
    private let lock = NSLock()

    /// Runs `body` with a tally no other thread uses meanwhile.
    func withTally(_ body: (inout Tally) -> Void) {
        var tally = lock.withLock { idle.popLast() } ?? Tally()
        body(&tally)
        lock.withLock { idle.append(tally) }
    }

    /// The counts of every tally, once no thread counts any more.
    var total: [String: Int] {
        lock.withLock {
            var sum = Tally()
            idle.forEach { sum.add($0) }
            return sum.counts
        }
    }

    /// One thread's count of the passages holding each word.
    struct Tally {
        private var words = WordTable<Entry>()
        private var passages = 0
        /// The lower-cased bytes of the word being counted.
        private var word: [UInt8] = []

        private struct Entry {
            var passages = 0
            /// The number of the last passage that held the word: a word is counted once a passage.
            var lastPassage = 0
        }

        /// Counts the words of a passage that the `terms` table counts: each word with a letter, once.
        mutating func add(title: String, section: String?, body: String) {
            passages += 1
            add(wordsOf: title)
            if let section { add(wordsOf: section) }
            add(wordsOf: body)
        }

        /// Counts the words of each passage.
        mutating func add(_ passages: [Passage]) {
            for passage in passages { add(title: passage.title, section: passage.section, body: passage.text) }
        }

        /// Adds another tally's counts to this one's.
        mutating func add(_ other: Tally) {
            other.words.forEach { word, entry in
                words.update(word, initial: Entry()) { $0.passages += entry.passages }
            }
        }

        /// How many of the passages counted hold each word.
        var counts: [String: Int] {
            var counts: [String: Int] = [:]
            counts.reserveCapacity(words.count)
            words.forEach { word, entry in counts[String(decoding: word, as: UTF8.self)] = entry.passages }
            return counts
        }

        /// Counts the words of a text as ``WordTokenizer/words(_:)`` splits them: all-ASCII text on its bytes,
        /// lower-cased on the way; other text through the tokenizer.
        private mutating func add(wordsOf text: String) {
            var text = text
            let isASCII = text.withUTF8 { bytes in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
                countASCIIWords(of: bytes)
                return true
            }
            if isASCII { return }
            for var word in WordTokenizer.words(text) where Self.hasLetter(word) {
                word.withUTF8 { Self.count($0, passage: passages, in: &words) }
            }
        }

        /// Counts the runs of ASCII letters and digits that hold a letter; a run with capitals is lower-cased into
        /// ``word`` first, the others are counted where they stand.
        private mutating func countASCIIWords(of bytes: UnsafeBufferPointer<UInt8>) {
            var start = 0
            var hasLetter = false
            var hasCapital = false
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x20
                if (0x61...0x7A).contains(byte) {
                    hasLetter = true
                } else if (0x41...0x5A).contains(byte) {
                    hasLetter = true
                    hasCapital = true
                } else if !(0x30...0x39).contains(byte) {
                    if hasLetter {
                        let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                        if hasCapital {
                            word.removeAll(keepingCapacity: true)
                            word.append(contentsOf: run.lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
                            word.withUnsafeBufferPointer { Self.count($0, passage: passages, in: &words) }
                        } else {
                            Self.count(run, passage: passages, in: &words)
                        }
                    }
                    start = index + 1
                    hasLetter = false
                    hasCapital = false
                }
            }
        }

        private static func count(
            _ word: UnsafeBufferPointer<UInt8>, passage: Int, in words: inout WordTable<Entry>
        ) {
            words.update(word, initial: Entry()) { entry in
                guard entry.lastPassage != passage else { return }
                entry.lastPassage = passage
                entry.passages += 1
            }
        }

        /// True when a word (lower-cased) holds a letter: an ASCII one found on its bytes, or any other.
        private static func hasLetter(_ word: String) -> Bool {
            var isASCII = true
            for byte in word.utf8 {
                if (0x61...0x7A).contains(byte) { return true }
                if byte >= 0x80 { isASCII = false }
            }
            return !isASCII && word.contains(where: \.isLetter)
        }
    }
}
