/// Fits an ``AnswerCalibration`` from judged questions: asks each question of an engine, takes the answer its
/// built-in rules choose with the evidence for it, and fits the probability that the question is one the corpus
/// answers (see ``AnswerModel/confidence`` for why that label). Deterministic, as ``AnswerTraining`` is.
public struct CalibrationTraining: Sendable {
    /// One question's answer.
    struct Example: Sendable {
        /// ``AnswerExtractor/evidenceNames`` in order; `nil` when the rules abstained whatever the confidence.
        var evidence: [Double]?
        /// The answer's sentence-level F1 (0 when unanswerable).
        var f1: Double
        var answerable: Bool
    }

    let examples: [Example]

    /// Asks every question of `engine` and labels the answers of its built-in rules; questions judged by whole
    /// documents only are left out.
    public init(questions: [EvaluationQuestion], engine: AskEngine) throws {
        examples = try questions.filter(\.judgesSentences).map { question in
            let outcome = try engine.ruleOutcome(for: question.question)
            let sentences = outcome.sentences.map(\.text)
            let gold = question.answerable ? question.goldSentences.map(QuestionSetEvaluation.words) : []
            let scores = QuestionSetEvaluation.sentenceScores(of: sentences, gold: gold)
            return Example(
                evidence: sentences.isEmpty ? nil : outcome.evidence, f1: scores.f1, answerable: question.answerable)
        }
    }

    /// Fits the calibration.
    /// - Parameters:
    ///   - minimumConfidence: the abstention threshold to store; `nil` chooses one as ``AbstentionThresholds``
    ///     does, within `maximumFalseAbstention`.
    ///   - penalty: the L2 penalty of the confidence model.
    /// - Throws: ``AskError/trainingFailed(_:)`` when the rules answered no question.
    public func fit(minimumConfidence: Double? = nil, maximumFalseAbstention: Double = 0.08, penalty: Double = 1,
                    note: String) throws -> (calibration: AnswerCalibration, thresholds: AbstentionThresholds)
    {
        let answered = examples.filter { $0.evidence != nil }
        guard !answered.isEmpty else {
            throw AskError.trainingFailed("the built-in rules answered none of the questions: nothing to learn from")
        }
        let confidence = LogisticRegression.fit(
            answered.map { $0.evidence! }, labels: answered.map(\.answerable), penalty: penalty)
        let thresholds = AbstentionThresholds(examples.map { example in
            (example.evidence.map(confidence.probability) ?? 0, example.f1, example.answerable)
        })
        let calibration = AnswerCalibration(
            confidence: confidence,
            minimumConfidence: minimumConfidence ?? thresholds.best(maximumFalseAbstention: maximumFalseAbstention),
            note: note)
        return (calibration, thresholds)
    }
}
