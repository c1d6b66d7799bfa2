import Foundation

/// How many questions the engine is answering for the HTTP server, and how many it may: past the limit, a request is
/// refused at once (503) rather than queued behind the others.
final class InFlightLimit: @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    private var count = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts one more request in, unless `limit` are under way.
    func enter() -> Bool {
        lock.withLock {
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    /// Counts a request entered out.
    func leave() { lock.withLock { count -= 1 } }
}
