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
    /// What makes the passages' vectors for semantic matching; `nil` builds an index without them. An index whose
    /// vectors another table made is rebuilt in full.
    public var embedder: TextEmbedder?
    /// Which sentence model, if any, embeds the passages too (``SentenceVectorTable``); by default the one the
    /// index was built with.
    public var sentenceModel: SentenceModelUse = .asRecorded

    /// A builder with the given chunkers, reader and embedder (the built-in table when it can be read).
    public init(
        chunker: Chunker = Chunker(), recordChunker: Chunker = .records, reader: CorpusReader = CorpusReader(),
        embedder: TextEmbedder? = try? .builtIn
    ) {
        self.chunker = chunker
        self.recordChunker = recordChunker
        self.reader = reader
        self.embedder = embedder
    }

    /// Brings the index at `index` up to date with every file of `corpus`.
    ///
    /// When `index` is an index of this version, the build is incremental: only files whose size or date changed
    /// are read, only those whose content hash changed are cut into passages again, and the passages of deleted
    /// files are removed. Otherwise, or with `full`, every file is read into a new index. Either way the result is
    /// written beside the index and renamed over it once complete, so readers see the old index or the new one.
    /// When nothing changed (files, synonyms, the corpus's place), the index is left as it is.
    ///
    /// Builds of one index take turns: a build waits for another one to finish (reporting the ``BuildProgress/Stage/waiting``
    /// stage once), then builds the corpus as it is then. A file at `index` that is not an ask index is never
    /// replaced, nor is an index of a newer version unless `full` is set. A file or folder of the corpus that
    /// exists but cannot be read is reported through `warn`; an incremental build keeps what it had indexed of it.
    /// The index records the corpus as this build read it, so a file changed during the build is read again next
    /// time.
    /// - Parameters:
    ///   - warn: called with one line for each file skipped, each folder that cannot be read, and each part of a
    ///     file left out.
    ///   - progress: called on the building thread as the build goes: before each file is read, every few hundred
    ///     documents indexed, and once indexing is done.
    /// - Throws: ``AskError/corpusMissing(_:)``, ``AskError/corpusUnreadable(_:reason:)``,
    ///   ``AskError/corpusEmpty(_:skipped:)``, ``AskError/notAnIndex(_:reason:)``,
    ///   ``AskError/indexFromNewerVersion(_:found:supported:)``, ``AskError/buildFailed(_:reason:)``.
    @discardableResult
    public func build(
        corpus: URL, into index: URL, full: Bool = false, warn: (String) -> Void = { _ in },
        progress: @escaping (BuildProgress) -> Void = { _ in }
    ) throws -> BuildReport {
        try Self.checkReplaceable(index, full: full)
        let folder = Corpus(corpus)
        guard folder.exists else { throw AskError.corpusMissing(folder.url.path) }
        let lock = try Self.lock(index)
        try lock.lock { progress(BuildProgress(stage: .waiting)) }
        // The lock is held while its file is open: it must outlive the build, not just its last use above.
        return try withExtendedLifetime(lock) {
            try buildHoldingLock(corpus: corpus, into: index, full: full, warn: warn, progress: progress)
        }
    }

    /// Opens the build lock of an index, creating the index's folder first.
    private static func lock(_ index: URL) throws -> BuildLock {
        do {
            try FileManager.default.createDirectory(
                at: index.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw AskError.buildFailed(index.path, reason: describe(error))
        }
        return try BuildLock(for: index)
    }

    /// Throws unless the build may replace what is at `index`: nothing, or an ask index (of a newer version only
    /// with `full`).
    private static func checkReplaceable(_ index: URL, full: Bool) throws {
        switch IndexFile.status(of: index) {
        case .foreign(let what):
            throw AskError.notAnIndex(index.path, reason: what)
        case .ours(let version) where version > IndexSchema.version && !full:
            throw AskError.indexFromNewerVersion(index.path, found: version, supported: IndexSchema.version)
        case .missing, .ours:
            return
        }
    }

    /// The build, once this process holds the index's build lock.
    private func buildHoldingLock(
        corpus: URL, into index: URL, full: Bool, warn: (String) -> Void, progress: @escaping (BuildProgress) -> Void
    ) throws -> BuildReport {
        let start = Date()
        // Another build may have put something new at the path while this one waited.
        try Self.checkReplaceable(index, full: full)
        let folder = Corpus(corpus)
        var listing = try folder.listing()
        // The index updated, opened once; one whose vectors another table made is built again in full.
        let previous = full ? nil : try? IndexStore(url: index)
        let storedInfo = previous?.info
        let model = resolvedSentenceModel(
            recordedFolder: storedInfo?.sentenceModelFolder ?? IndexStore.sentenceModelFolder(recordedIn: index),
            warn: warn)
        let stored = previous.flatMap {
            $0.info.vectorTable == embedder?.fingerprint && $0.info.sentenceModel == model?.fingerprint
                ? Self.storedFiles(in: $0) : nil
        }
        var changed: [ReadFile] = []
        var unchanged: [String] = []
        var touched: [ReadFile] = []
        var report = BuildReport(files: 0, documents: 0, passages: 0, skipped: [], warnings: [], seconds: 0)
        report.unreadableFolders = listing.unreadableFolders
        for unreadable in listing.unreadableFolders {
            let keeps = stored == nil ? "left out" : "its files indexed before are kept"
            warn("cannot read folder \(unreadable.path): \(unreadable.reason); \(keeps)")
        }
        let unreadablePrefixes = listing.unreadableFolders.map { $0.path + "/" }
        report.keptUnreadable = stored?.keys.filter { path in unreadablePrefixes.contains { path.hasPrefix($0) } }
            .sorted() ?? []
        var toRead: [(entry: Corpus.Entry, known: StoredFile?)] = []
        // Files skipped before and unchanged since are skipped again without a read and without a warning.
        let skippedBefore = stored == nil ? [:] : previous.map(Self.storedSkips) ?? [:]
        var unusable: [SkippedEntry] = []
        for entry in listing.entries {
            let known = stored?[entry.path]
            let modified = entry.modified.timeIntervalSince1970
            if let known, known.size == entry.size, known.modified == modified {
                unchanged.append(entry.path)
            } else if let skip = skippedBefore[entry.path], skip.size == entry.size, skip.modified == modified {
                unusable.append(skip)
                report.skipped.append(SkippedFile(path: entry.path, reason: skip.reason))
            } else {
                toRead.append((entry, known))
            }
        }
        // The listing becomes the corpus as read: sizes and dates as the reads saw them, files gone left out, and
        // files that could not be read marked, so that the index is current only for what it holds.
        var asRead: [String: Corpus.Entry?] = [:]
        let tracker = BuildProgress.Tracker(filesToRead: toRead.count, report: progress)
        for (entry, known) in toRead {
            tracker.reading(entry.path)
            switch reader.read(entry) {
            case .read(let file, let warnings):
                if known?.contentHash == file.contentHash { touched.append(file) } else { changed.append(file) }
                report.warnings += warnings
                warnings.forEach(warn)
                var read = entry
                (read.size, read.modified) = (file.size, file.modified)
                asRead[entry.path] = read
            case .skipped(let skipped):
                report.skipped.append(skipped)
                if skipped.cause == .unreadable, known != nil {
                    report.keptUnreadable.append(entry.path)
                    warn("skipped \(skipped.path): \(skipped.reason); its passages indexed before are kept")
                } else if skipped.cause != .needsTool {
                    warn("skipped \(skipped.path): \(skipped.reason)")
                }
                switch skipped.cause {
                case .gone: asRead[entry.path] = .some(nil)
                case .unreadable: asRead[entry.path] = Corpus.Entry.unread(entry)
                case .unusable:
                    unusable.append(SkippedEntry(
                        path: entry.path, size: entry.size, modified: entry.modified.timeIntervalSince1970,
                        reason: skipped.reason))
                case .needsTool: break
                }
            }
        }
        // A missing program is named once, not once per file.
        let needingTools = Dictionary(grouping: report.skipped.filter { $0.cause == .needsTool }, by: \.reason)
        for (reason, files) in needingTools.sorted(by: { $0.key < $1.key }) {
            warn("skipped \(files.count) file\(files.count == 1 ? "" : "s") (\(files[0].path)…): \(reason)")
        }
        guard listing.root == Corpus.FileIdentity(path: folder.url.path) else {
            throw AskError.buildFailed(
                index.path, reason: "the corpus \(folder.url.path) was moved or removed while it was read")
        }
        listing.entries = listing.entries.compactMap { asRead[$0.path] ?? $0 }
        report.files = unchanged.count + touched.count + changed.count + report.keptUnreadable.count
        guard report.files > 0 else { throw AskError.corpusEmpty(folder.url.path, skipped: report.skipped.count) }
        let synonyms = try Self.readSynonyms(folder)
        let stamp = CorpusStamp(
            fingerprint: Corpus.fingerprint(of: listing), synonymsFingerprint: Self.synonymsFingerprint(folder),
            location: Self.location(of: folder.url, seenFrom: index), disclaimer: try folder.disclaimer(),
            vectorTable: embedder?.fingerprint, sentenceModel: model?.fingerprint,
            sentenceModelFolder: model?.folder.standardizedFileURL.path)
        let kept = Set(unchanged + touched.map(\.path) + report.keptUnreadable)
        let removed = stored.map { $0.keys.filter { !kept.contains($0) }.sorted() } ?? []
        // Nothing to change: the index is left as it is, rather than copied and written again.
        if stored != nil, changed.isEmpty, touched.isEmpty, removed.isEmpty, let info = storedInfo,
            stamp == .recorded(in: info)
        {
            report.documents = info.documents
            report.passages = info.passages
            report.change = BuildReport.Change(filesRead: 0, filesRemoved: 0)
            report.indexChanged = false
            report.seconds = Date().timeIntervalSince(start)
            return report
        }

        // The text sites repeat on their pages, counted over the pages kept and those read now. When that changes,
        // pages not read now would keep what is no longer furniture (or the reverse): every file is read again.
        let storedPages = stored == nil ? [:] : try previous?.read(SiteFurniture.storedPages) ?? [:]
        var newPages: [String: [UInt64]] = [:]
        for file in changed { newPages[file.path] = SiteFurniture.lineHashes(of: file) }
        let furniture = SiteFurniture(pages: storedPages.filter { kept.contains($0.key) }.merging(newPages) { $1 })
        if stored != nil, furniture != SiteFurniture(pages: storedPages) {
            // Every warning of the files read so far was given; those of the others are not, as in any update.
            return try buildHoldingLock(corpus: corpus, into: index, full: true, warn: { _ in }, progress: progress)
        }
        changed = changed.map { file in
            let (stripped, dropped) = furniture.strip(file)
            if dropped > 0 { report.furniture.lines += dropped; report.furniture.pages += 1 }
            return stripped
        }

        // Builds of this index take turns, so a temporary file left beside it now is a killed build's.
        Self.removeAbandonedBuilds(of: index)
        let temporary = Self.temporaryURL(for: index, process: ProcessInfo.processInfo.processIdentifier)
        do {
            let counts: (documents: Int, passages: Int)
            if stored != nil {
                try Self.copy(index, to: temporary)
                counts = try update(
                    temporary, removing: removed, adding: changed, touching: touched, synonyms: synonyms,
                    stamp: stamp, skipped: unusable, pages: newPages, sentenceModel: model, tracker: tracker,
                    trailers: &report.trailers)
                let reread = Set(changed.map(\.path))
                report.change = BuildReport.Change(
                    filesRead: changed.count, filesRemoved: removed.filter { !reread.contains($0) }.count)
            } else {
                counts = try write(
                    changed, synonyms: synonyms, stamp: stamp, skipped: unusable, pages: newPages,
                    sentenceModel: model, to: temporary, tracker: tracker, trailers: &report.trailers)
            }
            report.documents = counts.documents
            report.passages = counts.passages
            try Self.flushToDisk(temporary)
            try Self.checkReplaceable(index, full: true)
            try IndexFile.replace(index, with: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? AskError { throw error }
            throw AskError.buildFailed(index.path, reason: Self.describe(error))
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Where a build by process `process` writes before renaming: a hidden file beside the index.
    static func temporaryURL(for index: URL, process: Int32) -> URL {
        index.deletingLastPathComponent().appendingPathComponent(".\(index.lastPathComponent).building-\(process)")
    }

    /// Removes the temporary files of builds that were killed. Called with the build lock held: no other build of
    /// this index is running, so every such file is a killed build's.
    static func removeAbandonedBuilds(of index: URL) {
        let folder = index.deletingLastPathComponent()
        let prefix = ".\(index.lastPathComponent).building-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix(prefix) && Int32(name.dropFirst(prefix.count)) != nil {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// What an index records of the corpus it is built from.
    private struct CorpusStamp: Equatable {
        var fingerprint: String
        var synonymsFingerprint: String
        /// Where the corpus is, relative to the index's folder (see ``location(of:seenFrom:)``).
        var location: String
        var disclaimer: String?
        /// The table that made the passage vectors.
        var vectorTable: String?
        /// The sentence model that made the sentence vectors, and its folder.
        var sentenceModel: String?
        var sentenceModelFolder: String?

        /// The stamp an index holds.
        static func recorded(in info: IndexInfo) -> CorpusStamp {
            CorpusStamp(
                fingerprint: info.corpusFingerprint, synonymsFingerprint: info.synonymsFingerprint,
                location: info.corpusLocation, disclaimer: info.disclaimer, vectorTable: info.vectorTable,
                sentenceModel: info.sentenceModel, sentenceModelFolder: info.sentenceModelFolder)
        }
    }

    /// The sentence model this build embeds passages with (see ``sentenceModel``), given what the index records.
    private func resolvedSentenceModel(recordedFolder folder: String?, warn: (String) -> Void) -> SentenceModel? {
        switch sentenceModel {
        case .none: return nil
        case .model(let model): return model
        case .asRecorded:
            guard let folder else { return nil }
            do {
                return try SentenceModel(folder: URL(fileURLWithPath: folder))
            } catch {
                warn("\(error); the index is built without sentence vectors")
                return nil
            }
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

    /// The files an index holds; `nil` when they cannot be read.
    private static func storedFiles(in store: IndexStore) -> [String: StoredFile]? {
        try? store.read { db in
            var files: [String: StoredFile] = [:]
            files.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM files") ?? 0)
            let rows = try Row.fetchCursor(db, sql: "SELECT path, content_hash, size, modified FROM files")
            while let row = try rows.next() {
                files[row[0]] = StoredFile(contentHash: row[1], size: row[2], modified: row[3])
            }
            return files
        }
    }

    /// A file a build could not use, as it was listed.
    private struct SkippedEntry {
        var path: String
        var size: Int
        var modified: Double
        var reason: String
    }

    /// The files an index records as skipped, by path.
    private static func storedSkips(in store: IndexStore) -> [String: SkippedEntry] {
        let rows = try? store.read { db in
            try Row.fetchAll(db, sql: "SELECT path, size, modified, reason FROM skipped_files")
        }
        return Dictionary(uniqueKeysWithValues: (rows ?? []).map { row in
            (row[0], SkippedEntry(path: row[0], size: row[1], modified: row[2], reason: row[3]))
        })
    }

    /// Records the files skipped as unusable, in place of those recorded before.
    private static func record(_ skipped: [SkippedEntry], in db: Database) throws {
        try db.execute(sql: "DELETE FROM skipped_files")
        let statement = try db.makeStatement(
            sql: "INSERT OR REPLACE INTO skipped_files(path, size, modified, reason) VALUES (?, ?, ?, ?)")
        for file in skipped {
            try statement.execute(arguments: [file.path, file.size, file.modified, file.reason])
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
        _ files: [ReadFile], synonyms: SynonymMap, stamp: CorpusStamp, skipped: [SkippedEntry],
        pages: [String: [UInt64]], sentenceModel: SentenceModel?, to url: URL, tracker: BuildProgress.Tracker,
        trailers: inout BuildReport.DroppedLines
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
            var vectors: VectorTables.Layout?
            try db.inTransaction {
                let words = WordCounts()
                let inserted = try insert(
                    files, into: db, countingWordsInto: words, tracker: tracker, trailers: &trailers)
                counts = (inserted.documents, inserted.passages)
                tracker.finishing()
                // The vectors' lists are fitted while the vocabulary is written.
                let tokens: Int
                (tokens, vectors) = try concurrently({
                    try Self.countDefinedAbbreviations(in: db)
                    try Self.insert(synonyms, into: db)
                    try Self.insertTerms(words.total, into: db)
                    return try Self.insertStems(into: db)
                }, { [vectors = inserted.vectors] in VectorTables.Layout(vectors) })
                try Self.setInfo(counts: counts, tokens: tokens, stamp: stamp, in: db)
                try Self.record(skipped, in: db)
                try SiteFurniture.record(pages, in: db)
                return .commit
            }
            // In a transaction of their own, once the passages' pages are written out: in the same one, 100k
            // passages' vectors took 0.36 s to write instead of 0.22 s. The file is only renamed into place when
            // complete, so two transactions are as safe as one.
            try db.inTransaction {
                if let vectors { try VectorTables.write(vectors, into: db) }
                if let sentenceModel {
                    try SentenceVectorTable.embedMissing(
                        using: sentenceModel, in: db, progress: tracker.embedded(_:of:))
                }
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
        stamp: CorpusStamp, skipped: [SkippedEntry], pages: [String: [UInt64]], sentenceModel: SentenceModel?,
        tracker: BuildProgress.Tracker, trailers: inout BuildReport.DroppedLines
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
                // What the build derived from each passage goes with it.
                let derived = ["passage_vectors", "abbreviations"]
                    + (try SentenceVectorTable.exists(db) ? [SentenceVectorTable.name] : [])
                let removeDerived = try derived.map {
                    try db.makeStatement(sql: "DELETE FROM \($0) WHERE passage_id = ?")
                }
                for path in removing {
                    let rows = try Row.fetchAll(db, sql: """
                        SELECT p.id, p.title, p.section, p.body FROM passages p
                        JOIN documents d ON d.id = p.document_id WHERE d.file = ?
                        """, arguments: [path])
                    for row in rows {
                        try unindex.execute(arguments: [row["id"], row["title"], row["section"], row["body"]])
                        for statement in removeDerived { try statement.execute(arguments: [row["id"]]) }
                        try change.remove(
                            title: row["title"], section: row["section"], body: row["body"], stemmer: stemmer)
                    }
                    try db.execute(sql: """
                        DELETE FROM passages WHERE document_id IN (SELECT id FROM documents WHERE file = ?);
                        DELETE FROM documents WHERE file = ?;
                        DELETE FROM files WHERE path = ?;
                        DELETE FROM page_lines WHERE file = ?;
                        """, arguments: [path, path, path, path])
                }
                let firstNew = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM passages") ?? 0) + 1
                let words = WordCounts()
                let inserted = try insert(
                    adding, into: db, countingWordsInto: words, tracker: tracker, trailers: &trailers)
                tracker.finishing()
                try VectorTables.add(inserted.vectors, into: db)
                if let sentenceModel {
                    try SentenceVectorTable.embedMissing(
                        using: sentenceModel, in: db, progress: tracker.embedded(_:of:))
                }
                try Self.countDefinedAbbreviations(in: db)
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
                try Self.record(skipped, in: db)
                try SiteFurniture.record(pages, in: db)
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
        _ files: [ReadFile], into db: Database, countingWordsInto words: WordCounts, tracker: BuildProgress.Tracker,
        trailers: inout BuildReport.DroppedLines
    ) throws -> (documents: Int, passages: Int, vectors: [(passage: Int64, vector: PassageVector)]) {
        let fileStatement = try db.makeStatement(
            sql: "INSERT INTO files(path, content_hash, size, modified) VALUES (?, ?, ?, ?)")
        let documentStatement = try db.makeStatement(sql: "INSERT INTO documents(doc, file, title) VALUES (?, ?, ?)")
        let passageStatement = try db.makeStatement(sql: """
            INSERT INTO passages(document_id, title, section, body, line_start, line_end, page)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let ftsStatement = try db.makeStatement(
            sql: "INSERT INTO passages_fts(rowid, title, section, body) VALUES (?, ?, ?, ?)")
        let abbreviationStatement = try db.makeStatement(
            sql: "INSERT INTO abbreviations(passage_id, short, long) VALUES (?, ?, ?)")
        for file in files {
            try fileStatement.execute(arguments: [
                file.path, file.contentHash, file.size, file.modified.timeIntervalSince1970,
            ])
        }
        // One file's documents are taken as they are, without a copy (a collection file holds a million).
        let allDocuments = files.count == 1 ? files[0].documents : files.flatMap(\.documents)
        var passages = 0
        tracker.indexed(documents: 0, of: allDocuments.count, passages: 0)
        var vectors: [(passage: Int64, vector: PassageVector)] = []
        let cuts = ChunkedDocuments(allDocuments, builder: self, countingWordsInto: words, embedder: embedder)
        for (number, (document, cut)) in zip(allDocuments, cuts).enumerated() {
            let documentPassages = cut.passages
            if cut.droppedLines > 0 { trailers.lines += cut.droppedLines; trailers.pages += 1 }
            if number % Self.documentsPerProgressReport == 0, number > 0 {
                tracker.indexed(documents: number, of: allDocuments.count, passages: passages)
            }
            let title = documentPassages.first?.title ?? document.statedTitle ?? document.id
            try documentStatement.insert([.text(document.id), .text(document.file), .text(title)])
            let documentID = db.lastInsertedRowID
            for (index, passage) in documentPassages.enumerated() {
                let section = passage.section.map(RowValue.text) ?? .null
                try passageStatement.insert([
                    .integer(documentID), .text(passage.title), section, .text(passage.text),
                    .integer(Int64(passage.lines.lowerBound)), .integer(Int64(passage.lines.upperBound)),
                    passage.page.map { .integer(Int64($0)) } ?? .null,
                ])
                let passageID = db.lastInsertedRowID
                if index < cut.vectors.count { vectors.append((passageID, cut.vectors[index])) }
                for definition in cut.abbreviations[index] {
                    try abbreviationStatement.insert([
                        .integer(passageID), .text(definition.short.joined(separator: " ")),
                        .text(definition.long.joined(separator: " ")),
                    ])
                }
                try ftsStatement.insert([.integer(passageID), .text(passage.title), section, .text(passage.text)])
                passages += 1
            }
        }
        tracker.indexed(documents: allDocuments.count, of: allDocuments.count, passages: passages)
        return (allDocuments.count, passages, vectors)
    }

    /// How many documents are indexed between two reports of progress.
    private static let documentsPerProgressReport = 256

    /// The passages of a document, cut by the chunker its kind calls for, and the lines its trailer held.
    func cut(_ document: SourceDocument) -> (passages: [Passage], droppedLines: Int) {
        (document.isRecord ? recordChunker : chunker).cut(document)
    }

    /// Fills `defined_abbreviations` from the passages' definitions.
    private static func countDefinedAbbreviations(in db: Database) throws {
        try db.execute(sql: """
            DELETE FROM defined_abbreviations;
            INSERT INTO defined_abbreviations(short, long, passages)
                SELECT short, long, count(*) FROM abbreviations GROUP BY short, long;
            """)
    }

    private static func insert(_ synonyms: SynonymMap, into db: Database) throws {
        try setInfo(IndexSchema.Info.corpusAbbreviations, synonyms.usesCorpusAbbreviations ? nil : "off", in: db)
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
        try setInfo(IndexSchema.Info.disclaimer, stamp.disclaimer, in: db)
        try setInfo(IndexSchema.Info.vectorTable, stamp.vectorTable, in: db)
        try setInfo(IndexSchema.Info.sentenceModel, stamp.sentenceModel, in: db)
        try setInfo(IndexSchema.Info.sentenceModelFolder, stamp.sentenceModelFolder, in: db)
    }

    /// Records a value of `build_info`, or removes the key when the value is `nil`.
    private static func setInfo(_ key: String, _ value: String?, in db: Database) throws {
        guard let value else {
            return try db.execute(sql: "DELETE FROM build_info WHERE key = ?", arguments: [key])
        }
        try db.execute(sql: "INSERT OR REPLACE INTO build_info(key, value) VALUES (?, ?)", arguments: [key, value])
    }

    private static func readSynonyms(_ corpus: Corpus) throws -> SynonymMap {
        try corpus.settingsText(at: corpus.synonymsURL).map(SynonymMap.init(parsing:)) ?? SynonymMap()
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
        /// Only the corpus's settings (``Corpus/synonymsFileName``, ``Corpus/disclaimerFileName``) had changed;
        /// the stored copies were replaced.
        case settingsUpdated
        /// The index was (re)built, for the reason given ("no index yet", "the corpus changed"…).
        case built(BuildReport, reason: String)
        /// The index was built from another corpus, at this location relative to the index's folder: it is used as
        /// it is, never rebuilt from a corpus it does not come from (``build(corpus:into:full:warn:progress:)``
        /// does that).
        case builtFromAnotherCorpus(String)
        /// The index is out of date, for the reason given, and another process is building it: it is used as it
        /// is meanwhile.
        case buildInProgress(reason: String)
    }

    /// Brings an index up to date with its corpus: builds it when missing, rebuilds it when the corpus changed or
    /// it was built by an older version, and replaces only its synonym list when only that changed (in a new file,
    /// renamed over the old one, like every change to an index).
    ///
    /// A file at `index` that is not an ask index, a damaged index, and an index of a newer version are never
    /// overwritten: the error is thrown. Nor is an index built from another corpus (a collection indexed with
    /// `--corpus`, then searched without it). When another process is building the index, an index that can be read
    /// is used as it is (``Refresh/buildInProgress(reason:)``); a missing or outdated one is waited for.
    /// - Parameters:
    ///   - warn: called with one line for each file skipped and each part of a file left out, when it builds.
    ///   - progress: called as a build goes, when it builds (see ``build(corpus:into:full:warn:progress:)``).
    @discardableResult
    public func refresh(
        corpus: URL, index: URL, warn: (String) -> Void = { _ in },
        progress: @escaping (BuildProgress) -> Void = { _ in }
    ) throws -> Refresh {
        let folder = Corpus(corpus)
        switch try freshness(of: index, corpus: folder) {
        case .fresh(let refresh):
            return refresh
        case .stale(let reason, let isReadable, let settingsOnly):
            guard folder.exists else { throw AskError.corpusMissing(folder.url.path) }
            let lock = try Self.lock(index)
            if isReadable {
                guard lock.tryLock() else { return .buildInProgress(reason: reason) }
            } else {
                try lock.lock { progress(BuildProgress(stage: .waiting)) }
            }
            // Another process may have brought the index up to date while this one waited.
            if case .fresh(let refresh) = try freshness(of: index, corpus: folder) { return refresh }
            let report = try withExtendedLifetime(lock) {
                try buildHoldingLock(corpus: corpus, into: index, full: false, warn: warn, progress: progress)
            }
            if !report.indexChanged { return .current }
            let readNothing = report.change.map { $0.filesRead == 0 && $0.filesRemoved == 0 } ?? false
            return settingsOnly && readNothing ? .settingsUpdated : .built(report, reason: reason)
        }
    }

    /// Whether an index matches its corpus.
    private enum Freshness {
        /// Nothing to build.
        case fresh(Refresh)
        /// A build is due, for `reason`; `isReadable` when the index can answer meanwhile.
        case stale(reason: String, isReadable: Bool, settingsOnly: Bool)
    }

    private func freshness(of index: URL, corpus folder: Corpus) throws -> Freshness {
        do {
            let info = try IndexStore(url: index).info
            guard folder.exists else { return .fresh(.corpusAbsent) }
            let location = Self.location(of: folder.url, seenFrom: index)
            if !info.corpusLocation.isEmpty, info.corpusLocation != location {
                return .fresh(.builtFromAnotherCorpus(info.corpusLocation))
            }
            guard info.corpusFingerprint == (try folder.fingerprint()) else {
                return .stale(
                    reason: "the corpus changed since the index was built", isReadable: true, settingsOnly: false)
            }
            guard info.vectorTable == embedder?.fingerprint else {
                return .stale(
                    reason: "the index's passage vectors were made by another table", isReadable: true,
                    settingsOnly: false)
            }
            if sentenceModel.asksForAnother(than: info.sentenceModel) {
                return .stale(
                    reason: "the index's sentence vectors were made by another model, or none", isReadable: true,
                    settingsOnly: false)
            }
            guard info.synonymsFingerprint == Self.synonymsFingerprint(folder), info.disclaimer == (try folder.disclaimer())
            else {
                return .stale(reason: "the corpus settings changed", isReadable: true, settingsOnly: true)
            }
            return .fresh(.current)
        } catch AskError.indexMissing {
            return .stale(reason: "no index yet", isReadable: false, settingsOnly: false)
        } catch AskError.indexOutdated {
            return .stale(
                reason: "the index was built by an older version of ask", isReadable: false, settingsOnly: false)
        }
    }
}
