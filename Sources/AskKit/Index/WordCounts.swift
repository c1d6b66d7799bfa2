import Foundation

/// How many passages hold each word, as the `terms` table counts them
/// (``VocabularyChange/words(title:section:body:)``), added up by the threads that cut documents into passages.
final class WordCounts: @unchecked Sendable {
    private var counts: [String: Int] = [:]
    private let lock = NSLock()

    /// Adds counts made elsewhere.
    func add(_ other: [String: Int]) {
        lock.withLock { counts.merge(other, uniquingKeysWith: +) }
    }

    /// Counts the words of each passage once.
    static func count(_ passages: [Passage], into counts: inout [String: Int]) {
        for passage in passages {
            for word in VocabularyChange.words(title: passage.title, section: passage.section, body: passage.text) {
                counts[word, default: 0] += 1
            }
        }
    }

    /// The counts so far.
    var total: [String: Int] { lock.withLock { counts } }
}
