import Foundation

/// Reorders the passages BM25 found by how well each answers the question: BM25 itself, the share of the
/// question's concepts the passage holds (rare concepts weigh more; synonyms and corrections a little less than
/// exact words), how close together they stand, and whether the passage has the shape the question asks for.
struct Reranker: Sendable {
    /// How much each signal counts in the final score. Set on the seed questions; each alone moved to either side
    /// (MASH-QA dev recall@3 / MedQuAD dev nDCG@10 / SciFact train nDCG@10; as set: 0.844 / 0.7327 / 0.6964):
    /// bm25 0.1: 0.836 / 0.7339 / 0.6842, 0.3: 0.845 / 0.7227 / 0.6988; coverage 0.45: 0.848 / 0.7285 / 0.6975,
    /// 0.75: 0.841 / 0.7334 / 0.6960; proximity 0: 0.830 / 0.6962 / 0.6945, 0.2: 0.849 / 0.7245 / 0.6881; shape 0:
    /// 0.842 / 0.6989 / 0.6951, 0.2: 0.835 / 0.7299 / 0.6934. No change gains on all three collections: each trades
    /// one against another. The learned ranking (`ask train`) fits its weights on data instead.
    struct Weights: Sendable {
        var bm25 = 0.2
        var coverage = 0.6
        var proximity = 0.1
        var shape = 0.1
        // No weight for the similarity of meaning: adding w × (similarity relative to the best candidate's) to
        // this score, MASH-QA train recall@3 0.796 -> 0.804 / 0.806 / 0.807 (w 0.1 / 0.2 / 0.3) but MedQuAD dev's
        // train half nDCG@10 0.7407 -> 0.7368 / 0.7243 / 0.7096, SciFact 0.7000 -> 0.6998 / 0.7023 / 0.7030. A
        // learned ranking weighs it instead (see ``Reranker/featureNames``).
    }

    /// A passage with its final score and what it matched.
    struct Ranked: Sendable {
        var candidate: IndexStore.Candidate
        var score: Double
        /// The share of the question's concepts the passage's own text (section and body) holds: what decides
        /// whether it answers. Ranking also counts the document title, which says what the passage is about.
        var coverage: Double
        /// ``Reranker/featureNames`` in order: what a learned ranking weighs.
        var features: [Double] = []
        /// The parts of the score (before a learned score becomes odds) that words and meaning make.
        var parts: (lexical: Double, semantic: Double) = (0, 0)
        /// The question's concepts in the passage's own text (section and body), where they stand.
        var textMatches: [ConceptMatcher.Match] = []
    }

    var weights = Weights()
    /// A learned ranking (fitted by `ask train`) to score passages with instead of ``weights``.
    var learned: ConditionalLogit? = nil

    /// What each passage feature is, in the order of ``Ranked/features``: the lexical ones, then the semantic ones.
    static let featureNames = lexicalFeatureNames + semanticFeatureNames
    private static let lexicalFeatureNames = [
        "intercept", "BM25 relative to the best candidate's", "BM25 over the question's total concept weight",
        "coverage with the title", "coverage of the passage's own text", "proximity", "phrase proximity",
        "answer shape the question asks for", "1 / (BM25 rank + 1)",
        "share of the candidates' BM25 held by the other passages of its document",
    ]
    private static let semanticFeatureNames = [
        "similarity of its vector to the question's", "similarity relative to the most similar candidate's",
    ]

    /// Reranks the first `depth` candidates (in BM25 order); the rest follow in BM25 order, scored below them.
    func rerank(_ candidates: [IndexStore.Candidate], depth: Int, matcher: ConceptMatcher, kind: QuestionKind,
                stems: (String) throws -> [String]) rethrows -> [Ranked]
    {
        let bestBM25 = candidates.map(\.bm25).max() ?? 1
        let bestSimilarity = candidates.prefix(depth).map(\.similarity).max() ?? 0
        let reranked = candidates.prefix(depth)
        var documentMass: [String: Double] = [:]
        for candidate in reranked { documentMass[candidate.passage.document, default: 0] += candidate.bm25 }
        let totalMass = max(reranked.reduce(0) { $0 + $1.bm25 }, 1e-9)
        let totalWeight = matcher.totalWeight
        var ranked: [Ranked] = []
        for (rank, candidate) in reranked.enumerated() {
            let passage = candidate.passage
            let bodyStems = try stems(passage.text)
            let textStems = try stems(passage.section ?? "") + bodyStems
            let matches = matcher.matches(in: try stems(passage.title) + textStems)
            let coverage = matcher.coverage(of: matches)
            let textMatches = matcher.matches(in: textStems)
            let textCoverage = matcher.coverage(of: textMatches)
            let relative = bestBM25 > 0 ? candidate.bm25 / bestBM25 : 0
            let proximity = matcher.proximity(of: matches), phraseProximity = matcher.phraseProximity(of: matches)
            let shape = kind.ranksByShape
                ? kind.shapeScore(of: candidate.passage.text) { matcher.holdsAConceptWord(bodyStems, at: $0) } : 0
            let features = [
                1, relative, totalWeight > 0 ? candidate.bm25 / totalWeight : 0, coverage,
                textCoverage, proximity, phraseProximity, shape, 1 / Double(rank + 1),
                ((documentMass[passage.document] ?? 0) - candidate.bm25) / totalMass,
                candidate.similarity, bestSimilarity > 0 ? max(candidate.similarity, 0) / bestSimilarity : 0,
            ]
            let parts = learned.map { learned in
                let terms = zip(learned.weights, features).map { $0 * $1 }
                let lexical = Self.lexicalFeatureNames.count
                return (terms[..<lexical].reduce(0, +), terms[lexical...].reduce(0, +))
            } ?? (weights.bm25 * relative + weights.coverage * coverage
                + weights.proximity * (proximity + phraseProximity) / 2 + weights.shape * shape, 0)
            ranked.append(Ranked(
                candidate: candidate, score: parts.0 + parts.1, coverage: textCoverage, features: features,
                parts: parts, textMatches: textMatches))
        }
        // A learned score is a log-odds of being the passage that answers: as e^(score - best) it is that odds
        // relative to the best passage's, from 0 to 1 like the built-in score.
        if learned != nil, let best = ranked.map(\.score).max() {
            for index in ranked.indices { ranked[index].score = exp(ranked[index].score - best) }
        }
        ranked.sort { ($0.score, $1.candidate.id) > ($1.score, $0.candidate.id) }
        var floor = ranked.last?.score ?? 0
        for candidate in candidates.dropFirst(depth) {
            floor -= 1e-6
            ranked.append(Ranked(candidate: candidate, score: floor, coverage: 0))
        }
        return ranked
    }
}
