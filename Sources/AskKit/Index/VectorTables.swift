import Foundation
import GRDB
import GRDBSQLite

/// The index's passage vectors: `passage_vectors` holds one row per passage (its list, a BLOB of int8 values and a
/// REAL scale), clustered by list so that reading a list reads neighbouring pages; `vector_lists` holds each list's
/// centroid (float32 BLOBs) when the index is clustered, and is empty when it is searched exactly.
///
/// ```sql
/// SELECT passage_id, length(vector), scale FROM passage_vectors LIMIT 3;
/// ```
enum VectorTables {
    static let schema = """
        CREATE TABLE passage_vectors(
            list INTEGER NOT NULL, passage_id INTEGER NOT NULL, scale REAL NOT NULL, vector BLOB NOT NULL,
            PRIMARY KEY(list, passage_id)
        ) WITHOUT ROWID;
        CREATE TABLE vector_lists(list INTEGER PRIMARY KEY, centroid BLOB NOT NULL);
        """

    /// A full build's vectors: clustered when there are many (``VectorClusters/clusteringThreshold``). The index of
    /// passages to vectors is made after them, from one sort, instead of taking each passage at a random place while
    /// the vectors go in list by list (at 1M passages: 3.1 s to insert them, then 0.6 s to make the index).
    static func write(_ vectors: [(passage: Int64, vector: PassageVector)], into db: Database) throws {
        var lists = [Int32](repeating: 0, count: vectors.count)
        if vectors.count >= VectorClusters.clusteringThreshold {
            let fitted = VectorClusters.fit(vectors.map(\.vector))
            lists = fitted.lists
            try writeCentroids(fitted.clusters, into: db)
        }
        let order = vectors.indices.sorted { (lists[$0], vectors[$0].passage) < (lists[$1], vectors[$1].passage) }
        let insert = try insertStatement(db)
        for index in order {
            try insert.insert([
                .integer(Int64(lists[index])), .integer(vectors[index].passage),
                .double(Double(vectors[index].vector.scale)), .blob(vectors[index].vector.bytes),
            ])
        }
        try db.execute(sql: "CREATE INDEX passage_vectors_by_passage ON passage_vectors(passage_id)")
    }

    /// An incremental build's new vectors, each in the list of its nearest centroid.
    static func add(_ vectors: [(passage: Int64, vector: PassageVector)], into db: Database) throws {
        let clusters = try self.clusters(db)
        let insert = try insertStatement(db)
        for (passage, vector) in vectors {
            try insert.insert([
                .integer(Int64(clusters?.list(for: vector) ?? 0)), .integer(passage),
                .double(Double(vector.scale)), .blob(vector.bytes),
            ])
        }
    }

    /// The lists' centroids; `nil` when the index is searched exactly.
    static func clusters(_ db: Database) throws -> VectorClusters? {
        let rows = try Row.fetchAll(db, sql: "SELECT centroid FROM vector_lists ORDER BY list")
        guard !rows.isEmpty else { return nil }
        return VectorClusters(centroids: rows.map { row in
            let data: Data = row[0]
            return data.withUnsafeBytes { Array($0.bindMemory(to: Float32.self)) }
        })
    }

    /// The vectors of some lists (all of them when `lists` is `nil`), with their passages' ids.
    static func vectors(_ db: Database, inLists lists: [Int32]? = nil) throws -> StoredVectors {
        var stored = StoredVectors()
        let filter = lists.map { " WHERE list IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
        let statement = try db.makeStatement(sql: "SELECT passage_id, scale, vector FROM passage_vectors" + filter)
        // Stepped through SQLite's C interface, the bytes copied straight into one buffer: GRDB's rows cost a
        // `Data` each, most of the time of reading a list.
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            guard code == SQLITE_ROW else {
                if code == SQLITE_DONE { break }
                throw Statement.error(code, in: handle)
            }
            let count = Int(sqlite3_column_bytes(handle, 2))
            let bytes = sqlite3_column_blob(handle, 2).map {
                UnsafeRawBufferPointer(start: $0, count: count)
            } ?? UnsafeRawBufferPointer(start: nil, count: 0)
            stored.append(
                passage: sqlite3_column_int64(handle, 0), scale: Float(sqlite3_column_double(handle, 1)), bytes: bytes)
        }
        return stored
    }

    /// The cosine similarities of some passages' vectors to a unit vector, by passage id.
    static func similarities(of passages: [Int64], to vector: [Float], db: Database) throws -> [Int64: Float] {
        guard !passages.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT passage_id, scale, vector FROM passage_vectors
            WHERE passage_id IN (\(passages.map(String.init).joined(separator: ",")))
            """)
        let query = QueryVector(vector)
        var similarities: [Int64: Float] = [:]
        for row in rows {
            let stored = PassageVector(scale: Float(row[1] as Double), bytes: row[2])
            if stored.values.count == query.dimensions { similarities[row[0]] = stored.similarity(to: query) }
        }
        return similarities
    }

    private static func writeCentroids(_ clusters: VectorClusters, into db: Database) throws {
        let statement = try db.makeStatement(sql: "INSERT INTO vector_lists(list, centroid) VALUES (?, ?)")
        for (list, centroid) in clusters.centroids.enumerated() {
            try statement.insert([.integer(Int64(list)), .blob(centroid.withUnsafeBytes { Data($0) })])
        }
    }

    private static func insertStatement(_ db: Database) throws -> Statement {
        try db.makeStatement(sql: "INSERT INTO passage_vectors(list, passage_id, scale, vector) VALUES (?, ?, ?, ?)")
    }
}

/// Passage vectors read from the index, in one contiguous block.
struct StoredVectors: Sendable {
    private(set) var passages: [Int64] = []
    private(set) var scales: [Float] = []
    /// `dimensions` bytes per passage.
    private(set) var values: [Int8] = []

    mutating func append(passage: Int64, scale: Float, bytes: UnsafeRawBufferPointer) {
        passages.append(passage)
        scales.append(scale)
        values.append(contentsOf: bytes.bindMemory(to: Int8.self))
    }

    /// The `limit` passages most similar to a unit vector, most similar first.
    func nearest(to vector: [Float], limit: Int) -> [(passage: Int64, similarity: Float)] {
        let query = QueryVector(vector)
        guard !passages.isEmpty, values.count == passages.count * query.dimensions else { return [] }
        var nearest = MostSimilar<Int64>(limit: limit)
        values.withUnsafeBufferPointer { values in
            for index in passages.indices {
                nearest.offer(
                    passages[index],
                    similarity: query.dot(values.baseAddress! + index * query.dimensions, storedScale: scales[index]))
            }
        }
        return nearest.kept.map { ($0.item, $0.similarity) }
    }
}
