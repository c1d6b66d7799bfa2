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
    /// One more connection, only for work alongside a read (``readIfIdle(_:)``), so that such work never holds a
    /// connection a caller is waiting for; opened when first needed.
    private var spare: DatabaseQueue?
    private var spareInUse = false

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
        let connection = try take()
        defer { give(connection) }
        return try connection.read(body)
    }

    /// Whether ``readIfIdle(_:)`` would run its work now: a hint, for work not worth a thread of its own otherwise.
    var mayReadAlongside: Bool {
        condition.lock()
        defer { condition.unlock() }
        return spareIsFree
    }

    /// Fewer callers read than the pool serves at once, no work alongside a read holds the spare connection, and it
    /// is open or may be opened. Called holding `condition`'s lock.
    private var spareIsFree: Bool {
        opened - idle.count < maximum && !spareInUse && (spare != nil || file != nil)
    }

    /// Runs `body` in a read transaction on the pool's spare connection while fewer callers read than the pool may
    /// serve at once (with as many, the cores are busy with their questions already) and no other work alongside a
    /// read is using it; otherwise, or when the path no longer names the pool's file, `nil` without waiting.
    func readIfIdle<T>(_ body: (Database) throws -> T) throws -> T? {
        condition.lock()
        guard spareIsFree else {
            condition.unlock()
            return nil
        }
        spareInUse = true
        let (existing, expected) = (spare, file)
        condition.unlock()
        defer {
            condition.lock()
            spareInUse = false
            condition.unlock()
        }
        if let existing { return try existing.read(body) }
        let connection: DatabaseQueue
        do {
            connection = try open(expecting: expected)
        } catch is Replaced {
            condition.lock()
            file = nil
            condition.unlock()
            return nil
        }
        condition.lock()
        spare = connection
        condition.unlock()
        return try connection.read(body)
    }

    /// An idle connection, or a new one while the pool may grow and the path still names its file; else waits.
    private func take() throws -> DatabaseQueue {
        condition.lock()
        while idle.isEmpty && (opened == maximum || file == nil) { condition.wait() }
        if let connection = idle.popLast() {
            condition.unlock()
            return connection
        }
        opened += 1
        let expected = file
        condition.unlock()
        do {
            return try open(expecting: expected)
        } catch {
            condition.lock()
            opened -= 1
            if error is Replaced { file = nil }
            condition.unlock()
            condition.broadcast()
            if error is Replaced { return try take() }
            throw error
        }
    }

    /// A new connection to the file `expected`: throws ``Replaced`` unless the path named that file both before the
    /// open and after it (then the open read that file).
    private func open(expecting expected: Corpus.FileIdentity?) throws -> DatabaseQueue {
        let connection = try open()
        guard Corpus.FileIdentity(path: path) == expected else { throw Replaced() }
        return connection
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
