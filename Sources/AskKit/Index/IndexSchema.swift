import GRDB

/// The layout of an index file. Plain SQLite and FTS5 with built-in tokenizers only, so a stock `sqlite3` shell
/// can query it:
///
/// ```sql
/// SELECT p.title, p.line_start, p.line_end, p.body
/// FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid
/// WHERE passages_fts MATCH 'vertebroplasty' ORDER BY rank LIMIT 5;
/// ```
enum IndexSchema {
    /// Bumped whenever the layout or the meaning of a table changes; an index of another version is rebuilt.
    static let version = 9
    /// `PRAGMA application_id`: "ASK1", marks the file as an ask index.
    static let applicationID: Int32 = 0x4153_4B31
    /// The FTS5 tokenizer of the passage table.
    static let tokenizer = "porter unicode61 remove_diacritics 2"

    /// SQLite's page size, 16 KB instead of its 4 KB default: builds write fewer, fuller pages (100k passages: a
    /// build 7.1 s -> 6.5 s on average over 4 alternating rounds, the file 4% smaller; queries as fast).
    static let pageSize = 16_384

    static func create(in db: Database) throws {
        try db.execute(sql: """
            PRAGMA page_size = \(pageSize);
            PRAGMA auto_vacuum = INCREMENTAL;
            PRAGMA application_id = \(applicationID);
            PRAGMA user_version = \(version);
            CREATE TABLE build_info(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE files(
                path TEXT PRIMARY KEY, content_hash TEXT NOT NULL, size INTEGER NOT NULL, modified REAL NOT NULL
            );
            CREATE TABLE documents(
                id INTEGER PRIMARY KEY,
                doc TEXT NOT NULL,
                file TEXT NOT NULL REFERENCES files(path),
                title TEXT NOT NULL
            );
            CREATE INDEX documents_by_file ON documents(file);
            CREATE TABLE passages(
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id),
                title TEXT NOT NULL,
                section TEXT,
                body TEXT NOT NULL,
                line_start INTEGER NOT NULL,
                line_end INTEGER NOT NULL,
                page INTEGER -- the page of a paged file (PDF), whose lines line_start and line_end are; else NULL
            );
            CREATE INDEX passages_by_document ON passages(document_id);
            CREATE VIRTUAL TABLE passages_fts USING fts5(
                title, section, body,
                content='passages', content_rowid='id',
                tokenize='\(tokenizer)'
            );
            CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');
            CREATE TABLE terms(word TEXT PRIMARY KEY, stem TEXT NOT NULL, passages INTEGER NOT NULL) WITHOUT ROWID;
            -- How many passages hold each stem: FTS5's document frequencies, kept because fts5vocab counts them by
            -- reading a stem's whole doclist, which costs milliseconds for common stems of a large index.
            CREATE TABLE stems(stem TEXT PRIMARY KEY, passages INTEGER NOT NULL) WITHOUT ROWID;
            -- Files a build could not use (an unsupported type, not text…), as listed then: a later build warns of
            -- one again only when it changed.
            CREATE TABLE skipped_files(
                path TEXT PRIMARY KEY, size INTEGER NOT NULL, modified REAL NOT NULL, reason TEXT NOT NULL
            ) WITHOUT ROWID;
            -- The hashes of the distinct lines of each HTML page (8 bytes each, little-endian), from which builds find
            -- the text a site repeats on many pages (SiteFurniture) without reading unchanged pages again.
            CREATE TABLE page_lines(file TEXT PRIMARY KEY, hashes BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE synonyms(rule INTEGER NOT NULL, phrase TEXT NOT NULL, role TEXT NOT NULL
                CHECK (role IN ('equivalent', 'input', 'output')));
            """)
        try db.execute(sql: VectorTables.schema)
        try db.execute(sql: """
            -- Abbreviations the passages define ("magnetic resonance imaging (MRI)"): synonyms the corpus teaches.
            CREATE TABLE abbreviations(passage_id INTEGER NOT NULL, short TEXT NOT NULL, long TEXT NOT NULL);
            CREATE INDEX abbreviations_by_passage ON abbreviations(passage_id);
            -- Each abbreviation once, with how many passages define it: kept by builds, so that opening an engine
            -- reads a short list instead of grouping every definition (214,054 of them at 1M passages).
            CREATE TABLE defined_abbreviations(
                short TEXT NOT NULL, long TEXT NOT NULL, passages INTEGER NOT NULL, PRIMARY KEY(short, long)
            ) WITHOUT ROWID;
            """)
    }

    /// Keys of the `build_info` table.
    enum Info {
        static let schemaVersion = "schema_version"
        static let builtAt = "built_at"
        static let corpusFingerprint = "corpus_fingerprint"
        static let synonymsFingerprint = "synonyms_fingerprint"
        /// The corpus path relative to the index's folder.
        static let corpusLocation = "corpus_location"
        static let tokenizer = "tokenizer"
        static let documents = "documents"
        static let passages = "passages"
        /// How many tokens the passages hold in all, for BM25's average passage length.
        static let tokens = "tokens"
        /// The corpus's disclaimer; absent when it has none.
        static let disclaimer = "disclaimer"
        /// The fingerprint of the table of token vectors that made the passage vectors; absent without vectors.
        static let vectorTable = "vector_table"
        /// The fingerprint of the sentence model that made the sentence vectors; absent without them.
        static let sentenceModel = "sentence_model"
        /// The folder the sentence model was read from; absent without sentence vectors.
        static let sentenceModelFolder = "sentence_model_folder"
        /// "off" when the synonyms file turns the corpus's abbreviations off; absent otherwise.
        static let corpusAbbreviations = "corpus_abbreviations"
    }
}
