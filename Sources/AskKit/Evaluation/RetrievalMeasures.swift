import Foundation

/// Relevance judgements: for each query, the graded relevance of judged documents (grade > 0 is relevant).
public struct Qrels: Sendable {
    /// Query id → document id → grade.
    public var judgements: [String: [String: Int]]

    /// Judgements given directly.
    public init(judgements: [String: [String: Int]]) {
        self.judgements = judgements
    }

    /// Reads a BEIR `qrels/*.tsv` (`query-id  corpus-id  score`, header optional) or a TREC qrels file
    /// (`qid 0 docid grade`).
    public init(parsing text: String) {
        var judgements: [String: [String: Int]] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
            let (query, document, grade): (String, String, Int?) = switch fields.count {
            case 3: (fields[0], fields[1], Int(fields[2]))
            case 4: (fields[0], fields[2], Int(fields[3]))
            default: ("", "", nil)
            }
            guard let grade else { continue }  // the header, or a malformed line
            judgements[query, default: [:]][document] = grade
        }
        self.judgements = judgements
    }

    /// The queries with at least one relevant document: the ones that are scored.
    public var scoredQueries: [String] {
        judgements.filter { $0.value.values.contains { $0 > 0 } }.keys.sorted()
    }
}

/// The standard retrieval measures, as trec_eval defines them, averaged over the queries with relevant documents
/// (a query the run does not answer scores 0, as with `trec_eval -c`).
public struct RetrievalMeasures: Sendable, Codable, Hashable {
    /// nDCG@10 with graded gains (`ndcg_cut_10`).
    public var ndcgAt10: Double
    /// Share of the relevant documents in the top 100 (`recall_100`).
    public var recallAt100: Double
    /// Reciprocal rank of the first relevant document within the top 10.
    public var mrrAt10: Double
    /// The number of queries averaged.
    public var queries: Int

    /// Scores ranked lists (best first, per query id) against judgements.
    public init(rankings: [String: [String]], qrels: Qrels) {
        let queries = qrels.scoredQueries
        var ndcg = 0.0, recall = 0.0, mrr = 0.0
        for query in queries {
            let judged = qrels.judgements[query] ?? [:]
            let ranking = rankings[query] ?? []
            ndcg += Self.ndcg(ranking, judged, cutoff: 10)
            recall += Self.recall(ranking, judged, cutoff: 100)
            mrr += Self.reciprocalRank(ranking, judged, cutoff: 10)
        }
        let count = Double(max(queries.count, 1))
        self.ndcgAt10 = ndcg / count
        self.recallAt100 = recall / count
        self.mrrAt10 = mrr / count
        self.queries = queries.count
    }

    static func ndcg(_ ranking: [String], _ judged: [String: Int], cutoff: Int) -> Double {
        func discounted(_ gains: [Int]) -> Double {
            gains.prefix(cutoff).enumerated().reduce(0) { $0 + Double($1.element) / log2(Double($1.offset) + 2) }
        }
        let ideal = discounted(judged.values.filter { $0 > 0 }.sorted(by: >))
        guard ideal > 0 else { return 0 }
        return discounted(ranking.prefix(cutoff).map { max(0, judged[$0] ?? 0) }) / ideal
    }

    static func recall(_ ranking: [String], _ judged: [String: Int], cutoff: Int) -> Double {
        let relevant = judged.filter { $0.value > 0 }.keys
        guard !relevant.isEmpty else { return 0 }
        return Double(ranking.prefix(cutoff).count { (judged[$0] ?? 0) > 0 }) / Double(relevant.count)
    }

    static func reciprocalRank(_ ranking: [String], _ judged: [String: Int], cutoff: Int) -> Double {
        guard let index = ranking.prefix(cutoff).firstIndex(where: { (judged[$0] ?? 0) > 0 }) else { return 0 }
        return 1 / Double(index + 1)
    }
}

/// A TREC run: for each query, ranked documents (or passages) with scores.
public struct TrecRun: Sendable {
    /// One line of a run.
    public struct Entry: Sendable, Hashable {
        /// The query id.
        public var query: String
        /// The document (or passage) id.
        public var document: String
        /// Its rank, 1 for the best.
        public var rank: Int
        /// Its score; higher is better.
        public var score: Double
    }

    /// The lines of the run.
    public var entries: [Entry]
    /// The run's name, last on each line.
    public var tag: String

    /// A run of the given lines.
    public init(entries: [Entry], tag: String = "ask") {
        self.entries = entries
        self.tag = tag
    }

    /// Reads a run file (`QID Q0 DOCID RANK SCORE TAG`).
    public init(parsing text: String) {
        var entries: [Entry] = []
        var tag = "run"
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard fields.count >= 5, let rank = Int(fields[3]), let score = Double(fields[4]) else { continue }
            entries.append(Entry(query: fields[0], document: fields[2], rank: rank, score: score))
            if fields.count >= 6 { tag = fields[5] }
        }
        self.init(entries: entries, tag: tag)
    }

    /// Each query's documents, best first (by score, then by the rank the file gives).
    public var rankings: [String: [String]] {
        Dictionary(grouping: entries, by: \.query).mapValues { entries in
            entries.sorted { ($1.score, $0.rank) < ($0.score, $1.rank) }.map(\.document)
        }
    }

    /// The run as text, one `QID Q0 DOCID RANK SCORE TAG` line per entry.
    public var text: String {
        entries.map { "\($0.query) Q0 \($0.document) \($0.rank) \(String(format: "%.6f", $0.score)) \(tag)\n" }.joined()
    }
}
