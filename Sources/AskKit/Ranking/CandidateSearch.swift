import GRDB

/// Finds the passages with the best BM25 scores for a query without scoring every passage that matches it.
///
/// FTS5 ranks by scoring every row its `MATCH` finds, so an `OR` of common words costs time in proportion to the
/// corpus. When a query's phrases together match more passages than ``matchBudget``, only its rarest phrases (as
/// many as fit the budget) select candidates, as in Elasticsearch's "common terms" query; every candidate is then
/// rescored with all phrases by ``BM25Scorer`` from its own stems. When even the rarest phrase is over the budget,
/// the passages where the typed words stand near one another select the candidates, or else those holding every
/// concept. When the selection holds fewer passages than wanted, the rest are passages with common words only:
/// the first found in index order fill the list, rescored the same way, rather than ranking every one of them.
struct CandidateSearch: Sendable {
    /// How many matching passages a query may score through FTS5 before only its rare phrases select candidates.
    var matchBudget: Int
    /// How many candidates a selection chooses for each passage of the pool (2 and 4 measured the same on MedQuAD
    /// dev; 2 rescores half as many).
    static let candidatesPerResult = 2

    /// Up to `pool` passages with the best BM25 scores, best first (approximately, when the query is pruned), and
    /// at least `wanted` of them when that many match.
    /// - Parameter stems: the index's stems of a text.
    func candidates(
        for plan: QueryPlan, wanted: Int, pool: Int, scorer: BM25Scorer, db: Database,
        stems: (String) throws -> [String]
    ) throws -> [IndexStore.Candidate] {
        guard let expression = plan.ftsExpression else { return [] }
        let matches = scorer.phrases.reduce(0) { $0 + $1.passages }
        let selections = matches > matchBudget ? selections(for: plan, scorer: scorer) : []
        guard !selections.isEmpty else {
            return try IndexStore.candidates(db, matching: expression, limit: pool)
        }
        var selected: [IndexStore.Candidate] = []
        for selection in selections where selected.count < wanted {
            selected = try IndexStore.candidates(
                db, matching: selection.expression, limit: pool * Self.candidatesPerResult, order: .bm25IgnoringLength,
                phrasePassages: selection.phrases.map { scorer.phrases[$0].passages })
        }
        for fill in [plan.everyConceptExpression, expression] where selected.count < wanted {
            let known = Set(selected.map(\.id))
            let more = try IndexStore.candidates(db, matching: fill, limit: pool + known.count, order: .index)
            selected += more.filter { !known.contains($0.id) }.prefix(pool - selected.count)
        }
        var rescored = try selected.map { try scorer.rescored($0, stems: stems) }
        rescored.sort { ($0.bm25, $1.id) > ($1.bm25, $0.id) }
        return Array(rescored.prefix(pool))
    }

    /// An FTS5 expression that selects candidates, with its phrases: their indices among the scorer's, in the
    /// expression's order (so BM25 takes their passage counts from the scorer instead of counting them).
    private struct Selection {
        var expression: String
        var phrases: [Int]
    }

    /// The selections tried in turn until one finds enough: the rarest phrases that fit the budget together; or
    /// else the typed words near one another, then every concept at once. Empty when the query has one concept,
    /// too common to prune.
    private func selections(for plan: QueryPlan, scorer: BM25Scorer) -> [Selection] {
        let variants = plan.concepts.flatMap(\.variants)
        var rare: [Int] = []
        var matches = 0
        for index in scorer.phrases.indices.sorted(by: { scorer.phrases[$0].passages < scorer.phrases[$1].passages }) {
            matches += scorer.phrases[index].passages
            guard matches <= matchBudget else { break }
            rare.append(index)
        }
        if !rare.isEmpty {
            return [Selection(
                expression: rare.map { QueryPlan.quoted(variants[$0].words) }.joined(separator: " OR "), phrases: rare)]
        }
        guard plan.concepts.count > 1 else { return [] }
        // Each concept's first variant is its typed phrase.
        let firstVariants = plan.concepts.indices.map { concept in
            plan.concepts[..<concept].reduce(0) { $0 + $1.variants.count }
        }
        let typed = plan.concepts.map { QueryPlan.quoted($0.words) }.joined(separator: " ")
        return [
            Selection(
                expression: "NEAR(\(typed), \(Self.nearDistance * (plan.concepts.count - 1)))", phrases: firstVariants),
            Selection(expression: plan.everyConceptExpression, phrases: Array(variants.indices)),
        ]
    }

    /// How many words may stand between two typed words for them to count as near.
    static let nearDistance = 3
}
