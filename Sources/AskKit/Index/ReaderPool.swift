import Foundation
import GRDB

/// Read-only connections to one index file, so that concurrent callers read in parallel: each read takes an idle
/// connection, opening another (up to ``maximum``) when all are busy, and waits when the pool is full.
///
/// Not GRDB's `DatabasePool`, which needs WAL mode: WAL's side files do not belong beside a file that builds replace
/// by rename, and read-only media refuse it. Every connection reads the same file: a build that replaces the index
/// while the pool is open leaves the pool's connections on the file they opened, and the pool opens no more (a new
/// one would read the new file, and mix two indexes in one engine); its callers then share those it has.
final class ReaderPool: @unchecked Sendable {
    /// The most connections open at once.
    let maximum: Int
    private let path: String
    private let open: () throws -> DatabaseQueue
    private let condition = NSCondition()
    private var idle: [DatabaseQueue] = []
    private var opened = 0
    /// The file the first connection opened; `nil` once the path names another one (the index was replaced).
    private var file: Corpus.FileIdentity?

    /// A pool whose first connection is opened now, by `open`, on the file at `path`.
    /// - Parameter maximum: at least 1.
    init(path: String, maximum: Int, open: @escaping () throws -> DatabaseQueue) throws {
        self.path = path
        self.maximum = max(1, maximum)
        self.open = open
        let before = Corpus.FileIdentity(path: path)
        let first = try open()
        file = before == Corpus.FileIdentity(path: path) ? before : nil
        idle = [first]
        opened = 1
    }

    /// Runs `body` on an idle connection, in a read transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        // Waiting, it returns a connection.
        let connection = try take(waiting: true)!
        defer { give(connection) }
        return try connection.read(body)
    }

    /// Runs `body` on an idle connection, in a read transaction, if one is idle or the pool may open another;
    /// `nil`, without waiting, otherwise.
    func readIfIdle<T>(_ body: (Database) throws -> T) throws -> T? {
        guard let connection = try take(waiting: false) else { return nil }
        defer { give(connection) }
        return try connection.read(body)
    }

    /// An idle connection, or a new one while the pool may grow and the path still names its file; else waits
    /// (or, not `waiting`, returns `nil`).
    private func take(waiting: Bool) throws -> DatabaseQueue? {
        condition.lock()
        while idle.isEmpty && (opened == maximum || file == nil) {
            guard waiting else {
                condition.unlock()
                return nil
            }
            condition.wait()
        }
        if let connection = idle.popLast() {
            condition.unlock()
            return connection
        }
        opened += 1
        let expected = file
        condition.unlock()
        do {
            let connection = try open()
            // The path named the pool's file before the open and after it: the open read that file.
            guard Corpus.FileIdentity(path: path) == expected else { throw Replaced() }
            return connection
        } catch {
            condition.lock()
            opened -= 1
            if error is Replaced { file = nil }
            condition.unlock()
            condition.broadcast()
            if error is Replaced { return try take(waiting: waiting) }
            throw error
        }
    }

    private func give(_ connection: DatabaseQueue) {
        condition.lock()
        idle.append(connection)
        condition.unlock()
        condition.signal()
    }

    /// The index file was replaced while a connection was opened.
    private struct Replaced: Error {}
}
