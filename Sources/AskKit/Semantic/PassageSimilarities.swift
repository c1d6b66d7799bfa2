import GRDB

/// The cosine similarities of passages' vectors to a question's: the passages semantic search found come with
/// theirs, and the others' vectors are read from the index when asked for.
///
/// At 1M passages, reading the vectors of all of a question's 70 or so candidates took about 0.5 ms of its 6
/// (`ask batch` over 300 MedQuAD dev questions); the rules' ranking, which does not weigh meaning, needs them only
/// for the passages shown and answered from.
struct PassageSimilarities {
    private let question: QueryVector
    private let nearest: [Int64: Float]

    init(question vector: [Float], nearest: [(passage: Int64, similarity: Float)]) {
        question = QueryVector(vector)
        self.nearest = Dictionary(nearest.map { ($0.passage, $0.similarity) }) { first, _ in first }
    }

    /// The similarities of these passages (and of the nearest ones), by id; a passage without a stored vector has
    /// none.
    func of(_ passages: [Int64], db: Database) throws -> [Int64: Float] {
        let read = try VectorTables.similarities(of: passages.filter { nearest[$0] == nil }, to: question, db: db)
        return nearest.merging(read) { first, _ in first }
    }
}
