/// A ranked passage.
///
/// In JSON: `{"rank", "doc", "file", "title", "section", "lines": [first, last], "score", "text"}`, `"page"` for a
/// passage of a paged file (PDF), and
/// `"explain"` (``ScoreExplanation``) when the search was asked to explain.
public struct Hit: Sendable, Hashable {
    /// 1 for the best passage.
    public var rank: Int
    /// The passage: document, title, section, text and source lines.
    public var passage: Passage
    /// The final ranking score; higher is better. Comparable only within one result list. With a sentence model, the
    /// reciprocal rank fusion's (``AskEngine/usesSentenceModel``).
    public var score: Double
    /// The ranges of ``Passage/text`` that hold a word of the question (or a synonym or correction of one).
    public var highlights: [Range<String.Index>]
    /// How the score came about, when the search was asked to explain it.
    public var explanation: ScoreExplanation?

    /// Creates a ranked passage.
    public init(
        rank: Int, passage: Passage, score: Double, highlights: [Range<String.Index>] = [],
        explanation: ScoreExplanation? = nil
    ) {
        self.rank = rank
        self.passage = passage
        self.score = score
        self.highlights = highlights
        self.explanation = explanation
    }
}

extension Hit: Codable {
    private enum CodingKeys: String, CodingKey {
        case rank, doc, file, title, section, page, lines, score, text
        case explanation = "explain"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rank, forKey: .rank)
        try container.encode(passage.document, forKey: .doc)
        try container.encode(passage.file, forKey: .file)
        try container.encode(passage.title, forKey: .title)
        try container.encode(passage.section, forKey: .section)
        try container.encodeIfPresent(passage.page, forKey: .page)
        try container.encodeLineRange(passage.lines, forKey: .lines)
        try container.encode((score * 10_000).rounded() / 10_000, forKey: .score)
        try container.encode(passage.text, forKey: .text)
        try container.encodeIfPresent(explanation, forKey: .explanation)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lines = try container.decodeLineRange(forKey: .lines)
        let document = try container.decode(String.self, forKey: .doc)
        self.init(
            rank: try container.decode(Int.self, forKey: .rank),
            passage: Passage(
                document: document, file: try container.decodeIfPresent(String.self, forKey: .file) ?? document,
                title: try container.decode(String.self, forKey: .title),
                section: try container.decodeIfPresent(String.self, forKey: .section),
                text: try container.decode(String.self, forKey: .text), lines: lines,
                page: try container.decodeIfPresent(Int.self, forKey: .page)),
            score: try container.decode(Double.self, forKey: .score),
            explanation: try container.decodeIfPresent(ScoreExplanation.self, forKey: .explanation))
    }
}

extension KeyedEncodingContainer {
    /// Encodes source lines as `[first, last]`.
    mutating func encodeLineRange(_ lines: ClosedRange<Int>, forKey key: Key) throws {
        try encode([lines.lowerBound, lines.upperBound], forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// Decodes source lines written as `[first, last]`.
    func decodeLineRange(forKey key: Key) throws -> ClosedRange<Int> {
        let lines = try decode([Int].self, forKey: key)
        guard lines.count == 2, lines[0] <= lines[1] else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "expected [first, last]")
        }
        return lines[0]...lines[1]
    }
}
