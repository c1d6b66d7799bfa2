import Foundation
import GRDB

/// The passages' vectors by a sentence model (`ask index --sentence-model`): `sentence_vectors` holds one row per
/// passage, a BLOB of int8 values and a REAL scale as `passage_vectors` does. The table exists only in indexes built
/// with a model, and is searched exactly: the option is for corpora small enough to embed with the model.
///
/// ```sql
/// SELECT passage_id, length(vector), scale FROM sentence_vectors LIMIT 3;
/// ```
enum SentenceVectorTable {
    static let name = "sentence_vectors"

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
                passage_id INTEGER PRIMARY KEY, scale REAL NOT NULL, vector BLOB NOT NULL)
            """)
        let missing = try Row.fetchAll(db, sql: """
            SELECT id, title, section, body FROM passages WHERE id NOT IN (SELECT passage_id FROM \(name)) ORDER BY id
            """).map { row -> (id: Int64, text: String) in
            let (title, section, body): (String, String?, String) = (row["title"], row["section"], row["body"])
            return (row["id"], [title, section ?? "", body].joined(separator: "\n"))
        }
        let insert = try db.makeStatement(sql: "INSERT INTO \(name)(passage_id, scale, vector) VALUES (?, ?, ?)")
        for start in stride(from: 0, to: missing.count, by: batch) {
            let rows = missing[start..<min(start + batch, missing.count)]
            for (row, vector) in zip(rows, model.vectors(for: rows.map(\.text))) {
                let stored = PassageVector(quantising: vector)
                try insert.insert([.integer(row.id), .double(Double(stored.scale)), .blob(stored.bytes)])
            }
            progress(start + rows.count, missing.count)
        }
    }

    /// Every stored vector, with its passage's id.
    static func vectors(_ db: Database) throws -> StoredVectors {
        try VectorTables.vectors(db, in: name)
    }
}
