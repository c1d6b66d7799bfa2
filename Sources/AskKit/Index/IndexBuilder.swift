import Foundation
import GRDB

/// Builds an index file from a corpus folder.
///
/// The build writes a new file beside the index and renames it over the old one only once it is complete and on
/// disk, so a failed or interrupted build leaves the previous index as it was.
///
/// ```swift
/// let report = try IndexBuilder().build(corpus: URL(fileURLWithPath: "Corpus"),
///                                       into: URL(fileURLWithPath: "Index/ask.sqlite"))
/// print(report.summary)
/// ```
public struct IndexBuilder: Sendable {
    /// How documents are cut into passages.
    public var chunker: Chunker
    /// How records of a collection (`.jsonl` lines) are cut into passages.
    public var recordChunker: Chunker
    /// How corpus files are read.
    public var reader: CorpusReader

    /// A builder with the given chunkers and reader.
    public init(chunker: Chunker = Chunker(), recordChunker: Chunker = .records, reader: CorpusReader = CorpusReader()) {
        self.chunker = chunker
        self.recordChunker = recordChunker
        self.reader = reader
    }

    /// Brings the index at `index` up to date with every file of `corpus`.
    ///
    /// When `index` is an index of this version, the build is incremental: only files whose size or date changed
    /// are read, only those whose content hash changed are cut into passages again, and the passages of deleted
    /// files are removed. Otherwise, or with `full`, every file is read into a new index. Either way the result is
    /// written beside the index and renamed over it once complete, so readers see the old index or the new one.
    /// When nothing changed (files, synonyms, the corpus's place), the index is left as it is.
    /// - Parameters:
    ///   - warn: called with one line for each file skipped and each part of a file left out.
    ///   - progress: called on the building thread as the build goes: before each file is read, every few hundred
    ///     documents indexed, and once indexing is done.
    /// - Throws: ``AskError/corpusMissing(_:)``, ``AskError/corpusEmpty(_:skipped:)``,
    ///   ``AskError/buildFailed(_:reason:)``.
    @discardableResult
    public func build(
        corpus: URL, into index: URL, full: Bool = false, warn: (String) -> Void = { _ in },
        progress: @escaping (BuildProgress) -> Void = { _ in }
    ) throws -> BuildReport {
        let start = Date()
        let folder = Corpus(corpus)
        let entries = try folder.entries()
        let fingerprint = Corpus.fingerprint(of: entries)
        let stored = full ? nil : Self.storedFiles(in: index)
        var changed: [ReadFile] = []
        var unchanged: [String] = []
        var touched: [ReadFile] = []
        var report = BuildReport(files: 0, documents: 0, passages: 0, skipped: [], warnings: [], seconds: 0)
        var toRead: [(entry: Corpus.Entry, known: StoredFile?)] = []
        for entry in entries {
            let known = stored?[entry.path]
            if let known, known.size == entry.size, known.modified == entry.modified.timeIntervalSince1970 {
                unchanged.append(entry.path)
            } else {
                toRead.append((entry, known))
            }
        }
        let tracker = BuildProgress.Tracker(filesToRead: toRead.count, report: progress)
        for (entry, known) in toRead {
            tracker.reading(entry.path)
            switch reader.read(entry) {
            case .read(let file, let warnings):
                if known?.contentHash == file.contentHash { touched.append(file) } else { changed.append(file) }
                report.warnings += warnings
                warnings.forEach(warn)
            case .skipped(let skipped):
                report.skipped.append(skipped)
                warn("skipped \(skipped.path): \(skipped.reason)")
            }
        }
        report.files = unchanged.count + touched.count + changed.count
        guard report.files > 0 else { throw AskError.corpusEmpty(folder.url.path, skipped: report.skipped.count) }
        let synonyms = try Self.readSynonyms(folder)
        let stamp = CorpusStamp(
            fingerprint: fingerprint, synonymsFingerprint: Self.synonymsFingerprint(folder),
            location: Self.location(of: folder.url, seenFrom: index))
        // Nothing to change: the index is left as it is, rather than copied and written again.
        if let stored, changed.isEmpty, touched.isEmpty, stored.count == unchanged.count,
            let info = try? IndexStore(url: index).info, stamp == .recorded(in: info)
        {
            report.documents = info.documents
            report.passages = info.passages
            report.change = BuildReport.Change(filesRead: 0, filesRemoved: 0)
            report.seconds = Date().timeIntervalSince(start)
            return report
        }

        let temporary = Self.temporaryURL(for: index, process: ProcessInfo.processInfo.processIdentifier)
        do {
            try FileManager.default.createDirectory(
                at: index.deletingLastPathComponent(), withIntermediateDirectories: true)
            Self.removeAbandonedBuilds(of: index)
            let counts: (documents: Int, passages: Int)
            if let stored {
                let kept = Set(unchanged + touched.map(\.path))
                let removed = stored.keys.filter { !kept.contains($0) }.sorted()
                try Self.copy(index, to: temporary)
                counts = try update(
                    temporary, removing: removed, adding: changed, touching: touched, synonyms: synonyms,
                    stamp: stamp, tracker: tracker)
                let reread = Set(changed.map(\.path))
                report.change = BuildReport.Change(
                    filesRead: changed.count, filesRemoved: removed.filter { !reread.contains($0) }.count)
            } else {
                counts = try write(changed, synonyms: synonyms, stamp: stamp, to: temporary, tracker: tracker)
            }
            report.documents = counts.documents
            report.passages = counts.passages
            try Self.flushToDisk(temporary)
            if rename(temporary.path, index.path) != 0 {
                throw AskError.buildFailed(index.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? AskError { throw error }
            throw AskError.buildFailed(index.path, reason: Self.describe(error))
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Replaces the synonym list stored in an index with the corpus's `synonyms.txt`, without re-reading documents.
    public func updateSynonyms(from corpus: URL, in index: URL) throws {
        let folder = Corpus(corpus)
        let synonyms = try Self.readSynonyms(folder)
        do {
            let queue = try DatabaseQueue(path: index.path)
            try queue.write { db in
                try db.execute(sql: "DELETE FROM synonyms")
                try Self.insert(synonyms, into: db)
                try Self.setInfo(IndexSchema.Info.synonymsFingerprint, Self.synonymsFingerprint(folder), in: db)
            }
            try queue.close()
        } catch {
            throw AskError.buildFailed(index.path, reason: Self.describe(error))
        }
    }

    /// Where a build by process `process` writes before renaming: a hidden file beside the index.
    static func temporaryURL(for index: URL, process: Int32) -> URL {
        index.deletingLastPathComponent().appendingPathComponent(".\(index.lastPathComponent).building-\(process)")
    }

    /// Removes the temporary files of builds that were killed: those whose process no longer runs.
    static func removeAbandonedBuilds(of index: URL) {
        let folder = index.deletingLastPathComponent()
        let prefix = ".\(index.lastPathComponent).building-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
            guard let process = Int32(name.dropFirst(prefix.count)) else { continue }
            let isRunning = kill(process, 0) == 0 || errno == EPERM
            if !isRunning || process == ProcessInfo.processInfo.processIdentifier {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    /// What an index records of the corpus it is built from.
    private struct CorpusStamp: Equatable {
        var fingerprint: String
        var synonymsFingerprint: String
        /// Where the corpus is, relative to the index's folder (see ``location(of:seenFrom:)``).
        var location: String

        /// The stamp an index holds.
        static func recorded(in info: IndexInfo) -> CorpusStamp {
            CorpusStamp(
                fingerprint: info.corpusFingerprint, synonymsFingerprint: info.synonymsFingerprint,
                location: info.corpusLocation)
        }
    }

    /// The path of a corpus relative to the folder of an index (`../Corpus` for `Index/ask.sqlite` and `Corpus`):
    /// it stays true when the two are moved together.
    static func location(of corpus: URL, seenFrom index: URL) -> String {
        let from = index.standardizedFileURL.deletingLastPathComponent().pathComponents
        let to = corpus.standardizedFileURL.pathComponents
        let common = zip(from, to).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }

    static func synonymsFingerprint(_ corpus: Corpus) -> String {
        StableHasher.hash(corpus.synonymsURL.flatMap { try? Data(contentsOf: $0) } ?? Data())
    }

    /// What an index knows of a corpus file.
    private struct StoredFile {
        var contentHash: String
        var size: Int
        var modified: Double
    }

    /// The files an index of this version holds; `nil` when there is no such index to update.
    private static func storedFiles(in index: URL) -> [String: StoredFile]? {
        guard let store = try? IndexStore(url: index) else { return nil }
        return try? store.read { db in
            var files: [String: StoredFile] = [:]
            files.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM files") ?? 0)
            let rows = try Row.fetchCursor(db, sql: "SELECT path, content_hash, size, modified FROM files")
            while let row = try rows.next() {
                files[row[0]] = StoredFile(contentHash: row[1], size: row[2], modified: row[3])
            }
            return files
        }
    }

    // MARK: - Writing

    /// How many bytes of new postings FTS5 gathers in memory before writing them out as a segment (its default is
    /// 1 MB): fewer, larger segments cost less to write and to merge (100k passages: FTS5's share of the build
    /// 3.3 s -> 2.3 s with a bare insert).
    static let ftsPendingBytes = 64 << 20

    private static func openForWriting(_ url: URL) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        }
        return try DatabaseQueue(path: url.path, configuration: configuration)
    }

    private func write(
        _ files: [ReadFile], synonyms: SynonymMap, stamp: CorpusStamp, to url: URL, tracker: BuildProgress.Tracker
    ) throws
        -> (documents: Int, passages: Int)
    {
        let queue = try Self.openForWriting(url)
        var counts = (documents: 0, passages: 0)
        try queue.inDatabase { db in
            try IndexSchema.create(in: db)
            try db.execute(
                sql: "INSERT INTO passages_fts(passages_fts, rank) VALUES('hashsize', ?)",
                arguments: [Self.ftsPendingBytes])
            try db.inTransaction {
                let words = WordCounts()
                counts = try insert(files, into: db, countingWordsInto: words, tracker: tracker)
                tracker.finishing()
                try Self.insert(synonyms, into: db)
                try Self.insertTerms(words.total, into: db)
                let tokens = try Self.insertStems(into: db)
                try Self.setInfo(counts: counts, tokens: tokens, stamp: stamp, in: db)
                return .commit
            }
            try db.execute(sql: "INSERT INTO passages_fts(passages_fts) VALUES('optimize')")
            // FTS5's merge leaves free pages behind (4% of the file at 100k passages): give them back.
            try db.execute(sql: "PRAGMA incremental_vacuum")
        }
        try queue.close()
        return counts
    }

    /// Applies a corpus change to a copy of an index, in one transaction: removes the passages of `removing`,
    /// adds those of `adding`, records the new size and date of `touching` (same content), and updates the
    /// vocabulary counts by the difference.
    private func update(
        _ url: URL, removing: [String], adding: [ReadFile], touching: [ReadFile], synonyms: SynonymMap,
        stamp: CorpusStamp, tracker: BuildProgress.Tracker
    ) throws -> (documents: Int, passages: Int) {
        let queue = try Self.openForWriting(url)
        var counts = (documents: 0, passages: 0)
        try queue.inDatabase { db in
            try db.inTransaction {
                let stemmer = try Stemmer(db)
                var change = VocabularyChange()
                let unindex = try db.makeStatement(sql: """
                    INSERT INTO passages_fts(passages_fts, rowid, title, section, body) VALUES('delete', ?, ?, ?, ?)
                    """)
                for path in removing {
                    let rows = try Row.fetchAll(db, sql: """
                        SELECT p.id, p.title, p.section, p.body FROM passages p
                        JOIN documents d ON d.id = p.document_id WHERE d.file = ?
                        """, arguments: [path])
                    for row in rows {
                        try unindex.execute(arguments: [row["id"], row["title"], row["section"], row["body"]])
                        try change.remove(
                            title: row["title"], section: row["section"], body: row["body"], stemmer: stemmer)
                    }
                    try db.execute(sql: """
                        DELETE FROM passages WHERE document_id IN (SELECT id FROM documents WHERE file = ?);
                        DELETE FROM documents WHERE file = ?;
                        DELETE FROM files WHERE path = ?;
                        """, arguments: [path, path, path])
                }
                let firstNew = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM passages") ?? 0) + 1
                let words = WordCounts()
                _ = try insert(adding, into: db, countingWordsInto: words, tracker: tracker)
                tracker.finishing()
                change.add(words: words.total)
                let added = try Row.fetchCursor(
                    db, sql: "SELECT title, section, body FROM passages WHERE id >= ?", arguments: [firstNew])
                while let row = try added.next() {
                    try change.countStems(title: row["title"], section: row["section"], body: row["body"], sign: 1,
                                          stemmer: stemmer)
                }
                for file in touching {
                    try db.execute(sql: "UPDATE files SET size = ?, modified = ? WHERE path = ?", arguments: [
                        file.size, file.modified.timeIntervalSince1970, file.path,
                    ])
                }
                try change.apply(to: db, stemmer: stemmer)
                try db.execute(sql: "DELETE FROM synonyms")
                try Self.insert(synonyms, into: db)
                counts.documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
                counts.passages = try Int.fetchOne(db, sql: "SELECT count(*) FROM passages") ?? 0
                let tokens = try Int.fetchOne(
                    db, sql: "SELECT value FROM build_info WHERE key = ?", arguments: [IndexSchema.Info.tokens]) ?? 0
                try Self.setInfo(counts: counts, tokens: tokens + change.tokens, stamp: stamp, in: db)
                return .commit
            }
            try db.execute(sql: "PRAGMA incremental_vacuum")
        }
        try queue.close()
        return counts
    }

    /// Inserts the files' documents and passages, and indexes the passages in FTS5, while the next documents are cut
    /// on other cores; their words are counted into `words`. The documents of all files are cut as one sequence, so
    /// a folder of many small files keeps every core busy as one large file does.
    private func insert(
        _ files: [ReadFile], into db: Database, countingWordsInto words: WordCounts, tracker: BuildProgress.Tracker
    ) throws -> (documents: Int, passages: Int) {
        let fileStatement = try db.makeStatement(
            sql: "INSERT INTO files(path, content_hash, size, modified) VALUES (?, ?, ?, ?)")
        let documentStatement = try db.makeStatement(sql: "INSERT INTO documents(doc, file, title) VALUES (?, ?, ?)")
        let passageStatement = try db.makeStatement(sql: """
            INSERT INTO passages(document_id, title, section, body, line_start, line_end) VALUES (?, ?, ?, ?, ?, ?)
            """)
        let ftsStatement = try db.makeStatement(
            sql: "INSERT INTO passages_fts(rowid, title, section, body) VALUES (?, ?, ?, ?)")
        for file in files {
            try fileStatement.execute(arguments: [
                file.path, file.contentHash, file.size, file.modified.timeIntervalSince1970,
            ])
        }
        // One file's documents are taken as they are, without a copy (a collection file holds a million).
        let allDocuments = files.count == 1 ? files[0].documents : files.flatMap(\.documents)
        var passages = 0
        tracker.indexed(documents: 0, of: allDocuments.count, passages: 0)
        let cut = ChunkedDocuments(allDocuments, builder: self, countingWordsInto: words)
        for (number, (document, documentPassages)) in zip(allDocuments, cut).enumerated() {
            if number % Self.documentsPerProgressReport == 0, number > 0 {
                tracker.indexed(documents: number, of: allDocuments.count, passages: passages)
            }
            let title = documentPassages.first?.title ?? document.statedTitle ?? document.id
            try documentStatement.insert([.text(document.id), .text(document.file), .text(title)])
            let documentID = db.lastInsertedRowID
            for passage in documentPassages {
                let section = passage.section.map(RowValue.text) ?? .null
                try passageStatement.insert([
                    .integer(documentID), .text(passage.title), section, .text(passage.text),
                    .integer(Int64(passage.lines.lowerBound)), .integer(Int64(passage.lines.upperBound)),
                ])
                try ftsStatement.insert([
                    .integer(db.lastInsertedRowID), .text(passage.title), section, .text(passage.text),
                ])
                passages += 1
            }
        }
        tracker.indexed(documents: allDocuments.count, of: allDocuments.count, passages: passages)
        return (allDocuments.count, passages)
    }

    /// How many documents are indexed between two reports of progress.
    private static let documentsPerProgressReport = 256

    /// The passages of a document, cut by the chunker its kind calls for.
    func passages(of document: SourceDocument) -> [Passage] {
        (document.isRecord ? recordChunker : chunker).passages(of: document)
    }

    private static func insert(_ synonyms: SynonymMap, into db: Database) throws {
        let statement = try db.makeStatement(sql: "INSERT INTO synonyms(rule, phrase, role) VALUES (?, ?, ?)")
        for (number, rule) in synonyms.rules.enumerated() {
            if rule.isEquivalence {
                for phrase in rule.inputs {
                    try statement.execute(arguments: [number + 1, phrase.joined(separator: " "), "equivalent"])
                }
            } else {
                for phrase in rule.inputs {
                    try statement.execute(arguments: [number + 1, phrase.joined(separator: " "), "input"])
                }
                for phrase in rule.outputs {
                    try statement.execute(arguments: [number + 1, phrase.joined(separator: " "), "output"])
                }
            }
        }
    }

    /// Fills the `terms` table: every word of the passages as written, its stem, and how many passages hold it.
    /// Typo correction looks words up here.
    private static func insertTerms(_ passageCounts: [String: Int], into db: Database) throws {
        let stemmer = try Stemmer(db)
        let statement = try db.makeStatement(sql: "INSERT INTO terms(word, stem, passages) VALUES (?, ?, ?)")
        for (word, count) in passageCounts {
            try statement.execute(arguments: [word, try stemmer.stem(word), count])
        }
    }

    /// Fills the `stems` table from FTS5's vocabulary; returns how many tokens the passages hold in all.
    private static func insertStems(into db: Database) throws -> Int {
        try db.execute(sql: "DELETE FROM stems")
        let statement = try db.makeStatement(sql: "INSERT INTO stems(stem, passages) VALUES (?, ?)")
        var tokens = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT term, doc, cnt FROM passages_vocab")
        while let row = try rows.next() {
            try statement.execute(arguments: [row[0] as String, row[1] as Int])
            tokens += row[2] as Int
        }
        return tokens
    }

    private static func setInfo(
        counts: (documents: Int, passages: Int), tokens: Int, stamp: CorpusStamp,
        in db: Database
    ) throws {
        let info: [(String, String)] = [
            (IndexSchema.Info.schemaVersion, String(IndexSchema.version)),
            (IndexSchema.Info.builtAt, ISO8601DateFormatter().string(from: Date())),
            (IndexSchema.Info.corpusFingerprint, stamp.fingerprint),
            (IndexSchema.Info.synonymsFingerprint, stamp.synonymsFingerprint),
            (IndexSchema.Info.corpusLocation, stamp.location),
            (IndexSchema.Info.tokenizer, IndexSchema.tokenizer),
            (IndexSchema.Info.documents, String(counts.documents)),
            (IndexSchema.Info.passages, String(counts.passages)),
            (IndexSchema.Info.tokens, String(tokens)),
        ]
        for (key, value) in info { try setInfo(key, value, in: db) }
    }

    private static func setInfo(_ key: String, _ value: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO build_info(key, value) VALUES (?, ?)", arguments: [key, value])
    }

    private static func readSynonyms(_ corpus: Corpus) throws -> SynonymMap {
        guard let url = corpus.synonymsURL, FileManager.default.fileExists(atPath: url.path) else { return SynonymMap() }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw AskError.fileUnreadable(url.path, reason: "not readable UTF-8 text")
        }
        return SynonymMap(parsing: text)
    }

    /// Copies a file inside the kernel (`sendfile`) on Linux, where `FileManager.copyItem` copies 4 KB at a time;
    /// with `FileManager` elsewhere (on Darwin it clones the file).
    private static func copy(_ source: URL, to destination: URL) throws {
        #if os(Linux)
        func failure() -> AskError {
            AskError.buildFailed(destination.path, reason: String(cString: strerror(errno)))
        }
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw failure() }
        defer { close(input) }
        let output = open(destination.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw failure() }
        defer { close(output) }
        while true {
            let count = sendfile(output, input, nil, 1 << 30)
            if count == 0 { return }
            if count < 0, errno != EINTR { throw failure() }
        }
        #else
        try FileManager.default.copyItem(at: source, to: destination)
        #endif
    }

    private static func flushToDisk(_ url: URL) throws {
        let handle = try FileHandle(forUpdating: url)
        defer { try? handle.close() }
        try handle.synchronize()
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "SQLite error \(error.resultCode)" }
        return (error as NSError).localizedDescription
    }
}

// MARK: - Freshness

extension IndexBuilder {
    /// What ``refresh(corpus:index:warn:progress:)`` did.
    public enum Refresh: Sendable {
        /// The index matched the corpus; nothing was done.
        case current
        /// The corpus folder is absent: the index is used as it is.
        case corpusAbsent
        /// Only the synonyms file had changed; the stored list was replaced.
        case synonymsUpdated
        /// The index was (re)built, for the reason given ("no index yet", "the corpus changed"…).
        case built(BuildReport, reason: String)
        /// The index was built from another corpus, at this location relative to the index's folder: it is used as
        /// it is, never rebuilt from a corpus it does not come from (``build(corpus:into:full:warn:progress:)``
        /// does that).
        case builtFromAnotherCorpus(String)
    }

    /// Brings an index up to date with its corpus: builds it when missing, rebuilds it when the corpus changed or
    /// it was built by another version, and replaces only its synonym list when only that changed.
    ///
    /// A damaged file or another program's file at `index` is never overwritten: the error is thrown. Nor is an
    /// index built from another corpus (a collection indexed with `--corpus`, then searched without it).
    /// - Parameters:
    ///   - warn: called with one line for each file skipped and each part of a file left out, when it builds.
    ///   - progress: called as a build goes, when it builds (see ``build(corpus:into:full:warn:progress:)``).
    @discardableResult
    public func refresh(
        corpus: URL, index: URL, warn: (String) -> Void = { _ in },
        progress: @escaping (BuildProgress) -> Void = { _ in }
    ) throws -> Refresh {
        let folder = Corpus(corpus)
        let corpusExists = folder.exists
        let reason: String
        do {
            let info = try IndexStore(url: index).info
            guard corpusExists else { return .corpusAbsent }
            let location = Self.location(of: folder.url, seenFrom: index)
            if !info.corpusLocation.isEmpty, info.corpusLocation != location {
                return .builtFromAnotherCorpus(info.corpusLocation)
            }
            if info.corpusFingerprint == (try folder.fingerprint()) {
                guard info.synonymsFingerprint != Self.synonymsFingerprint(folder) else { return .current }
                try updateSynonyms(from: corpus, in: index)
                return .synonymsUpdated
            }
            reason = "the corpus changed since the index was built"
        } catch AskError.indexMissing {
            reason = "no index yet"
        } catch AskError.indexOutdated {
            reason = "the index was built by another version of ask"
        }
        guard corpusExists else { throw AskError.corpusMissing(folder.url.path) }
        return .built(try build(corpus: corpus, into: index, warn: warn, progress: progress), reason: reason)
    }
}
