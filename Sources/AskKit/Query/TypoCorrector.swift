/// Corrects a word the index does not hold to an index word within a small edit distance, as users know from
/// Meilisearch: one edit for words of 5 to 8 letters, two for 9 or more, none below 5; a transposition is one edit.
/// Among equally close words the one found in the most passages wins. A word of a general English list is not a
/// typo: it is corrected only to a spelling of the same meaning ("discs" to "disks", "anaemia" to "anemia"), when the
/// corrector is given a way to tell (``init(terms:similarity:)``), never to another word ("bread" stays "bread", not
/// "break").
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
    /// How alike two words are in meaning (the cosine of their vectors), when known.
    private let similarity: (@Sendable (String, String) -> Double)?

    /// From this similarity in meaning on, an English word the index lacks is read as the close spelling the index
    /// holds. Static token vectors (``TextEmbedder``) put spellings of one word at 0.51-0.97 (tumour/tumor 0.51,
    /// ageing/aging 0.51, anaemia/anemia 0.74, discs/disks 0.86, colour/color 0.97) and nearly every other word one
    /// edit away below 0.35 (bread/break 0.03, heel/heal 0.31, spin/spine 0.30, hop/hip 0.31); lunge/lung (0.83)
    /// is the exception found.
    public static let minimumSimilarity = 0.5

    /// A corrector over the given index words.
    /// - Parameter similarity: how alike two words are in meaning, from -1 to 1; without it, words of the general
    ///   English list are never corrected.
    public init(terms: [Term], similarity: (@Sendable (String, String) -> Double)? = nil) {
        self.terms = terms
        self.similarity = similarity
    }

    /// The edits allowed for a word of this many characters.
    public static func allowedEdits(forLength length: Int) -> Int {
        switch length {
        case ..<5: 0
        case 5...8: 1
        default: 2
        }
    }

    /// The index word closest to `word`, or `nil` when none is close enough. A word of the general English list
    /// (``EnglishWords``) is a real word the index lacks, not a typo: it is corrected only to a word at least
    /// ``minimumSimilarity`` alike in meaning. A word's stem counts as well as the word itself, so "vacumm" finds
    /// "vacuuming" through its stem "vacuum".
    public func correction(for word: String) -> String? {
        let typed = Array(word)
        let allowed = Self.allowedEdits(forLength: typed.count)
        guard allowed > 0, word.allSatisfy(\.isLetter) else { return nil }
        let lowered = word.lowercased()
        let sameMeaning: ((String) -> Bool)?
        if EnglishWords.contains(lowered) {
            guard let similarity else { return nil }
            sameMeaning = { similarity(lowered, $0) >= Self.minimumSimilarity }
        } else {
            sameMeaning = nil
        }
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
            guard sameMeaning?(term.word) ?? true else { continue }
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
