import Foundation
import GRDB

/// The passages' vectors by a sentence model (`ask index --sentence-model`): `sentence_vectors` holds, for each
/// passage, the vector of its whole text (part 0: title, section and body, as many tokens as the model reads) and one
/// of each sentence of its body of at least ``shortestSentence`` words (parts 1…, in order), each a BLOB of int8
/// values and a REAL scale as `passage_vectors` does. A sentence's own vector finds the passage whose answer is one
/// sentence of many, or lies past the tokens the model reads of the whole. The table exists only in indexes built with
/// a model, and is searched exactly: the option is for corpora small enough to embed with the model.
///
/// ```sql
/// SELECT passage_id, part, length(vector), scale FROM sentence_vectors LIMIT 3;
/// ```
enum SentenceVectorTable {
    static let name = "sentence_vectors"
    /// Shorter sentences ("See below.", a heading left in the body) get no vector of their own.
    static let shortestSentence = 3

    /// Whether the index has the table.
    static func exists(_ db: Database) throws -> Bool { try db.tableExists(name) }

    /// Embeds every passage that has no sentence vector yet (all of them in a new index, the added ones in an
    /// update), on every core, `batch` passages at a time, and stores their vectors; `progress` is told how many
    /// of how many are done after each batch.
    static func embedMissing(
        using model: SentenceModel, in db: Database, batch: Int = 256, progress: (Int, Int) -> Void = { _, _ in }
    ) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS \(name)(
                passage_id INTEGER NOT NULL, part INTEGER NOT NULL, scale REAL NOT NULL, vector BLOB NOT NULL,
                PRIMARY KEY(passage_id, part)
            ) WITHOUT ROWID
            """)
        let missing = try Row.fetchAll(db, sql: """
            SELECT id, title, section, body FROM passages WHERE id NOT IN (SELECT passage_id FROM \(name)) ORDER BY id
            """).map { row -> (id: Int64, title: String, section: String?, body: String) in
            (row["id"], row["title"], row["section"], row["body"])
        }
        let insert = try db.makeStatement(
            sql: "INSERT INTO \(name)(passage_id, part, scale, vector) VALUES (?, ?, ?, ?)")
        for start in stride(from: 0, to: missing.count, by: batch) {
            let passages = missing[start..<min(start + batch, missing.count)]
            let parts = passages.flatMap(Self.parts(of:))
            for (part, vector) in zip(parts, model.vectors(for: parts.map(\.text))) {
                let stored = PassageVector(quantising: vector)
                try insert.insert([
                    .integer(part.passage), .integer(Int64(part.number)), .double(Double(stored.scale)),
                    .blob(stored.bytes),
                ])
            }
            progress(start + passages.count, missing.count)
        }
    }

    /// The texts a passage's vectors are made of: its whole text first, then its sentences.
    private static func parts(
        of passage: (id: Int64, title: String, section: String?, body: String)
    ) -> [(passage: Int64, number: Int, text: String)] {
        let whole = [passage.title, passage.section ?? "", passage.body].joined(separator: "\n")
        return [(passage.id, 0, whole)] + sentences(ofBody: passage.body).enumerated().map {
            (passage.id, $0 + 1, String($1))
        }
    }

    /// The sentences of a passage's body that get vectors of their own, in order: parts 1….
    static func sentences(ofBody body: String) -> [Substring] {
        SentenceSplitter().sentences(in: body).map { body[$0] }
            .filter { $0.split(whereSeparator: \.isWhitespace).count >= shortestSentence }
    }

    /// Every stored vector with its passage's id, a passage's rows together and its whole text's first
    /// (``StoredVectors/nearest(to:limit:sentenceShare:)``).
    static func vectors(_ db: Database) throws -> StoredVectors {
        try VectorTables.vectors(db, in: name, orderedBy: "passage_id, part")
    }
}
