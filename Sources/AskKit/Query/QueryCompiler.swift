/// Turns any string a user types into a ``QueryPlan``: words split as the index splits them, synonym phrases
/// found (longest first, stop words allowed inside them), stop words dropped, unknown words corrected.
///
/// Whatever the input (quotes, brackets, `AND`/`OR`/`NOT`/`NEAR`, `*`, `:`, `^`, control characters, megabytes
/// of text), the plan's FTS5 expression holds only quoted phrases of letters and digits, so it never raises an
/// FTS5 syntax error and never reaches SQL except as a bound parameter.
public struct QueryCompiler: Sendable {
    /// Questions are cut to this many characters before they are read.
    public static let maximumCharacters = 2_000

    /// The part of a question that is read: its first ``maximumCharacters`` characters.
    static func readPart(of question: String) -> Substring {
        question.prefix(maximumCharacters)
    }
    /// At most this many concepts are searched; the rest of a very long question is ignored.
    public static let maximumConcepts = 32

    /// The synonym list questions are expanded with.
    public var synonyms: SynonymMap
    /// The words dropped from questions.
    public var stopWords: Set<String>

    /// A compiler with the given synonyms and stop words.
    public init(synonyms: SynonymMap = SynonymMap(), stopWords: Set<String> = StopWords.english) {
        self.synonyms = synonyms
        self.stopWords = stopWords
    }

    /// Compiles a question.
    /// - Parameter correct: returns an index word for a word the index does not hold, or `nil`; it is asked only
    ///   about words that are neither stop words nor synonym entries.
    public func compile(_ question: String, correct: (String) -> String? = { _ in nil }) -> QueryPlan {
        let wasTruncated = question.count > Self.maximumCharacters
        let words = WordTokenizer.words(Self.readPart(of: question))
        var concepts: [Concept] = []
        var corrections: [String: String] = [:]
        var index = 0
        while index < words.count && concepts.count < Self.maximumConcepts {
            if let (length, expansions) = longestSynonym(in: words, at: index) {
                let phrase = Array(words[index..<index + length])
                var variants = Self.variants(phrase, expansions, kind: .synonym)
                // Each word of a phrase is also a part of it, unless it is searched already ("broken bone, broken").
                for word in phrase where length > 1 && !stopWords.contains(word)
                    && !variants.contains(where: { $0.words == [word] })
                {
                    variants.append(Variant(words: [word], kind: .part))
                }
                concepts.append(Concept(words: phrase, variants: variants))
                index += length
                continue
            }
            let word = words[index]
            index += 1
            if stopWords.contains(word) || concepts.contains(where: { $0.words == [word] }) { continue }
            var concept = Concept(words: [word], variants: [Variant(words: [word], kind: .exact)])
            if let corrected = correct(word), corrected != word {
                corrections[word] = corrected
                // A misspelt stop word ("diffrence") is still a stop word.
                if stopWords.contains(corrected) { continue }
                // The corrected word and its synonyms all count as corrections.
                let found = [[corrected]] + (synonyms.expansions(of: [corrected]) ?? []).filter { $0 != [corrected] }
                concept.variants += found.map { Variant(words: $0, kind: .corrected) }
            }
            concepts.append(concept)
        }
        return QueryPlan(concepts: concepts, corrections: corrections, wasTruncated: wasTruncated)
    }

    /// The longest synonym entry starting at `start`. A one-word entry that is a stop word does not count.
    private func longestSynonym(in words: [String], at start: Int) -> (Int, [[String]])? {
        let longest = min(synonyms.longestInput, words.count - start)
        guard longest >= 1 else { return nil }
        for length in stride(from: longest, through: 1, by: -1) {
            let phrase = Array(words[start..<start + length])
            if length == 1 && stopWords.contains(phrase[0]) { continue }
            if let expansions = synonyms.expansions(of: phrase) { return (length, expansions) }
        }
        return nil
    }

    /// The typed phrase first (exact), then each expansion not equal to it.
    private static func variants(_ phrase: [String], _ expansions: [[String]], kind: MatchKind) -> [Variant] {
        [Variant(words: phrase, kind: .exact)]
            + expansions.filter { $0 != phrase }.map { Variant(words: $0, kind: kind) }
    }
}
