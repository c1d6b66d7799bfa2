import Foundation

/// A question of a question set (the `../shared/eval/` format): the question, whether the corpus answers it, the
/// gold quotes that answer it, and regular expressions for the facts a good answer holds.
public struct EvaluationQuestion: Sendable, Codable, Hashable {
    /// A quote of a corpus document that answers the question, or (without a quote) a document that answers it as
    /// a whole, as document-level judgements (BEIR qrels) give it.
    public struct Gold: Sendable, Codable, Hashable {
        /// The document the quote is from: its path in the corpus folder, or its `.jsonl` id.
        public var doc: String
        /// The quote, verbatim up to whitespace; `nil` when any passage of the document answers.
        public var quote: String?
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
    /// Every sentence of the gold answer, verbatim (MASH-QA's sentence-level judgements).
    public var answerSentences: [String]?

    private enum CodingKeys: String, CodingKey {
        case id, question, answerable, gold, nuggets
        case answerSentences = "answer_sentences"
    }

    /// The gold answer as sentences: ``answerSentences`` when given, else the gold quotes.
    public var goldSentences: [String] {
        let sentences = (answerSentences ?? []).filter { !QuestionSetEvaluation.words($0).isEmpty }
        return sentences.isEmpty ? (gold ?? []).compactMap(\.quote) : sentences
    }

    /// True when the question says which sentences answer it, or that none does: what answer models learn from
    /// (a question judged by whole documents only teaches ranking).
    var judgesSentences: Bool { !answerable || !goldSentences.isEmpty }

    /// The documents judged to answer the question as a whole (gold without a quote).
    public var goldDocuments: Set<String> {
        Set((gold ?? []).filter { $0.quote == nil }.map(\.doc))
    }

    /// Whether a passage holds the question's answer: 80% of the words of a ``findableGold`` sentence, or any
    /// text of a ``goldDocuments`` document.
    func holdsAnswer() -> (Passage) -> Bool {
        let sentences = findableGold, documents = goldDocuments
        return { documents.contains($0.document) || QuestionSetEvaluation.holds($0.text, anyOf: sentences) }
    }

    /// The gold sentences, as words, one of which a passage must hold for the question to count as found there:
    /// those under four words are passed over when the question has a longer one (as `score_sentences.py` does).
    var findableGold: [[String]] {
        let gold = goldSentences.map(QuestionSetEvaluation.words)
        let long = gold.filter { $0.count >= 4 }
        return long.isEmpty ? gold : long
    }

    /// Reads a JSON Lines question set.
    public static func parse(_ text: String) throws -> [EvaluationQuestion] {
        try text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }.map {
            try JSONDecoder().decode(EvaluationQuestion.self, from: Data($0.utf8))
        }
    }
}

/// How an engine's answers score on a question set, as `../shared/eval/README.md` defines it: a question is
/// found at rank k when the k-th passage holds 80% of the words of a gold sentence (`answer_sentences`, or else a
/// gold quote); an answer is right when all its nuggets match; every answer sentence must be a verbatim span of a
/// passage it cites. Sets with `answer_sentences` (MASH-QA) are also scored sentence by sentence, as
/// `score_sentences.py` scores them.
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
    /// Sentence-level scores, as `score_sentences.py` (MASH-QA) computes them; `nil` when no question gives
    /// `answer_sentences`.
    public var sentences: SentenceScores?

    /// How answer sentences match gold answer sentences: one is in another when 80% of its words are.
    public struct SentenceScores: Sendable, Codable, Hashable {
        /// Answer sentences that are in one gold sentence, averaged over answered answerable questions.
        public var precision: Double
        /// Gold sentences that are in one answer sentence, averaged over answered answerable questions.
        public var recall: Double
        /// F1 of the two per answered question, averaged.
        public var f1: Double
        /// The same F1 over all answerable questions, an abstention counting 0: the headline figure.
        public var f1All: Double
    }
    /// One line per question that missed: gold ranked below 3, nuggets missed, an unfaithful sentence.
    public var failures: [String]

    /// Asks every question and scores the answers.
    public init(questions: [EvaluationQuestion], answer: (String) throws -> Answer) rethrows {
        var ranks: [Int?] = []
        var nuggetsAll = 0, nuggetsAny = 0, abstainedUnanswerable = 0, unanswerable = 0, abstainedAnswerable = 0
        var sentences = 0, faithful = 0
        var failures: [String] = []
        var sentenceScores: [(precision: Double, recall: Double, f1: Double)?] = []
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
            let holdsAnswer = question.holdsAnswer()
            let rank = reply.passages.prefix(10).firstIndex { holdsAnswer($0.passage) }.map { $0 + 1 }
            if question.answerSentences?.isEmpty == false {
                let goldWords = question.goldSentences.map(Self.words)
                sentenceScores.append(
                    reply.isAbstained ? nil : Self.sentenceScores(of: reply.sentences.map(\.text), gold: goldWords))
            }
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
        let answered = sentenceScores.compactMap { $0 }
        self.sentences = sentenceScores.isEmpty ? nil : SentenceScores(
            precision: answered.map(\.precision).reduce(0, +) / Double(max(answered.count, 1)),
            recall: answered.map(\.recall).reduce(0, +) / Double(max(answered.count, 1)),
            f1: answered.map(\.f1).reduce(0, +) / Double(max(answered.count, 1)),
            f1All: answered.map(\.f1).reduce(0, +) / Double(sentenceScores.count))
    }

    /// Precision, recall and F1 of an answer's sentences against the gold sentences' words.
    static func sentenceScores(of sentences: [String], gold: [[String]])
        -> (precision: Double, recall: Double, f1: Double)
    {
        let answer = sentences.map(words).filter { !$0.isEmpty }
        let goldSets = gold.map(Set.init)
        let answerSets = answer.map(Set.init)
        let precision = answer.isEmpty ? 0
            : Double(answer.count { sentence in goldSets.contains { isMostly(sentence, in: $0) } }) / Double(answer.count)
        let recall = gold.isEmpty ? 0
            : Double(gold.count { sentence in answerSets.contains { isMostly(sentence, in: $0) } }) / Double(gold.count)
        return (precision, recall, precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0)
    }

    /// A passage holds a gold sentence (given as its words) when it holds 80% of its words.
    static func holds(_ passage: String, anyOf gold: [[String]]) -> Bool {
        let passageWords = Set(words(passage))
        return gold.contains { isMostly($0, in: passageWords) }
    }

    /// True when at least 80% of `words` (counted with repeats) are in `other`: how `score_sentences.py` tells
    /// that one text is in another.
    static func isMostly(_ words: [String], in other: Set<String>) -> Bool {
        guard !words.isEmpty else { return false }
        return Double(words.count { other.contains($0) }) >= 0.8 * Double(words.count)
    }

    /// Lower-cased runs of ASCII letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
    }

    private static func folded(_ text: String) -> String { text.collapsingWhitespace() }
}
