/// How a searched phrase relates to what the user typed. An exact match scores above a synonym, a synonym above a
/// typo correction, and all of them above a word of a typed phrase found without the rest of it.
public enum MatchKind: String, Sendable, Hashable, Codable {
    case exact, synonym, corrected
    /// One word of a phrase of the synonym list, where neither the phrase nor its synonyms stand: a passage saying
    /// "vitamin D" holds part of "vitamin D deficiency", which a document defined as "VDD". As one phrase, a concept
    /// was all there or not at all, and the corpus's abbreviations cost the collections whose questions spell out
    /// their topics (MedQuAD dev nDCG@10 0.7377 without them, 0.7325 with them; SciFact train 0.7000, 0.6964).
    case part

    /// The share of a concept's weight that a match of this kind earns.
    var weight: Double {
        switch self {
        case .exact: 1.0
        case .synonym: 0.85
        case .corrected: 0.8
        case .part: partWeight
        }
    }
}

/// The share of a concept's weight one of its phrase's words earns (``MatchKind/part``); it is also searched, so
/// BM25 counts it. Chosen on training questions: MedQuAD dev's train half nDCG@10 0.7422 with phrases whole, then
/// 0.7494 / 0.7490 / 0.7489 / 0.7470 / 0.7449 with this weight 0 / 0.1 / 0.3 / 0.5 / 0.7; MASH-QA train recall@3
/// 0.813, then 0.813 / 0.814 / 0.814 / 0.814 / 0.812, f1_all at 0.1 / 0.3 / 0.5 0.2043 / 0.2045 / 0.2043. On dev,
/// with 0.3: MedQuAD dev 0.7376 -> 0.7438 (one typo a question 0.7305 -> 0.7316), SciFact train 0.6964 -> 0.6985,
/// MASH-QA dev recall@3 0.845 -> 0.847 and f1_all 0.2202 -> 0.2219; the seed and plain questions unchanged.
private let partWeight = 0.3

/// One phrase searched for a concept.
public struct Variant: Sendable, Hashable {
    /// The phrase's words, lower-cased.
    public var words: [String]
    /// How the phrase relates to what was typed.
    public var kind: MatchKind
}

/// One idea of a question (a word, or a phrase from the synonym list) and the phrases that count as finding it.
public struct Concept: Sendable, Hashable {
    /// The words as the user typed them (lower-cased).
    public var words: [String]
    /// The phrases searched; the first is the typed phrase itself. A phrase of the synonym list ends with its
    /// words that are not stop words, each a ``MatchKind/part``.
    public var variants: [Variant]
}

/// A question compiled for search: its concepts and the FTS5 expression that finds passages holding any of them.
public struct QueryPlan: Sendable, Hashable {
    /// The concepts, in question order.
    public var concepts: [Concept]
    /// Typed words replaced by index words ("vertebroplasy" → "vertebroplasty"), for "showing results for".
    public var corrections: [String: String]
    /// True when the question was longer than ``QueryCompiler/maximumCharacters`` and was cut.
    public var wasTruncated: Bool

    /// The FTS5 `MATCH` expression: every variant a quoted phrase, each concept an `OR` group, concepts `OR`-ed.
    /// `nil` when the question has no searchable word.
    public var ftsExpression: String? {
        concepts.isEmpty ? nil : concepts.map(Self.group).joined(separator: " OR ")
    }

    /// The FTS5 expression that finds passages holding every concept: the concept groups `AND`-ed.
    var everyConceptExpression: String {
        concepts.map(Self.group).joined(separator: " AND ")
    }

    /// A concept as an FTS5 expression: its variants as quoted phrases, `OR`-ed in parentheses.
    static func group(_ concept: Concept) -> String {
        let phrases = concept.variants.map { quoted($0.words) }
        return phrases.count == 1 ? phrases[0] : "(" + phrases.joined(separator: " OR ") + ")"
    }

    /// A phrase as an FTS5 string: in double quotes, inner quotes doubled, so no character of it is syntax.
    static func quoted(_ words: [String]) -> String {
        "\"" + words.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
