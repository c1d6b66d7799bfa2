import AskKit
import Foundation

/// The engine a long-running server answers with, opened again when `ask index` replaces the index file: each
/// request takes the engine for the file the path names now. A build replaces the file by a rename, so requests
/// under way keep reading the file they started on, and none fails while the index is replaced.
final class EngineHolder: @unchecked Sendable {
    private let index: URL
    private let open: @Sendable (URL) throws -> AskEngine
    private let lock = NSLock()
    private var engine: AskEngine
    private var file: Corpus.FileIdentity?

    /// Holds an engine opened by `open`.
    init(index: URL, open: @escaping @Sendable (URL) throws -> AskEngine) throws {
        self.index = index
        self.open = open
        file = Corpus.FileIdentity(path: index.path)
        engine = try open(index)
    }

    /// The engine of the index file at the path now; the one held when the new file cannot be opened (a build may
    /// be renaming it into place this moment: the next request tries again).
    var current: AskEngine {
        lock.lock()
        defer { lock.unlock() }
        let now = Corpus.FileIdentity(path: index.path)
        if now != file, now != nil, let reopened = try? open(index) {
            engine = reopened
            file = now
        }
        return engine
    }
}
