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

    /// The question's vector by the model: of the part of it that is read (``QueryCompiler/readPart(of:)``).
    func vector(ofQuestion question: String) -> [Float] {
        model.vector(for: String(QueryCompiler.readPart(of: question)))
    }

    /// The `limit` passages nearest the question's vector by the model, nearest first, with their similarities.
    func nearest(to vector: [Float], limit: Int, db: Database) throws -> [(passage: Int64, similarity: Float)] {
        try vectors(db).nearest(to: vector, limit: limit, sentenceShare: Self.sentenceShare)
    }

    /// The similarity to the question's vector of each sentence of the passages that has a vector of its own
    /// (``SentenceVectorTable/sentences(ofBody:)``), by its text.
    func sentenceSimilarities(
        to vector: [Float], in passages: [(id: Int64, body: String)], db: Database
    ) throws -> [String: Double] {
        let stored = try vectors(db)
        let query = QueryVector(vector)
        var similarities: [String: Double] = [:]
        for passage in passages {
            let sentences = SentenceVectorTable.sentences(ofBody: passage.body)
            let found = stored.sentenceSimilarities(of: passage.id, to: query)
            guard found.count == sentences.count else { continue }
            for (sentence, similarity) in zip(sentences, found) { similarities[String(sentence)] = Double(similarity) }
        }
        return similarities
    }

    private func vectors(_ db: Database) throws -> StoredVectors {
        try everyVector.value { try SentenceVectorTable.vectors(db) }
    }
}
