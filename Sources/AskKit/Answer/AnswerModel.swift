import Foundation

/// What the engine learned about answers: which sentence starts one, how far it runs, and how sure it is that the
/// answer is supported. Fitted from judged questions by `ask train` (``AnswerTraining``) and stored as a small JSON
/// file, which any engine can be given (``AskEngine/init(index:matchBudget:answerModel:minimumConfidence:)``, `ask
/// --model FILE`).
public struct AnswerModel: Sendable, Hashable, Codable {
    /// The names of the sentence features, in order (``SentenceCandidate/featureNames``).
    public var features: [String]
    /// Which of the best passages' sentences starts the answer: a choice among them.
    public var start: ConditionalLogit
    /// Whether the sentence right after one of the answer belongs to it too, from that next sentence's features.
    public var continuation: LogisticRegression
    /// The next sentence joins the answer while ``continuation`` gives it at least this probability.
    public var continuationThreshold: Double
    /// The longest answer, in sentences.
    public var maximumSentences: Int
    /// The names of the confidence features, in order (``AnswerModel/confidenceFeatureNames``).
    public var confidenceFeatures: [String]
    /// The probability that the corpus answers the question, from the evidence for the answer chosen: the engine's
    /// confidence.
    public var confidence: LogisticRegression
    /// Below this confidence the engine abstains.
    public var minimumConfidence: Double
    /// How the model was fitted and its thresholds chosen, for people.
    public var note: String
    /// The names of the passage features, in order (``Reranker/featureNames``), when the model ranks passages.
    public var rankingFeatures: [String]?
    /// How passages are ranked, learned from where the gold answers are; `nil` keeps the built-in ranking.
    public var ranking: ConditionalLogit?

    /// What each confidence feature is, in order.
    public static let confidenceFeatureNames = [
        "intercept", "probability that the first sentence starts the answer", "first sentence coverage",
        "its passage's coverage",
        "its passage's score relative to the best", "share of the question's weight the index does not hold",
        "coverage of the first sentence and the two after it", "its passage's BM25 over the question's weight",
        "share of the passages considered from the first sentence's document",
        "margin of the first sentence's probability over the next best's",
    ] + DocumentTopicality.names

    /// A model with every weight 0: the start from which `ask train` fits one.
    public static let untrained = AnswerModel(
        start: ConditionalLogit(weights: SentenceCandidate.featureNames.map { _ in 0 }),
        continuation: LogisticRegression(weights: SentenceCandidate.featureNames.map { _ in 0 }),
        continuationThreshold: 1, maximumSentences: 1,
        confidence: LogisticRegression(weights: confidenceFeatureNames.map { _ in 0 }), minimumConfidence: 0,
        note: "untrained")

    /// The same model, ranking passages by `ranking`.
    public func ranking(by ranking: ConditionalLogit) -> AnswerModel {
        var model = self
        model.ranking = ranking
        model.rankingFeatures = Reranker.featureNames
        return model
    }

    /// Reads a model file.
    /// - Throws: a decoding error, or ``AskError/fileUnreadable(_:reason:)`` when it was fitted on other features.
    public init(json: Data) throws {
        self = try JSONDecoder().decode(AnswerModel.self, from: json)
        guard features == SentenceCandidate.featureNames, start.weights.count == features.count,
            continuation.weights.count == features.count,
            confidenceFeatures == Self.confidenceFeatureNames, confidence.weights.count == confidenceFeatures.count,
            ranking == nil || (rankingFeatures == Reranker.featureNames
                && ranking?.weights.count == Reranker.featureNames.count)
        else {
            throw AskError.fileUnreadable("answer model", reason: "fitted on other features than this version's")
        }
    }

    /// A model from fitted parts.
    init(start: ConditionalLogit, continuation: LogisticRegression, continuationThreshold: Double,
         maximumSentences: Int, confidence: LogisticRegression, minimumConfidence: Double, note: String,
         ranking: ConditionalLogit? = nil)
    {
        self.ranking = ranking
        rankingFeatures = ranking == nil ? nil : Reranker.featureNames
        features = SentenceCandidate.featureNames
        self.start = start
        self.continuation = continuation
        self.continuationThreshold = continuationThreshold
        self.maximumSentences = maximumSentences
        confidenceFeatures = Self.confidenceFeatureNames
        self.confidence = confidence
        self.minimumConfidence = minimumConfidence
        self.note = note
    }

    /// The model as JSON, one field a line, for a file people can read and diff.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The confidence features of an answer that starts with candidate `first`, given every candidate's
    /// probability of starting it.
    static func confidenceFeatures(of first: Int, in candidates: [SentenceCandidate], probabilities: [Double])
        -> [Double]
    {
        let sentence = candidates[first]
        let document = sentence.document
        var passages: [Int: String] = [:]
        for candidate in candidates { passages[candidate.passageRank] = candidate.document }
        let sameDocument = Double(passages.values.count { $0 == document }) / Double(max(passages.count, 1))
        let runnerUp = probabilities.indices.filter { $0 != first }.map { probabilities[$0] }.max() ?? 0
        return [1, probabilities[first], sentence.features[1], sentence.features[8], sentence.features[9],
                sentence.features[19], sentence.features[22], sentence.features[24], sameDocument,
                probabilities[first] - runnerUp] + sentence.documentEvidence
    }

    /// The candidate most likely to start the answer, with every candidate's probability of starting it; `nil`
    /// when there are none.
    func likeliestStart(among candidates: [SentenceCandidate]) -> (first: Int, probabilities: [Double])? {
        let probabilities = start.probabilities(candidates.map(\.features))
        guard let first = probabilities.indices.max(by: { probabilities[$0] < probabilities[$1] }) else { return nil }
        return (first, probabilities)
    }

    /// The answer's sentences (indices into `candidates`, in reading order) and its confidence: the sentence most
    /// likely to start the answer, then the sentences right after it while each likely continues it.
    func choose(from candidates: [SentenceCandidate]) -> (sentences: [Int], confidence: Double) {
        guard let (first, probabilities) = likeliestStart(among: candidates) else { return ([], 0) }
        var chosen = [first]
        var next = first + 1
        while chosen.count < maximumSentences, next < candidates.count, candidates[next].follows(candidates[next - 1]),
            continuation.probability(candidates[next].features) >= continuationThreshold
        {
            chosen.append(next)
            next += 1
        }
        let confidence = confidence.probability(
            Self.confidenceFeatures(of: first, in: candidates, probabilities: probabilities))
        return (chosen, confidence)
    }
}
