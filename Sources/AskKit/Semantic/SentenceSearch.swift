import Foundation
import GRDB

/// Finds the passages whose sentence-model vectors (``SentenceVectorTable``) lie nearest a question's, by exact
/// search over every passage (the vectors read once and kept).
struct SentenceSearch: Sendable {
    let model: SentenceModel
    private let everyVector = LazyValue<StoredVectors>()

    init(model: SentenceModel) { self.model = model }

    /// The `limit` passages nearest the question by the model, nearest first, with their cosine similarities.
    func nearest(
        toQuestion question: String, limit: Int, db: Database
    ) throws -> [(passage: Int64, similarity: Float)] {
        let vector = model.vector(for: String(QueryCompiler.readPart(of: question)))
        return try everyVector.value { try SentenceVectorTable.vectors(db) }.nearest(to: vector, limit: limit)
    }
}
