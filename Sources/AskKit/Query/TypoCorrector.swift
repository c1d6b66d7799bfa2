/// Corrects a word the index does not hold to an index word within a small edit distance, as users know from
/// Meilisearch: one edit for words of 5 to 8 letters, two for 9 or more, none below 5; a transposition is one edit.
/// Among equally close words the one found in the most passages wins. Words of a general English list are never
/// corrected.
public struct TypoCorrector: Sendable {
    /// An index word, the stem it indexes under, and how many passages hold it.
    public struct Term: Sendable, Hashable {
        /// The word as the documents write it (lower-cased).
        public var word: String
        /// Its stem in the index.
        public var stem: String
        /// How many passages hold it.
        public var passages: Int

        /// Creates a term.
        public init(word: String, stem: String, passages: Int) {
            self.word = word
            self.stem = stem
            self.passages = passages
        }
    }

    private let terms: [Term]

    /// A corrector over the given index words.
    public init(terms: [Term]) {
        self.terms = terms
    }

    /// The edits allowed for a word of this many characters.
    public static func allowedEdits(forLength length: Int) -> Int {
        switch length {
        case ..<5: 0
        case 5...8: 1
        default: 2
        }
    }

    /// The index word closest to `word`, or `nil` when none is close enough or `word` is a word of the general
    /// English list (``EnglishWords``): a real word the index lacks is not a typo. A word's stem counts as well as
    /// the word itself, so "vacumm" finds "vacuuming" through its stem "vacuum".
    public func correction(for word: String) -> String? {
        let typed = Array(word)
        let allowed = Self.allowedEdits(forLength: typed.count)
        guard allowed > 0, word.allSatisfy(\.isLetter), !EnglishWords.contains(word.lowercased()) else { return nil }
        var best: (term: Term, distance: Int)?
        for term in terms where abs(term.word.count - typed.count) <= allowed || abs(term.stem.count - typed.count) <= allowed {
            let distance = min(
                Self.distance(typed, Array(term.word), limit: allowed),
                Self.distance(typed, Array(term.stem), limit: allowed))
            guard distance <= allowed else { continue }
            if let current = best,
                (current.distance, -current.term.passages, current.term.word) <= (distance, -term.passages, term.word)
            {
                continue
            }
            best = (term, distance)
        }
        return best?.term.word
    }

    /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), or `limit + 1` once it is
    /// certain to exceed `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
