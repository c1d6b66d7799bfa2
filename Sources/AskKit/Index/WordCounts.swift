import Foundation

/// How many passages hold each word, as the `terms` table counts them, added up by the threads that cut documents
/// into passages.
final class WordCounts: @unchecked Sendable {
    private var counts: [String: Int] = [:]
    private let lock = NSLock()

    /// Adds the counts of one thread.
    func add(_ tally: Tally) {
        lock.withLock { counts.merge(tally.counts, uniquingKeysWith: +) }
    }

    /// The counts so far.
    var total: [String: Int] { lock.withLock { counts } }

    /// One thread's count of the passages holding each word.
    struct Tally {
        private var entries: [String: Entry] = [:]
        private var passages = 0

        private struct Entry {
            var passages = 0
            /// The number of the last passage that held the word: a word is counted once a passage.
            var lastPassage = 0

            mutating func count(_ passage: Int) {
                guard lastPassage != passage else { return }
                lastPassage = passage
                passages += 1
            }
        }

        /// Counts the words of a passage that the `terms` table counts: each word with a letter, once.
        mutating func add(title: String, section: String?, body: String) {
            passages += 1
            let passage = passages
            for part in [title, section ?? "", body] {
                for word in WordTokenizer.words(part) where Self.hasLetter(word) {
                    // One hash lookup a word: the entry is updated in place.
                    entries[word, default: Entry()].count(passage)
                }
            }
        }

        /// Counts the words of each passage.
        mutating func add(_ passages: [Passage]) {
            for passage in passages { add(title: passage.title, section: passage.section, body: passage.text) }
        }

        /// How many of the passages counted hold each word.
        var counts: [String: Int] { entries.mapValues(\.passages) }

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
