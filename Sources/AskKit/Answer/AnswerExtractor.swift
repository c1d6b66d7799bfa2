/// Picks the answer: one to three sentences copied verbatim from the best passages, or none when the passages
/// do not really answer the question.
struct AnswerExtractor: Sendable {
    /// Sentences are taken from this many of the best passages.
    var passagesConsidered = 3
    /// Below this share of the question's concepts, the best passage does not answer it.
    var minimumPassageCoverage = 0.5
    /// Below this share, a sentence does not answer it.
    var minimumSentenceCoverage = 0.3
    /// A second or third sentence must score at least this share of the best sentence's score.
    var companionShare = 0.75
    var maximumSentences = 3

    /// A sentence of a candidate passage, scored.
    struct Candidate {
        var passageRank: Int
        var position: Int
        var text: String
        var score: Double
        var coverage: Double
        var concepts: Set<Int>
    }

    /// The chosen sentences, each with the index (into `ranked`) of the passage it came from.
    func sentences(from ranked: [Reranker.Ranked], matcher: ConceptMatcher, kind: QuestionKind,
                   stems: (String) throws -> [String]) rethrows -> [(text: String, passage: Int)]
    {
        guard let best = ranked.first, best.coverage >= minimumPassageCoverage else { return [] }
        var candidates: [Candidate] = []
        for (rank, passage) in ranked.prefix(passagesConsidered).enumerated() {
            let relative = best.score > 0 ? passage.score / best.score : 0
            let text = passage.candidate.passage.text
            for (position, range) in SentenceSplitter().sentences(in: text).enumerated() {
                let sentence = String(text[range])
                guard sentence.wordCount >= 4 else { continue }
                let matches = matcher.matches(in: try stems(sentence))
                let coverage = matcher.coverage(of: matches)
                let score = coverage + 0.3 * kind.shapeScore(of: sentence) + 0.25 * relative
                candidates.append(Candidate(
                    passageRank: rank, position: position, text: sentence, score: score, coverage: coverage,
                    concepts: Set(matches.map(\.concept))))
            }
        }
        guard let top = candidates.max(by: { ($0.score, -$0.passageRank) < ($1.score, -$1.passageRank) }),
            top.coverage >= minimumSentenceCoverage
        else { return [] }

        var chosen = [top]
        var covered = top.concepts
        // The sentence right after the best one often completes it ("They are safe. Still, any surgery has risks…").
        if let next = candidates.first(where: { $0.passageRank == top.passageRank && $0.position == top.position + 1 }),
            next.score >= companionShare * top.score * 0.8 || !next.concepts.isSubset(of: covered)
        {
            chosen.append(next)
            covered.formUnion(next.concepts)
        }
        for candidate in candidates.sorted(by: { $0.score > $1.score }) where chosen.count < maximumSentences {
            let isChosen = chosen.contains { $0.passageRank == candidate.passageRank && $0.position == candidate.position }
            guard !isChosen, candidate.score >= companionShare * top.score,
                !candidate.concepts.isSubset(of: covered) || candidate.score >= 0.95 * top.score,
                !chosen.contains(where: { $0.text == candidate.text })
            else { continue }
            chosen.append(candidate)
            covered.formUnion(candidate.concepts)
        }
        return chosen
            .sorted { ($0.passageRank, $0.position) < ($1.passageRank, $1.position) }
            .map { ($0.text, $0.passageRank) }
    }
}
