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
        var coverage: Double
        var matches: [ConceptMatcher.Match]
        /// The stems of ``Passage/section`` and ``Passage/text``, in order.
        var stems: [String]
    }

    var weights = Weights()

    func rerank(_ candidates: [IndexStore.Candidate], matcher: ConceptMatcher, kind: QuestionKind,
                stems: (String) throws -> [String]) rethrows -> [Ranked]
    {
        let bestBM25 = candidates.map(\.bm25).max() ?? 1
        var ranked: [Ranked] = []
        for candidate in candidates {
            let passageStems = try stems((candidate.passage.section ?? "") + " " + candidate.passage.text)
            let matches = matcher.matches(in: passageStems)
            let coverage = matcher.coverage(of: matches)
            let score = weights.bm25 * (bestBM25 > 0 ? candidate.bm25 / bestBM25 : 0)
                + weights.coverage * coverage
                + weights.proximity * (matcher.proximity(of: matches) + matcher.phraseProximity(of: matches)) / 2
                + weights.shape * kind.shapeScore(of: candidate.passage.text)
            ranked.append(Ranked(candidate: candidate, score: score, coverage: coverage, matches: matches,
                                 stems: passageStems))
        }
        return ranked.sorted { ($0.score, $1.candidate.id) > ($1.score, $0.candidate.id) }
    }
}
