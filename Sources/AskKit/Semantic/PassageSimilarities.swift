import GRDB

/// The cosine similarities of passages' vectors to a question's, read from the index as they are asked for: the
/// passages semantic search found come with theirs, and each other passage's vector is read once.
///
/// At 1M passages, reading the vectors of all of a question's 70 or so candidates took about 0.5 ms of its 6
/// (`ask batch` over 300 MedQuAD dev questions); the rules' ranking, which does not weigh meaning, needs them only
/// for the passages shown and answered from.
struct PassageSimilarities {
    private let question: QueryVector
    private var known: [Int64: Float]

    init(question vector: [Float], nearest: [(passage: Int64, similarity: Float)]) {
        question = QueryVector(vector)
        known = Dictionary(nearest.map { ($0.passage, $0.similarity) }) { first, _ in first }
    }

    /// The similarities of these passages, by id; a passage without a stored vector has none.
    mutating func of(_ passages: [Int64], db: Database) throws -> [Int64: Float] {
        let unread = passages.filter { known[$0] == nil }
        known.merge(try VectorTables.similarities(of: unread, to: question, db: db)) { first, _ in first }
        return known
    }
}
