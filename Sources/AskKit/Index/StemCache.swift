import Foundation

/// The stems of texts the engine has tokenized before: candidate passages and their sentences come back query
/// after query, and SQLite's tokenizer is the engine's largest cost on a small corpus. Bounded; safe across threads.
final class StemCache: @unchecked Sendable {
    private let lock = NSLock()
    private var stems: [String: [String]] = [:]
    private let capacity: Int

    init(capacity: Int = 5_000) {
        self.capacity = capacity
    }

    /// The stems of `text`, from the cache or from `stemmer`.
    func stems(of text: String, using stemmer: Stemmer) throws -> [String] {
        lock.lock()
        let known = stems[text]
        lock.unlock()
        if let known { return known }
        let made = try stemmer.stems(of: text)
        lock.lock()
        // Emptied when full: simpler than an LRU, and a working set refills it within a few queries.
        if stems.count >= capacity { stems.removeAll(keepingCapacity: true) }
        stems[text] = made
        lock.unlock()
        return made
    }
}
