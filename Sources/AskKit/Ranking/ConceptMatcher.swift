import Foundation

/// A question's concepts in the index's stems, with how much each weighs, ready to be found in passages and
/// sentences.
struct ConceptMatcher: Sendable {
    struct StemmedConcept: Sendable {
        var variants: [(stems: [String], kind: MatchKind)]
        /// Inverse document frequency: rare concepts weigh more. A concept no passage holds weighs the most.
        var weight: Double
    }


    /// Where a text holds a concept, and with what kind of match.
    struct Match {
        var concept: Int
        var kind: MatchKind
        var positions: [Int]
    }

    let concepts: [StemmedConcept]
    /// Every stem of every variant: only these are looked up in a text.
    let wanted: Set<String>
    /// Rules out most of a text's stems before they are looked up in ``wanted``.
    private let prefilter: StemPrefilter
    var totalWeight: Double { concepts.reduce(0) { $0 + $1.weight } }
    /// The concepts no passage of the index holds ("medicare" in a corpus that never names it).
    let unknown: [Int]

    /// The share of the question's weight that no passage of the index holds.
    var unknownShare: Double {
        let total = totalWeight
        return total > 0 ? unknown.reduce(0) { $0 + concepts[$1].weight } / total : 0
    }

    /// - Parameters:
    ///   - stem: the index's stemmer.
    ///   - passageCount: how many passages the index holds.
    ///   - documentFrequency: how many passages hold a stem.
    init(plan: QueryPlan, stem: (String) throws -> String, passageCount: Int,
         documentFrequency: (String) throws -> Int) rethrows
    {
        var concepts: [StemmedConcept] = []
        var unknown: [Int] = []
        for concept in plan.concepts {
            var variants: [(stems: [String], kind: MatchKind)] = []
            var frequency = 0
            for variant in concept.variants {
                let stems = try variant.words.map(stem)
                // A phrase is at most as common as its rarest word; a concept as common as its commonest variant,
                // a word of its phrase aside.
                let phraseFrequency = try stems.map(documentFrequency).min() ?? 0
                if variant.kind != .part { frequency = max(frequency, phraseFrequency) }
                variants.append((stems, variant.kind))
            }
            // BM25's idf; a word no passage holds weighs as if one passage held it: as much as the rarest word the
            // index can hold, so that a passage must hold more than half of the question's weight
            // (``AnswerExtractor/minimumPassageCoverage``) to answer "is it covered by medicare", "what do zebras
            // eat" or "who is the president of france" (on pages naming a vice-president). It used to weigh as much
            // as the question's weightiest known word: MASH-QA dev-unans abstained 0.087 -> 0.113, false abstention
            // 0.006 -> 0.007, f1_all 0.168 either way (passages of about 100 words then), seeds unchanged. Its idf as if no passage held it gave 0.127
            // and 0.008, but outweighs every known word many times in a small corpus (a tea note no longer answered
            // "how long should green tea steep") and abstained on a seed question ("a really bad break").
            let n = Double(max(passageCount, 1))
            let counted = Double(max(frequency, 1))
            let weight = log(1 + (n - counted + 0.5) / (counted + 0.5))
            if frequency == 0 { unknown.append(concepts.count) }
            concepts.append(StemmedConcept(variants: variants, weight: weight))
        }
        self.concepts = concepts
        self.unknown = unknown
        wanted = Set(concepts.flatMap { $0.variants.flatMap(\.stems) })
        prefilter = StemPrefilter(wanted)
    }

    /// True when the stems at these positions (those of them the text has) hold a word of one of the question's
    /// concepts.
    func holdsAConceptWord(_ stems: [String], at positions: Range<Int>) -> Bool {
        stems[positions.clamped(to: stems.indices)].contains(where: isConceptWord)
    }

    /// True when a stem is a word of one of the question's concepts.
    private func isConceptWord(_ stem: String) -> Bool {
        prefilter.mayContain(stem) && wanted.contains(stem)
    }

    /// The concepts a text holds, given as its stems in order.
    func matches(in stems: [String]) -> [Match] {
        var positionsByStem: [String: [Int]] = [:]
        for (position, stem) in stems.enumerated() where isConceptWord(stem) {
            positionsByStem[stem, default: []].append(position)
        }
        var matches: [Match] = []
        for (index, concept) in concepts.enumerated() {
            var best: Match?
            for variant in concept.variants {
                let positions = Self.positions(of: variant.stems, in: stems, index: positionsByStem)
                guard !positions.isEmpty else { continue }
                if best == nil || variant.kind.weight > best!.kind.weight {
                    best = Match(concept: index, kind: variant.kind, positions: positions)
                }
            }
            if let best { matches.append(best) }
        }
        return matches
    }

    /// The share of the question's weight that the matches cover, synonyms and corrections counting a little less.
    func coverage(of matches: [Match]) -> Double {
        let total = totalWeight
        guard total > 0 else { return 0 }
        return matches.reduce(0) { $0 + concepts[$1.concept].weight * $1.kind.weight } / total
    }

    /// The share of the question's weight that `matches` add to what `covered` already holds: a concept counts
    /// only for the part of its weight the covered matches lack (an exact match adds to a synonym match).
    func coverage(of matches: [Match], beyond covered: [Match]) -> Double {
        let total = totalWeight
        guard total > 0 else { return 0 }
        var gain = 0.0
        for match in matches {
            let already = covered.filter { $0.concept == match.concept }.map(\.kind.weight).max() ?? 0
            gain += concepts[match.concept].weight * max(0, match.kind.weight - already)
        }
        return gain / total
    }

    /// How many of the question's neighbouring concepts ("relieve" "pain") stand within three words of each other,
    /// as a share of the neighbouring pairs, from 0 to 1.
    func phraseProximity(of matches: [Match]) -> Double {
        guard concepts.count >= 2 else { return 0 }
        return Double(nearPairs(in: matches).count) / Double(concepts.count - 1)
    }

    /// The neighbouring concepts of the question (`c` for the pair `c`, `c + 1`) that stand within three words of
    /// each other in `matches`.
    func nearPairs(in matches: [Match]) -> Set<Int> {
        guard concepts.count >= 2 else { return [] }
        let byConcept = Dictionary(matches.map { ($0.concept, $0.positions) }, uniquingKeysWith: { $0 + $1 })
        return Set((0..<(concepts.count - 1)).filter { concept in
            guard let left = byConcept[concept], let right = byConcept[concept + 1] else { return false }
            return left.contains { l in right.contains { abs($0 - l) <= 3 } }
        })
    }

    /// How close together the matched concepts stand: matched concepts over the length of the shortest window
    /// holding one position of each, from 0 to 1; 0 with fewer than two concepts matched.
    func proximity(of matches: [Match]) -> Double {
        guard matches.count >= 2 else { return 0 }
        var events: [(position: Int, match: Int)] = []
        for (index, match) in matches.enumerated() {
            for position in match.positions { events.append((position, index)) }
        }
        events.sort { $0.position < $1.position }
        var counts = [Int](repeating: 0, count: matches.count)
        var covered = 0
        var left = 0
        var shortest = Int.max
        for right in events.indices {
            if counts[events[right].match] == 0 { covered += 1 }
            counts[events[right].match] += 1
            while covered == matches.count {
                shortest = min(shortest, events[right].position - events[left].position + 1)
                counts[events[left].match] -= 1
                if counts[events[left].match] == 0 { covered -= 1 }
                left += 1
            }
        }
        return min(1, Double(matches.count) / Double(shortest))
    }

    private static func positions(of phrase: [String], in stems: [String], index: [String: [Int]]) -> [Int] {
        guard let first = phrase.first, let starts = index[first] else { return [] }
        if phrase.count == 1 { return starts }
        return starts.filter { start in
            start + phrase.count <= stems.count && Array(stems[start..<start + phrase.count]) == phrase
        }
    }
}
