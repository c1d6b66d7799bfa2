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

    /// A full build's vectors in the order they are written: each one's list, and the lists' centroids when there
    /// are many vectors (``VectorClusters/clusteringThreshold``). Fitted without the database, so that a build fits
    /// it while it writes its vocabulary (at 100k passages, 0.25 s of the 0.39 s that takes).
    struct Layout: Sendable {
        let vectors: [(passage: Int64, vector: PassageVector)]
        let lists: [Int32]
        let clusters: VectorClusters?
        /// Positions in `vectors`, by list and then passage.
        let order: [Int]

        init(_ vectors: [(passage: Int64, vector: PassageVector)]) {
            var lists = [Int32](repeating: 0, count: vectors.count)
            var clusters: VectorClusters?
            if vectors.count >= VectorClusters.clusteringThreshold {
                (clusters, lists) = VectorClusters.fit(vectors.map(\.vector))
            }
            order = vectors.indices.sorted { (lists[$0], vectors[$0].passage) < (lists[$1], vectors[$1].passage) }
            (self.vectors, self.lists, self.clusters) = (vectors, lists, clusters)
        }
    }

    /// Writes a full build's vectors. The index of passages to vectors is made after them, from one sort, instead
    /// of taking each passage at a random place while the vectors go in list by list (at 1M passages: 3.1 s to
    /// insert them, then 0.6 s to make the index).
    static func write(_ layout: Layout, into db: Database) throws {
        if let clusters = layout.clusters { try writeCentroids(clusters, into: db) }
        let insert = try insertStatement(db)
        for index in layout.order {
            let (passage, vector) = layout.vectors[index]
            try insert.insert([
                .integer(Int64(layout.lists[index])), .integer(passage), .double(Double(vector.scale)),
                .blob(vector.bytes),
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

    /// Every vector stored in `table`, with its passage's id, searched exactly by small indexes; in the order of
    /// `orderedBy`'s columns when given.
    static func vectors(
        _ db: Database, in table: String = "passage_vectors", orderedBy order: String? = nil
    ) throws -> StoredVectors {
        var stored = StoredVectors()
        try forEachVector(db, in: table, where: nil, orderedBy: order) {
            stored.append(passage: $0, scale: $1, bytes: $2)
        }
        return stored
    }

    /// The `limit` passages of some lists whose vectors are most similar to a question's, most similar first: each
    /// vector scored where SQLite holds it, without copying the lists out first (at 1M passages, 6 lists hold about
    /// 6,000 vectors).
    static func nearest(
        _ db: Database, inLists lists: [Int32], to query: QueryVector, limit: Int
    ) throws -> [(passage: Int64, similarity: Float)] {
        var nearest = MostSimilar<Int64>(limit: limit)
        try forEachVector(db, where: "list IN (\(lists.map(String.init).joined(separator: ",")))") {
            passage, scale, bytes in
            guard bytes.count == query.dimensions else { return }
            nearest.offer(passage, similarity: query.dot(bytes.baseAddress!, storedScale: scale))
        }
        return nearest.kept.map { ($0.item, $0.similarity) }
    }

    /// Calls `body` with each vector stored in `table` that a condition on its columns selects (every one when it
    /// is `nil`): its passage's id, its scale and its bytes, valid only during the call. Stepped through SQLite's C
    /// interface: GRDB's rows cost a `Data` each, most of the time of reading a list.
    private static func forEachVector(
        _ db: Database, in table: String = "passage_vectors", where condition: String?, orderedBy order: String? = nil,
        _ body: (Int64, Float, UnsafeBufferPointer<Int8>) throws -> Void
    ) throws {
        let filter = (condition.map { " WHERE " + $0 } ?? "") + (order.map { " ORDER BY " + $0 } ?? "")
        let statement = try db.makeStatement(sql: "SELECT passage_id, scale, vector FROM \(table)" + filter)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            guard code == SQLITE_ROW else {
                if code == SQLITE_DONE { break }
                throw Statement.error(code, in: handle)
            }
            let count = Int(sqlite3_column_bytes(handle, 2))
            let bytes = UnsafeBufferPointer(
                start: sqlite3_column_blob(handle, 2)?.assumingMemoryBound(to: Int8.self), count: count)
            try body(sqlite3_column_int64(handle, 0), Float(sqlite3_column_double(handle, 1)), bytes)
        }
    }

    /// The cosine similarities of some passages' vectors to a question's, by passage id.
    static func similarities(of passages: [Int64], to query: QueryVector, db: Database) throws -> [Int64: Float] {
        guard !passages.isEmpty else { return [:] }
        var similarities: [Int64: Float] = [:]
        try forEachVector(db, where: "passage_id IN (\(passages.map(String.init).joined(separator: ",")))") {
            passage, scale, bytes in
            guard bytes.count == query.dimensions else { return }
            similarities[passage] = query.dot(bytes.baseAddress!, storedScale: scale)
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

    mutating func append(passage: Int64, scale: Float, bytes: UnsafeBufferPointer<Int8>) {
        passages.append(passage)
        scales.append(scale)
        values.append(contentsOf: bytes)
    }

    /// The `limit` passages most similar to a unit vector, most similar first. A passage's rows are consecutive,
    /// the vector of its whole text first and then those of its sentences, if any (``SentenceVectorTable``): it
    /// scores `(1 − sentenceShare)` × its whole text's similarity + `sentenceShare` × its most similar sentence's, or
    /// its whole text's alone when it has no sentence vector (every passage of `passage_vectors`).
    func nearest(to vector: [Float], limit: Int, sentenceShare: Float = 0) -> [(passage: Int64, similarity: Float)] {
        let query = QueryVector(vector)
        guard !passages.isEmpty, values.count == passages.count * query.dimensions else { return [] }
        var nearest = MostSimilar<Int64>(limit: limit)
        values.withUnsafeBufferPointer { values in
            func similarity(_ row: Int) -> Float {
                query.dot(values.baseAddress! + row * query.dimensions, storedScale: scales[row])
            }
            var row = 0
            while row < passages.count {
                let passage = passages[row]
                let whole = similarity(row)
                var sentence: Float?
                row += 1
                while row < passages.count, passages[row] == passage {
                    sentence = max(sentence ?? -.infinity, similarity(row))
                    row += 1
                }
                nearest.offer(
                    passage, similarity: sentence.map { (1 - sentenceShare) * whole + sentenceShare * $0 } ?? whole)
            }
        }
        return nearest.kept.map { ($0.item, $0.similarity) }
    }
    /// The similarities to a question's vector of a passage's sentences, in order: its rows after its whole text's
    /// (``SentenceVectorTable``); none when it has no such rows. The rows must be ordered by passage.
    func sentenceSimilarities(of passage: Int64, to query: QueryVector) -> [Float] {
        guard values.count == passages.count * query.dimensions else { return [] }
        var low = 0, high = passages.count
        while low < high {
            let middle = (low + high) / 2
            if passages[middle] < passage { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < passages.count, passages[end] == passage { end += 1 }
        guard end - low > 1 else { return [] }
        return values.withUnsafeBufferPointer { values in
            (low + 1..<end).map { query.dot(values.baseAddress! + $0 * query.dimensions, storedScale: scales[$0]) }
        }
    }
}
