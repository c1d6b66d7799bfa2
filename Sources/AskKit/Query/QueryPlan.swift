/// How a searched phrase relates to what the user typed. An exact match scores above a synonym, and a synonym
/// above a typo correction.
public enum MatchKind: String, Sendable, Hashable, Codable {
    case exact, synonym, corrected

    /// The share of a concept's weight that a match of this kind earns.
    var weight: Double {
        switch self {
        case .exact: 1.0
        case .synonym: 0.85
        case .corrected: 0.8
        }
    }
}

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
    /// The phrases searched; the first is the typed phrase itself.
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
