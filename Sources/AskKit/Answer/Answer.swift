/// An extractive answer: sentences copied verbatim from ranked passages, each citing the sources it came from.
///
/// When the corpus does not answer the question, ``sentences`` is empty, ``isAbstained`` is true, and
/// ``passages`` still lists the closest passages.
///
/// In JSON (`ask --json`, `ask batch`), a stable schema; fields may be added, never renamed:
/// ```
/// {"question": str, "answer": str|null, "abstained": bool, "kind": str, "corrected": str|null,
///  "confidence": float|null, "disclaimer": str|null,
///  "sentences": [{"text": str, "sources": [int]}],
///  "sources":   [{"n": int, "doc": str, "title": str, "lines": [int, int], "passage": str}],
///  "passages":  [{"rank": int, "doc": str, "title": str, "lines": [int, int], "score": float, "text": str}]}
/// ```
public struct Answer: Sendable, Hashable {
    /// The line every answer ends with.

    /// The question as asked.
    public var question: String
    /// What the question asks for.
    public var kind: QuestionKind
    /// The answer's sentences, in reading order.
    public var sentences: [AnswerSentence]
    /// The numbered sources the sentences cite.
    public var sources: [Citation]
    /// The ranked passages considered, best first.
    public var passages: [Hit]
    /// The question with its corrected words, when typo correction changed any ("showing results for …").
    public var correctedQuestion: String?
    /// A note for the reader, such as that a very long question was cut.
    public var notice: String?
    /// How sure the engine is that the corpus answers the question, from 0 to 1, from the evidence for the answer it
    /// chose (for an abstention, for the best sentence it found); `nil` when no passage matched at all.
    public var confidence: Double?
    /// The corpus's disclaimer, to show under the answer (``Corpus/disclaimerFileName``); `nil` when the corpus has
    /// none, and for an abstention, which quotes nothing.
    public var disclaimer: String?

    /// Creates an answer; the engine makes them, tests and other tools may too.
    public init(question: String, kind: QuestionKind, sentences: [AnswerSentence], sources: [Citation],
                passages: [Hit], correctedQuestion: String? = nil, confidence: Double? = nil,
                disclaimer: String? = nil, notice: String? = nil)
    {
        self.confidence = confidence
        self.disclaimer = disclaimer
        self.question = question
        self.kind = kind
        self.sentences = sentences
        self.sources = sources
        self.passages = passages
        self.correctedQuestion = correctedQuestion
        self.notice = notice
    }

    /// True when the engine found no answer in the corpus.
    public var isAbstained: Bool { sentences.isEmpty }

    /// The answer sentences joined, or `nil` when the engine abstained.
    public var text: String? { sentences.isEmpty ? nil : sentences.map(\.text).joined(separator: " ") }
}

/// One sentence of an answer, verbatim from the passages of the sources it cites.
public struct AnswerSentence: Sendable, Hashable, Codable {
    /// The sentence, verbatim from its sources' passages.
    public var text: String
    /// The ``Citation/number``s of its sources.
    public var sources: [Int]

    /// Creates a sentence citing the given source numbers.
    public init(text: String, sources: [Int]) {
        self.text = text
        self.sources = sources
    }
}

/// A numbered source of an answer: the passage a sentence was copied from.
public struct Citation: Sendable, Hashable {
    /// The number answers cite it by, from 1.
    public var number: Int
    /// The passage the cited sentences were copied from.
    public var passage: Passage

    /// Creates a numbered source.
    public init(number: Int, passage: Passage) {
        self.number = number
        self.passage = passage
    }
}

extension Citation: Codable {
    private enum CodingKeys: String, CodingKey {
        case n, doc, file, title, section, page, lines, passage
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .n)
        try container.encode(passage.document, forKey: .doc)
        try container.encode(passage.file, forKey: .file)
        try container.encode(passage.title, forKey: .title)
        try container.encode(passage.section, forKey: .section)
        try container.encodeIfPresent(passage.page, forKey: .page)
        try container.encodeLineRange(passage.lines, forKey: .lines)
        try container.encode(passage.text, forKey: .passage)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lines = try container.decodeLineRange(forKey: .lines)
        let document = try container.decode(String.self, forKey: .doc)
        self.init(
            number: try container.decode(Int.self, forKey: .n),
            passage: Passage(
                document: document, file: try container.decodeIfPresent(String.self, forKey: .file) ?? document,
                title: try container.decode(String.self, forKey: .title),
                section: try container.decodeIfPresent(String.self, forKey: .section),
                text: try container.decode(String.self, forKey: .passage), lines: lines,
                page: try container.decodeIfPresent(Int.self, forKey: .page)))
    }
}

extension Answer: Codable {
    private enum CodingKeys: String, CodingKey {
        case question, answer, abstained, kind, corrected, confidence, disclaimer, notice, sentences, sources, passages
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(question, forKey: .question)
        try container.encode(text, forKey: .answer)
        try container.encode(isAbstained, forKey: .abstained)
        try container.encode(kind, forKey: .kind)
        try container.encode(correctedQuestion, forKey: .corrected)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(disclaimer, forKey: .disclaimer)
        try container.encodeIfPresent(notice, forKey: .notice)
        try container.encode(sentences, forKey: .sentences)
        try container.encode(sources, forKey: .sources)
        try container.encode(passages, forKey: .passages)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            question: try container.decode(String.self, forKey: .question),
            kind: try container.decodeIfPresent(QuestionKind.self, forKey: .kind) ?? .other,
            sentences: try container.decode([AnswerSentence].self, forKey: .sentences),
            sources: try container.decode([Citation].self, forKey: .sources),
            passages: try container.decode([Hit].self, forKey: .passages),
            correctedQuestion: try container.decodeIfPresent(String.self, forKey: .corrected),
            confidence: try container.decodeIfPresent(Double.self, forKey: .confidence),
            disclaimer: try container.decodeIfPresent(String.self, forKey: .disclaimer),
            notice: try container.decodeIfPresent(String.self, forKey: .notice))
    }
}
