import Foundation
import GRDB

/// Read-only access to an index file: opens and checks it, and runs the engine's queries.
struct IndexStore: Sendable {
    /// A passage the full-text or the semantic search found, with its BM25 score (higher is better).
    struct Candidate: Sendable {
        var id: Int64
        var passage: Passage
        var bm25: Double
        /// The cosine similarity of its vector and the question's; 0 without semantic matching.
        var similarity: Double = 0
    }

    /// BM25 weights of the title, section and body columns. Title 3: MedQuAD dev nDCG@10 0.601 → 0.657 with BM25
    /// alone (its documents share topic titles); section 2 measured best on the seed questions.
    static let columnWeights = (title: 3.0, section: 2.0, body: 1.0)

    /// BM25's term-frequency saturation and length normalisation. FTS5's `bm25()` fixes 1.2 and 0.75; k1 1.5
    /// measured better on both collections (SciFact train nDCG@10 0.6986 → 0.7000, MedQuAD dev 500 queries
    /// 0.6747 → 0.6755; k1 1.8 gains SciFact but loses MedQuAD).
    static let bm25Parameters = (k1: 1.5, b: 0.75)

    let url: URL
    let info: IndexInfo
    private let readers: ReaderPool

    /// How long a reader waits for another program's write to the file (a `sqlite3` shell's `INSERT`, say) before
    /// it gives up: such writes take milliseconds; ask's own builds never write a file that readers have open.
    static let busyTimeout: TimeInterval = 3

    /// Opens an index for reading, by up to `readers` connections at once (opened as concurrent reads need them).
    /// - Throws: ``AskError/indexMissing(_:)``, ``AskError/notAnIndex(_:reason:)``,
    ///   ``AskError/indexUnreadable(_:reason:)``, ``AskError/indexOutdated(_:found:expected:)`` or
    ///   ``AskError/indexFromNewerVersion(_:found:supported:)``.
    init(url: URL, readers: Int = 1) throws {
        self.url = url
        switch IndexFile.status(of: url) {
        case .missing: throw AskError.indexMissing(url.path)
        case .foreign(let what): throw AskError.notAnIndex(url.path, reason: what)
        case .ours(let version) where version > IndexSchema.version:
            throw AskError.indexFromNewerVersion(url.path, found: version, supported: IndexSchema.version)
        case .ours(let version) where version < IndexSchema.version:
            throw AskError.indexOutdated(url.path, found: version, expected: IndexSchema.version)
        case .ours: break
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "ask index"
        configuration.prepareDatabase { db in
            // Read pages through a memory map and keep more of them: queries touch the same FTS5 segments. The map
            // covers the whole file up to SQLite's own cap (2 GiB in Debian's build): at 1 GiB, a 1M index's pages
            // past the first GiB were copied in by `pread`, and 150 MedQuAD questions took 8-21% more perf samples.
            try db.execute(sql: "PRAGMA mmap_size = 1099511627776; PRAGMA cache_size = -65536")
            BM25Function.register(in: db)
        }
        do {
            let pool = try ReaderPool(path: url.path, maximum: readers) {
                try DatabaseQueue(path: url.path, configuration: configuration)
            }
            self.readers = pool
            info = try pool.read { db in try Self.check(db, path: url.path) }
        } catch let error as AskError {
            throw error
        } catch let error as DatabaseError {
            throw AskError.indexUnreadable(url.path, reason: Self.describe(error))
        } catch {
            throw AskError.indexUnreadable(url.path, reason: error.localizedDescription)
        }
    }

    /// The folder of the sentence model an index of this or an earlier version records (`nil` when it records none
    /// or is not an ask index), so that rebuilding an index of an earlier version keeps its model.
    static func sentenceModelFolder(recordedIn url: URL) -> String? {
        guard case .ours = IndexFile.status(of: url) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        return try? DatabaseQueue(path: url.path, configuration: configuration).read { db in
            try String.fetchOne(
                db, sql: "SELECT value FROM build_info WHERE key = ?", arguments: [IndexSchema.Info.sentenceModelFolder])
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try readers.read(body)
        } catch let error as DatabaseError {
            throw AskError.indexUnreadable(url.path, reason: Self.describe(error))
        }
    }

    /// Whether ``readIfIdle(_:)`` would run its work now (a hint: it may not by the time it is called).
    var mayReadAlongside: Bool { readers.mayReadAlongside }

    /// Runs `body` on the spare connection kept for work alongside a read in progress (which would otherwise wait for
    /// the read's end), while the engine has cores to spare; `nil`, without waiting, otherwise
    /// (``ReaderPool/readIfIdle(_:)``).
    func readIfIdle<T>(_ body: (Database) throws -> T) throws -> T? {
        do {
            return try readers.readIfIdle(body)
        } catch let error as DatabaseError {
            throw AskError.indexUnreadable(url.path, reason: Self.describe(error))
        }
    }

    private static func check(_ db: Database, path: String) throws -> IndexInfo {
        // The header said ours; the database must agree (a damaged file may not).
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard applicationID == IndexSchema.applicationID, version == IndexSchema.version else {
            throw AskError.indexUnreadable(path, reason: "the file is damaged")
        }
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM build_info") { values[row["key"]] = row["value"] }
        return IndexInfo(
            schemaVersion: version, builtAt: values[IndexSchema.Info.builtAt] ?? "",
            corpusFingerprint: values[IndexSchema.Info.corpusFingerprint] ?? "",
            corpusLocation: values[IndexSchema.Info.corpusLocation] ?? "",
            synonymsFingerprint: values[IndexSchema.Info.synonymsFingerprint] ?? "",
            documents: Int(values[IndexSchema.Info.documents] ?? "") ?? 0,
            passages: Int(values[IndexSchema.Info.passages] ?? "") ?? 0,
            tokens: Int(values[IndexSchema.Info.tokens] ?? "") ?? 0,
            disclaimer: values[IndexSchema.Info.disclaimer],
            vectorTable: values[IndexSchema.Info.vectorTable],
            sentenceModel: values[IndexSchema.Info.sentenceModel],
            sentenceModelFolder: values[IndexSchema.Info.sentenceModelFolder])
    }

    private static func describe(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_NOTADB: "not a SQLite database"
        case .SQLITE_CORRUPT: "the file is damaged"
        case .SQLITE_CANTOPEN: "cannot open the file"
        case .SQLITE_PERM, .SQLITE_AUTH: "permission denied"
        case .SQLITE_BUSY: "another program kept it locked for writing for over \(Int(busyTimeout)) s; try again"
        case .SQLITE_READONLY where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK:
            "a program writing to it was stopped midway and left its journal"
        default: error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
    }

    // MARK: - Queries

    /// How ``candidates(_:matching:limit:order:)`` orders the matches it chooses.
    enum Order {
        /// Best BM25 first.
        case bm25
        /// Best BM25 without length normalisation first: cheaper (no length read per row), for choosing
        /// candidates that are rescored anyway.
        case bm25IgnoringLength
        /// The first matches in index order, unscored (BM25 0): costs nothing for the matches not returned.
        case index
    }

    /// The passages matching an FTS5 expression, in the given order.
    /// - Parameter phrasePassages: how many passages hold each phrase of the expression, in its order, when the
    ///   caller knows (BM25 then need not count them); empty to let FTS5 count.
    static func candidates(
        _ db: Database, matching expression: String, limit: Int, order: Order = .bm25, phrasePassages: [Int] = []
    ) throws -> [Candidate] {
        let weights = columnWeights
        let k1 = bm25Parameters.k1
        let b = order == .bm25IgnoringLength ? 0 : bm25Parameters.b
        let ranked = order != .index
        let arguments = [k1, b, weights.title, weights.section, weights.body].map { "\($0)" }
            + phrasePassages.map(String.init)
        let score = ranked ? "\(BM25Function.name)(passages_fts, \(arguments.joined(separator: ", ")))" : "0.0"
        // The top rows are chosen from the full-text index alone; only they are joined to their text.
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.id, p.title, p.section, p.body, p.line_start, p.line_end, p.page, d.doc, d.file, top.score
            FROM (
                SELECT rowid, \(score) AS score
                FROM passages_fts
                WHERE passages_fts MATCH ?
                \(ranked ? "ORDER BY score" : "")
                LIMIT ?
            ) AS top
            JOIN passages p ON p.id = top.rowid
            JOIN documents d ON d.id = p.document_id
            ORDER BY top.score
            """, arguments: [expression, limit])
        return rows.map { candidate($0, bm25: -($0["score"] as Double)) }
    }

    /// The passages with these ids, in the ids' order, with BM25 0.
    static func candidates(_ db: Database, ids: [Int64]) throws -> [Candidate] {
        guard !ids.isEmpty else { return [] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.id, p.title, p.section, p.body, p.line_start, p.line_end, p.page, d.doc, d.file
            FROM passages p JOIN documents d ON d.id = p.document_id
            WHERE p.id IN (\(ids.map(String.init).joined(separator: ",")))
            """)
        let found = Dictionary(rows.map { (($0["id"] as Int64), candidate($0, bm25: 0)) }) { first, _ in first }
        return ids.compactMap { found[$0] }
    }

    private static func candidate(_ row: Row, bm25: Double) -> Candidate {
        let lines: ClosedRange<Int> = row["line_start"]...max(row["line_start"], row["line_end"] as Int)
        return Candidate(
            id: row["id"],
            passage: Passage(
                document: row["doc"], file: row["file"], title: row["title"], section: row["section"],
                text: row["body"], lines: lines, page: row["page"]),
            bm25: bm25)
    }

    /// How many passages hold a stem.
    static func passageFrequency(_ db: Database, stem: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT passages FROM stems WHERE stem = ?", arguments: [stem]) ?? 0
    }

    /// The index's words, for typo correction.
    static func terms(_ db: Database) throws -> [TypoCorrector.Term] {
        try Row.fetchAll(db, sql: "SELECT word, stem, passages FROM terms").map {
            TypoCorrector.Term(word: $0["word"], stem: $0["stem"], passages: $0["passages"])
        }
    }

    /// The synonym list stored in the index.
    static func synonyms(_ db: Database) throws -> SynonymMap {
        let rows = try Row.fetchAll(db, sql: "SELECT rule, phrase, role FROM synonyms ORDER BY rule, rowid")
        var rules: [SynonymMap.Rule] = []
        for (_, group) in Dictionary(grouping: rows, by: { $0["rule"] as Int }).sorted(by: { $0.key < $1.key }) {
            func phrases(_ role: String) -> [[String]] {
                group.filter { $0["role"] == role }.map { ($0["phrase"] as String).split(separator: " ").map(String.init) }
            }
            let equivalents = phrases("equivalent")
            if !equivalents.isEmpty {
                rules.append(SynonymMap.Rule(inputs: equivalents, outputs: equivalents, isEquivalence: true))
            } else {
                rules.append(SynonymMap.Rule(inputs: phrases("input"), outputs: phrases("output"), isEquivalence: false))
            }
        }
        return SynonymMap(rules: rules)
    }

    /// The synonyms file's rules and the abbreviations the passages define.
    static func corpusSynonyms(_ db: Database) throws -> CorpusSynonyms {
        let abbreviations = try Row.fetchAll(db, sql: """
            SELECT short, long, passages FROM defined_abbreviations ORDER BY passages DESC, short, long
            """).map { CorpusSynonyms.Abbreviation(short: $0["short"], long: $0["long"], passages: $0["passages"]) }
        let off = try String.fetchOne(
            db, sql: "SELECT value FROM build_info WHERE key = ?", arguments: [IndexSchema.Info.corpusAbbreviations])
        return CorpusSynonyms(
            rules: try synonyms(db).rules, abbreviations: abbreviations, usesAbbreviations: off != "off")
    }
}
