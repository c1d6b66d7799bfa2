/// How a passage's score came about (`ask search --explain`): its lexical and semantic evidence, and the part of
/// the ranking score each one makes.
///
/// In JSON, under a hit's `"explain"`: `{"bm25", "similarity", "lexical", "semantic"}`.
public struct ScoreExplanation: Sendable, Hashable, Codable {
    /// The passage's BM25 score for the question's words (title, section and text weighted; higher is better).
    public var bm25: Double
    /// The cosine similarity of the passage's vector and the question's; 0 without semantic matching.
    public var similarity: Double
    /// The part of the ranking score that words make: the built-in rules' whole score, or the learned ranking's
    /// log-odds from its word features.
    public var lexical: Double
    /// The part that meaning makes: the learned ranking's log-odds from the similarity features; 0 under the
    /// built-in rules, which do not weigh similarity (it only brings candidates).
    public var semantic: Double

    /// Creates an explanation.
    public init(bm25: Double, similarity: Double, lexical: Double, semantic: Double) {
        self.bm25 = bm25
        self.similarity = similarity
        self.lexical = lexical
        self.semantic = semantic
    }
}
