import Foundation
import GRDB

/// Finds the passages whose vectors lie nearest a question's: every passage of an index searched exactly (its
/// vectors read once and kept), or the passages of the lists nearest the question in a clustered one
/// (``VectorClusters``).
struct SemanticSearch: Sendable {
    let embedder: TextEmbedder
    private let clusters: VectorClusters?
    private let everyVector = LazyValue<StoredVectors>()

    /// Semantic search over an index whose vectors `embedder` made.
    init(embedder: TextEmbedder, db: Database) throws {
        self.embedder = embedder
        clusters = try VectorTables.clusters(db)
    }

    /// The vector of a question, cut where the query compiler cuts it.
    func vector(ofQuestion question: String) -> [Float] {
        embedder.vector(for: String(QueryCompiler.readPart(of: question)))
    }

    /// The `limit` passages nearest a unit vector, nearest first, with their cosine similarities; a clustered index
    /// reads its `probedLists` lists nearest the vector (all of them search it exactly).
    func nearest(
        to vector: [Float], limit: Int, probedLists: Int = VectorClusters.probedLists, db: Database
    ) throws -> [(passage: Int64, similarity: Float)] {
        guard vector.contains(where: { $0 != 0 }) else { return [] }
        if let clusters {
            let lists = clusters.nearestLists(to: vector, count: max(1, probedLists))
            return try VectorTables.nearest(db, inLists: lists, to: QueryVector(vector), limit: limit)
        }
        return try everyVector.value { try VectorTables.vectors(db) }.nearest(to: vector, limit: limit)
    }
}
