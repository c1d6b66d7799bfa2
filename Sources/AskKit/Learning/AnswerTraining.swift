import Foundation

/// Fits an ``AnswerModel`` from judged questions: asks each question of an engine, labels the sentences of its best
/// passages as in or out of the gold answer, and fits the sentence model, the answer length and the confidence
/// model on them. Deterministic: the same questions and index give the same model.
///
/// A question's gold answer is its `answer_sentences` (as MASH-QA gives them) or else its `gold` quotes; a sentence
/// belongs to it when 80% of its words are in one gold sentence (as `score_sentences.py` counts). Unanswerable
/// questions (`"answerable": false`) teach the confidence model when to abstain.
public struct AnswerTraining: Sendable {
    /// One question's sentences, labelled.
    public struct Example: Sendable {
        var candidates: [SentenceCandidate]
        var labels: [Bool]
        var answerable: Bool
        /// How many gold sentences the question has.
        var goldCount: Int
    }

    /// The examples, one per question.
    public let examples: [Example]

    /// Asks every question of `engine` and labels the sentences it would choose from; questions judged by whole
    /// documents only are left out.
    public init(questions: [EvaluationQuestion], engine: AskEngine) throws {
        examples = try questions.filter(\.judgesSentences).map { question in
            let gold = question.goldSentences.map { Set(QuestionSetEvaluation.words($0)) }
            let candidates = try engine.sentenceCandidates(for: question.question)
            let labels = candidates.map { candidate in
                question.answerable && gold.contains {
                    QuestionSetEvaluation.isMostly(QuestionSetEvaluation.words(candidate.text), in: $0)
                }
            }
            return Example(candidates: candidates, labels: labels, answerable: question.answerable,
                           goldCount: gold.count)
        }
    }

    /// What fitting found, for people.
    public struct Report: Sendable {
        /// Answer F1 on the training questions (abstentions aside) at each continuation threshold tried.
        public var continuation: [(threshold: Double, f1: Double)]
        /// What each confidence threshold would do on the training questions.
        public var confidence: AbstentionThresholds
        /// The share of answerable questions whose first chosen sentence is a gold one, and the share with a gold
        /// sentence among the candidates at all (the most the choice can reach).
        public var firstSentenceRight = 0.0
        public var goldAmongCandidates = 0.0
    }

    /// Fits how passages are ranked: a choice among each answerable question's reranked candidates of the one that
    /// holds its gold answer (the best-ranked such passage), from the features the built-in ranking combines.
    /// - Returns: `nil` when no question's gold answer is among its candidates.
    public static func fitRanking(questions: [EvaluationQuestion], engine: AskEngine, penalty: Double = 1) throws
        -> ConditionalLogit?
    {
        var groups: [[[Double]]] = []
        var chosen: [Int] = []
        for question in questions where question.answerable {
            let holdsAnswer = question.holdsAnswer()
            let ranked = try engine.rankedPassages(for: question.question).filter { !$0.features.isEmpty }
            let holding = ranked.firstIndex { holdsAnswer($0.candidate.passage) }
            guard let holding, ranked.count > 1 else { continue }
            groups.append(ranked.map(\.features))
            chosen.append(holding)
        }
        return groups.isEmpty ? nil : ConditionalLogit.fit(groups, chosen: chosen, penalty: penalty)
    }

    /// The longest answer: MASH-QA's gold answers average 3.5 sentences, and 40% have more than 3.
    public static let maximumSentences = 5

    /// Fits the model.
    /// - Parameters:
    ///   - minimumConfidence: the abstention threshold to store; `nil` chooses the one that maximises F1 over
    ///     answerable questions plus the share of unanswerable ones abstained on, among thresholds that abstain
    ///     on at most `maximumFalseAbstention` of the answerable ones.
    ///   - penalty: the L2 penalty of every model fitted, against overfitting. 1 by default: on MASH-QA dev, at
    ///     each penalty's best threshold within 8% false abstention, f1_all + dev-unans abstained was 0.544 with
    ///     0.1, 0.577 with 1 and 0.547 with 10 (README, "Learned answers").
    ///   - ranking: a passage ranking fitted by ``fitRanking(questions:engine:penalty:)`` to store with the model
    ///     (the examples should come from an engine that ranks with it).
    ///   - note: how the model was made, stored with it.
    /// - Throws: ``AskError/trainingFailed(_:)`` when no question's gold answer is among the sentences found.
    public func fit(minimumConfidence: Double? = nil, maximumFalseAbstention: Double = 0.08, penalty: Double = 1,
                    ranking: ConditionalLogit? = nil, note: String) throws -> (model: AnswerModel, report: Report)
    {
        let answerable = examples.filter { $0.answerable && $0.labels.contains(true) }
        guard !answerable.isEmpty else {
            throw AskError.trainingFailed(
                "no question's gold answer is among the sentences the engine found for it: nothing to learn from")
        }
        // Where the answer starts: the first sentence of a gold run, in the best-ranked passage holding one.
        let starts = answerable.map { example in
            example.labels.indices.first { index in
                example.labels[index]
                    && !(index > 0 && example.labels[index - 1] && example.candidates[index].follows(example.candidates[index - 1]))
            }!
        }
        let start = ConditionalLogit.fit(
            answerable.map { $0.candidates.map(\.features) }, chosen: starts, penalty: penalty)
        // Whether a run goes on: every sentence that follows a gold one, labelled by whether it is gold too.
        var continuationRows: [[Double]] = []
        var continuationLabels: [Bool] = []
        for example in answerable {
            for index in example.candidates.indices.dropLast()
            where example.labels[index] && example.candidates[index + 1].follows(example.candidates[index]) {
                continuationRows.append(example.candidates[index + 1].features)
                continuationLabels.append(example.labels[index + 1])
            }
        }
        var model = AnswerModel(
            start: start,
            continuation: LogisticRegression.fit(continuationRows, labels: continuationLabels, penalty: penalty),
            continuationThreshold: 0.5, maximumSentences: Self.maximumSentences,
            confidence: LogisticRegression(weights: Array(repeating: 0, count: AnswerModel.confidenceFeatureNames.count)),
            minimumConfidence: 0, note: note, ranking: ranking)

        var report = Report(continuation: [], confidence: AbstentionThresholds([]))
        let withCandidates = examples.filter { $0.answerable && !$0.candidates.isEmpty }
        let answerableCount = Double(max(examples.count { $0.answerable }, 1))
        report.goldAmongCandidates = Double(answerable.count) / answerableCount
        report.firstSentenceRight = Double(withCandidates.count { example in
            model.likeliestStart(among: example.candidates).map { example.labels[$0.first] } ?? false
        }) / answerableCount
        for step in 1...19 {
            model.continuationThreshold = Double(step) * 0.05
            let scores = withCandidates.map { f1(of: model.choose(from: $0.candidates).sentences, in: $0) }
            report.continuation.append((model.continuationThreshold, scores.reduce(0, +) / Double(max(scores.count, 1))))
        }
        model.continuationThreshold = report.continuation.max { $0.f1 < $1.f1 }?.threshold ?? 0.5

        // The confidence model learns whether the corpus answers the question, not whether the first sentence is a
        // gold one: abstention is about the first. MASH-QA dev, with the same features (before sentence similarity
        // joined the start model's): learned on gold first sentences, 0.413 of dev-unans abstained at 6.8% false
        // abstention (threshold 0.09); on answerability, 0.467 at 5.9% and 0.513 at 7.6% (thresholds 0.45 and
        // 0.5), f1_all 0.231 -> 0.230.
        var confidenceRows: [[Double]] = []
        var confidenceLabels: [Bool] = []
        for example in examples {
            guard let (first, probabilities) = model.likeliestStart(among: example.candidates) else { continue }
            confidenceRows.append(AnswerModel.confidenceFeatures(
                of: first, in: example.candidates, probabilities: probabilities))
            confidenceLabels.append(example.answerable)
        }
        model.confidence = LogisticRegression.fit(confidenceRows, labels: confidenceLabels, penalty: penalty)

        report.confidence = AbstentionThresholds(examples.map { example in
            let (chosen, confidence) = model.choose(from: example.candidates)
            return (example.candidates.isEmpty ? 0 : confidence, example.answerable ? f1(of: chosen, in: example) : 0,
                    example.answerable)
        })
        model.minimumConfidence = minimumConfidence
            ?? report.confidence.best(maximumFalseAbstention: maximumFalseAbstention)
        return (model, report)
    }

    /// The F1 of chosen sentences against an example's gold answer: precision over the chosen sentences, recall
    /// over the gold ones (each chosen gold sentence standing for one gold sentence).
    private func f1(of chosen: [Int], in example: Example) -> Double {
        guard !chosen.isEmpty, example.goldCount > 0 else { return 0 }
        let hits = Double(chosen.count { example.labels[$0] })
        let precision = hits / Double(chosen.count)
        let recall = min(1, hits / Double(example.goldCount))
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
}
