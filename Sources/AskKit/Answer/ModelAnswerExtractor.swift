/// Picks the answer with an ``AnswerModel`` fitted by `ask train`: sentences copied verbatim from the best passages,
/// or none when the model is not confident enough that they answer the question.
///
/// The first sentence is the one the model finds most likely to start an answer; the sentences right after it
/// follow while each likely continues it (answers are runs of sentences: 3.5 on average in MASH-QA).
struct ModelAnswerExtractor: Sendable {
    /// The built-in rules, whose choice of passages and coverage gate a model's answers keep.
    var rules = AnswerExtractor()
    var model: AnswerModel
    /// Below this confidence the extractor abstains.
    var minimumConfidence: Double

    /// The passages considered and their sentences with features; `similarity` gives a text's similarity to the
    /// question in meaning.
    func candidates(from ranked: [Reranker.Ranked], matcher: ConceptMatcher, kind: QuestionKind,
                    stems: (String) throws -> [String], similarity: (String) -> Double) rethrows
        -> (considered: [Reranker.Ranked], sentences: [SentenceCandidate])
    {
        let considered = AnswerExtractor.considered(ranked, count: rules.passagesConsidered)
        let sentences = try SentenceCandidate.candidates(
            from: considered, ranked: Array(ranked.prefix(AskEngine.candidateCount)), matcher: matcher, kind: kind,
            stems: stems, similarity: similarity)
        return (considered, sentences)
    }

    /// The chosen sentences, each with the passage it came from (none when abstaining), and the confidence that
    /// the answer is supported (`nil` when no passage was found).
    func sentences(from ranked: [Reranker.Ranked], matcher: ConceptMatcher, kind: QuestionKind,
                   stems: (String) throws -> [String], similarity: (String) -> Double) rethrows
        -> (sentences: [(text: String, passage: Passage)], confidence: Double?)
    {
        let (considered, candidates) = try candidates(
            from: ranked, matcher: matcher, kind: kind, stems: stems, similarity: similarity)
        guard !candidates.isEmpty else { return ([], nil) }
        var (chosen, confidence) = model.choose(from: candidates)
        // As in the rules' answers, a first sentence that opens with an anaphor ("These medicines…") brings the
        // sentence it refers to, so that the quote stands on its own.
        if let first = chosen.first, first > 0, candidates[first].opensWithAnaphor,
            candidates[first].follows(candidates[first - 1])
        {
            chosen.insert(first - 1, at: 0)
        }
        // As the rules require, a passage must hold more than half of the question's weight: a sentence matching
        // only its lesser words does not answer it (MASH-QA dev at 0.08: dev-unans 0.347 -> 0.360, f1_all and
        // false abstention unchanged; seeds 4 -> 5 of 5 unanswerable, 1 -> 2 of 25 answerable abstained).
        guard confidence >= minimumConfidence, rules.coversTheQuestion(considered) else { return ([], confidence) }
        return (chosen.map { (candidates[$0].text, considered[candidates[$0].passageRank].candidate.passage) }, confidence)
    }
}
