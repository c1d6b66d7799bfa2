/// BM25 of a passage computed from its own stems and the index's stored statistics: the score ``BM25Function``
/// gives inside FTS5, for passages that FTS5 did not score. Used to rescore candidates chosen by a query's rare
/// phrases with all of its phrases.
struct BM25Scorer: Sendable {
    /// One phrase of the query, as FTS5 sees it: a stem sequence with its inverse document frequency.
    struct Phrase: Sendable {
        var stems: [String]
        /// How many passages hold the phrase (see ``init(phrases:passages:passageCount:averageLength:)``).
        var passages: Int
        var inverseFrequency: Double
    }

    let phrases: [Phrase]
    let averageLength: Double
    /// The phrases by their first stem, to find them in one pass over a passage's stems.
    private let phrasesByFirstStem: [String: [Int]]
    /// Rules out most of a passage's stems before they are looked up in ``phrasesByFirstStem``.
    private let prefilter: StemPrefilter

    /// - Parameters:
    ///   - phrases: the query's phrases as stems, in the order of its FTS5 expression.
    ///   - passages: how many passages hold a phrase. For a phrase of several words the count of its rarest word
    ///     stands in, an upper bound that FTS5 would count exactly by reading the phrase's doclists.
    init(phrases: [[String]], passages: (String) throws -> Int, passageCount: Int, averageLength: Double) rethrows {
        let n = Double(passageCount)
        self.phrases = try phrases.map { stems in
            let count = try stems.map(passages).min() ?? 0
            return Phrase(
                stems: stems, passages: count,
                inverseFrequency: BM25Function.inverseFrequency(rows: n, holding: Double(count)))
        }
        self.averageLength = max(averageLength, 1)
        var byFirstStem: [String: [Int]] = [:]
        for (index, phrase) in self.phrases.enumerated() {
            if let first = phrase.stems.first { byFirstStem[first, default: []].append(index) }
        }
        phrasesByFirstStem = byFirstStem
        prefilter = StemPrefilter(byFirstStem.keys)
    }

    /// A candidate with its BM25 score computed from its passage's own stems.
    /// - Parameter stems: the index's stems of a text.
    func rescored(_ candidate: IndexStore.Candidate, stems: (String) throws -> [String]) rethrows
        -> IndexStore.Candidate
    {
        var candidate = candidate
        let passage = candidate.passage
        candidate.bm25 = score(
            title: try stems(passage.title), section: try stems(passage.section ?? ""), body: try stems(passage.text))
        return candidate
    }

    /// The BM25 score (higher is better) of a passage whose columns hold these stems.
    func score(title: [String], section: [String], body: [String]) -> Double {
        let (k1, b) = IndexStore.bm25Parameters
        let weights = IndexStore.columnWeights
        var frequencies = [Double](repeating: 0, count: phrases.count)
        for (column, weight) in [(title, weights.title), (section, weights.section), (body, weights.body)] {
            for position in column.indices {
                guard prefilter.mayContain(column[position]), let candidates = phrasesByFirstStem[column[position]]
                else { continue }
                for index in candidates where Self.holds(column, phrases[index].stems, at: position) {
                    frequencies[index] += weight
                }
            }
        }
        let length = Double(title.count + section.count + body.count)
        let normalizer = BM25Function.lengthNormalizer(length: length, averageLength: averageLength, k1: k1, b: b)
        var score = 0.0
        for (index, frequency) in frequencies.enumerated() where frequency > 0 {
            score += phrases[index].inverseFrequency * BM25Function.saturated(frequency, normalizer: normalizer, k1: k1)
        }
        return score
    }

    private static func holds(_ stems: [String], _ phrase: [String], at position: Int) -> Bool {
        guard position + phrase.count <= stems.count else { return false }
        return phrase.indices.allSatisfy { stems[position + $0] == phrase[$0] }
    }
}
