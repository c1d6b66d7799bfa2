import Foundation

/// A question of a question set (the `../shared/eval/` format): the question, whether the corpus answers it, the
/// gold quotes that answer it, and regular expressions for the facts a good answer holds.
public struct EvaluationQuestion: Sendable, Codable, Hashable {
    /// A quote of a corpus document that answers the question.
    public struct Gold: Sendable, Codable, Hashable {
        /// The document the quote is from.
        public var doc: String
        /// The quote, verbatim up to whitespace.
        public var quote: String
    }

    /// The question id.
    public var id: String
    /// The question as a person would type it.
    public var question: String
    /// False when the corpus does not answer it.
    public var answerable: Bool
    /// Where the corpus answers it.
    public var gold: [Gold]?
    /// Regular expressions (case-insensitive) for the facts a good answer holds.
    public var nuggets: [String]?

    /// Reads a JSON Lines question set.
    public static func parse(_ text: String) throws -> [EvaluationQuestion] {
        try text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }.map {
            try JSONDecoder().decode(EvaluationQuestion.self, from: Data($0.utf8))
        }
    }
}

/// How an engine's answers score on a question set, as `../shared/eval/README.md` defines it: a question is
/// found at rank k when the k-th passage holds 80% of the words of a gold quote; an answer is right when all its
/// nuggets match; every answer sentence must be a verbatim span of a passage it cites.
public struct QuestionSetEvaluation: Sendable, Codable {
    /// Share of answerable questions with a gold quote in the first passage.
    public var recallAt1: Double
    /// Share with a gold quote in the top three passages.
    public var recallAt3: Double
    /// Share with a gold quote in the top five passages.
    public var recallAt5: Double
    /// Mean reciprocal rank of the first passage holding a gold quote, within ten.
    public var mrrAt10: Double
    /// Share of answerable questions whose answer matches all nuggets.
    public var nuggetsAll: Double
    /// Share of answerable questions whose answer matches at least one nugget.
    public var nuggetsAny: Double
    /// Unanswerable questions on which the engine abstained, and how many there were.
    public var abstainedUnanswerable: Int
    /// How many questions the corpus does not answer.
    public var unanswerable: Int
    /// Answerable questions on which the engine abstained, and how many there were.
    public var abstainedAnswerable: Int
    /// How many questions the corpus answers.
    public var answerable: Int
    /// Share of answer sentences found verbatim in a passage they cite.
    public var faithfulness: Double
    /// One line per question that missed: gold ranked below 3, nuggets missed, an unfaithful sentence.
    public var failures: [String]

    /// Asks every question and scores the answers.
    public init(questions: [EvaluationQuestion], answer: (String) throws -> Answer) rethrows {
        var ranks: [Int?] = []
        var nuggetsAll = 0, nuggetsAny = 0, abstainedUnanswerable = 0, unanswerable = 0, abstainedAnswerable = 0
        var sentences = 0, faithful = 0
        var failures: [String] = []
        for question in questions {
            let reply = try answer(question.question)
            guard question.answerable else {
                unanswerable += 1
                if reply.isAbstained {
                    abstainedUnanswerable += 1
                } else {
                    failures.append("\(question.id): answered an unanswerable question: \(reply.text ?? "")")
                }
                continue
            }
            if reply.isAbstained { abstainedAnswerable += 1 }
            let rank = reply.passages.prefix(10).firstIndex { hit in
                (question.gold ?? []).contains { Self.holds(hit.passage.text, quote: $0.quote) }
            }.map { $0 + 1 }
            ranks.append(rank)
            let text = reply.text ?? ""
            let hits = (question.nuggets ?? []).map {
                text.range(of: $0, options: [.regularExpression, .caseInsensitive]) != nil
            }
            if hits.allSatisfy({ $0 }) { nuggetsAll += 1 }
            if hits.isEmpty || hits.contains(true) { nuggetsAny += 1 }
            if rank.map({ $0 > 3 }) ?? true {
                failures.append("\(question.id): gold at rank \(rank.map(String.init) ?? "none"): \(question.question)")
            } else if !hits.allSatisfy({ $0 }) {
                failures.append("\(question.id): nuggets missed: \(question.question) -> \(text.prefix(160))")
            }
            for sentence in reply.sentences {
                sentences += 1
                let cited = reply.sources.filter { sentence.sources.contains($0.number) }
                if cited.contains(where: { Self.folded($0.passage.text).contains(Self.folded(sentence.text)) }) {
                    faithful += 1
                } else {
                    failures.append("\(question.id): sentence not verbatim in its cited passage: \(sentence.text)")
                }
            }
        }
        let found = Double(max(ranks.count, 1))
        recallAt1 = Double(ranks.count { ($0 ?? 99) <= 1 }) / found
        recallAt3 = Double(ranks.count { ($0 ?? 99) <= 3 }) / found
        recallAt5 = Double(ranks.count { ($0 ?? 99) <= 5 }) / found
        mrrAt10 = ranks.reduce(0) { $0 + ($1.map { 1 / Double($0) } ?? 0) } / found
        self.nuggetsAll = Double(nuggetsAll) / found
        self.nuggetsAny = Double(nuggetsAny) / found
        self.abstainedUnanswerable = abstainedUnanswerable
        self.unanswerable = unanswerable
        self.abstainedAnswerable = abstainedAnswerable
        self.answerable = ranks.count
        faithfulness = sentences == 0 ? 1 : Double(faithful) / Double(sentences)
        self.failures = failures
    }

    /// A passage holds a quote when it holds 80% of the quote's words.
    static func holds(_ passage: String, quote: String) -> Bool {
        let quoteWords = words(quote)
        guard !quoteWords.isEmpty else { return false }
        let passageWords = Set(words(passage))
        return Double(quoteWords.count { passageWords.contains($0) }) / Double(quoteWords.count) >= 0.8
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
    }

    private static func folded(_ text: String) -> String { text.collapsingWhitespace() }
}
