/// Reorders the passages BM25 found by how well each answers the question: BM25 itself, the share of the
/// question's concepts the passage holds (rare concepts weigh more; synonyms and corrections a little less than
/// exact words), how close together they stand, and whether the passage has the shape the question asks for.
struct Reranker: Sendable {
    /// How much each signal counts in the final score.
    struct Weights: Sendable {
        var bm25 = 0.2
        var coverage = 0.6
        var proximity = 0.1
        var shape = 0.1
    }

    /// A passage with its final score and what it matched.
    struct Ranked: Sendable {
        var candidate: IndexStore.Candidate
        var score: Double
        /// The share of the question's concepts the passage's own text (section and body) holds: what decides
        /// whether it answers. Ranking also counts the document title, which says what the passage is about.
        var coverage: Double
    }

    var weights = Weights()

    /// Reranks the first `depth` candidates (in BM25 order); the rest follow in BM25 order, scored below them.
    func rerank(_ candidates: [IndexStore.Candidate], depth: Int, matcher: ConceptMatcher, kind: QuestionKind,
                stems: (String) throws -> [String]) rethrows -> [Ranked]
    {
        let bestBM25 = candidates.map(\.bm25).max() ?? 1
        var ranked: [Ranked] = []
        for candidate in candidates.prefix(depth) {
            let passage = candidate.passage
            let textStems = try stems(passage.section ?? "") + stems(passage.text)
            let matches = matcher.matches(in: try stems(passage.title) + textStems)
            let score = weights.bm25 * (bestBM25 > 0 ? candidate.bm25 / bestBM25 : 0)
                + weights.coverage * matcher.coverage(of: matches)
                + weights.proximity * (matcher.proximity(of: matches) + matcher.phraseProximity(of: matches)) / 2
                + (kind.ranksByShape ? weights.shape * kind.shapeScore(of: candidate.passage.text) : 0)
            ranked.append(Ranked(candidate: candidate, score: score,
                                 coverage: matcher.coverage(of: matcher.matches(in: textStems))))
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
