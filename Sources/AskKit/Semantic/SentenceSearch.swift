import Foundation
import GRDB

/// Finds the passages whose sentence-model vectors (``SentenceVectorTable``) lie nearest a question's, by exact
/// search over every passage (the vectors read once and kept).
struct SentenceSearch: Sendable {
    let model: SentenceModel
    private let everyVector = LazyValue<StoredVectors>()

    /// How much a passage's most similar sentence counts beside its whole text (``StoredVectors/nearest(to:limit:sentenceShare:)``).
    /// Chosen on MASH-QA train (2,420 questions; recall@3 / f1_all): the whole text alone 0.843 / 0.2294, 0.5
    /// 0.870 / 0.2413, 0.75 0.876 / 0.2395; the most similar sentence alone (on 1,200 of them) 0.869 / 0.2359 against
    /// the whole text's 0.854 / 0.2265. On dev, 0.886 / 0.2620 -> 0.895 / 0.2631 (Benchmarks/README.md, "A passage's
    /// sentences in the sentence model's search").
    static let sentenceShare: Float = 0.5

    init(model: SentenceModel) { self.model = model }

    /// The `limit` passages nearest the question by the model, nearest first, with their similarities.
    func nearest(
        toQuestion question: String, limit: Int, db: Database
    ) throws -> [(passage: Int64, similarity: Float)] {
        let vector = model.vector(for: String(QueryCompiler.readPart(of: question)))
        return try everyVector.value { try SentenceVectorTable.vectors(db) }
            .nearest(to: vector, limit: limit, sentenceShare: Self.sentenceShare)
    }
}
