/// How a passage's score came about (`ask search --explain`): its lexical and semantic evidence, and the part of
/// the ranking score each one makes.
///
/// In JSON, under a hit's `"explain"`: `{"bm25", "similarity", "lexical", "semantic"}`, and with a sentence model
/// `"fusion": {"engineRank", "engine", "modelRank", "modelSimilarity", "model"}` (see ``FusionShare``).
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
    /// With a sentence model, the shares of the engine's ranking and the model's in the fused score (the hit's
    /// score is their sum); `nil` without one.
    public var fusion: FusionShare?

    /// A passage's place in the two rankings that ``RankFusion`` fuses, and what each adds to its score.
    public struct FusionShare: Sendable, Hashable, Codable {
        /// Its rank in the engine's own ranking (from 1).
        public var engineRank: Int
        /// What that rank adds: 1 / (k + rank).
        public var engine: Double
        /// Its rank among the passages nearest the question by the sentence model (from 1); `nil` when not among
        /// them.
        public var modelRank: Int?
        /// Its similarity to the question by the model, when among the nearest: the cosine of its whole text's
        /// vector and the question's, blended with its most similar sentence's (``SentenceSearch/sentenceShare``).
        public var modelSimilarity: Double?
        /// What the model's rank adds: weight / (k + rank), or 0.
        public var model: Double

        /// Creates a share.
        public init(engineRank: Int, engine: Double, modelRank: Int?, modelSimilarity: Double?, model: Double) {
            self.engineRank = engineRank
            self.engine = engine
            self.modelRank = modelRank
            self.modelSimilarity = modelSimilarity
            self.model = model
        }
    }

    /// Creates an explanation.
    public init(bm25: Double, similarity: Double, lexical: Double, semantic: Double, fusion: FusionShare? = nil) {
        self.bm25 = bm25
        self.similarity = similarity
        self.lexical = lexical
        self.semantic = semantic
        self.fusion = fusion
    }
}
