import Foundation

/// How confident the engine is in an answer its built-in rules chose (``AnswerExtractor``): the probability that
/// the answer's first sentence answers the question, from the evidence the rules weighed, and the confidence below
/// which the engine abstains. Fitted on judged questions by `ask calibrate` (``CalibrationTraining``)
/// and stored as a small JSON file; ``builtIn`` is the one the engine uses unless given another.
public struct AnswerCalibration: Sendable, Hashable, Codable {
    /// The names of the evidence values, in order (``AnswerExtractor/evidenceNames``).
    public var features: [String]
    /// The probability that the first sentence answers the question.
    public var confidence: LogisticRegression
    /// Below this confidence the engine abstains.
    public var minimumConfidence: Double
    /// How it was fitted and its threshold chosen, for people.
    public var note: String

    /// A calibration with the given weights.
    public init(confidence: LogisticRegression, minimumConfidence: Double, note: String) {
        features = AnswerExtractor.evidenceNames
        self.confidence = confidence
        self.minimumConfidence = minimumConfidence
        self.note = note
    }

    /// Reads a calibration file.
    /// - Throws: a decoding error, or ``AskError/fileUnreadable(_:reason:)`` when it was fitted on other evidence.
    public init(json: Data) throws {
        self = try JSONDecoder().decode(AnswerCalibration.self, from: json)
        guard features == AnswerExtractor.evidenceNames, confidence.weights.count == features.count else {
            throw AskError.fileUnreadable("answer calibration", reason: "fitted on other evidence than this version's")
        }
    }

    /// The calibration as JSON, one field a line.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The confidence in an answer with this evidence.
    func confidence(of evidence: [Double]) -> Double {
        confidence.probability(evidence)
    }

    /// The calibration the engine uses by default, fitted on MASH-QA's 2,420 training questions (796 of them made
    /// unanswerable by `Benchmarks/Training/mashqa.py`) by `ask calibrate --questions
    /// .build-training/mashqa/train.jsonl --index .build-training/mashqa/minus-train.sqlite --corpus
    /// .build-training/mashqa/corpus-minus-train --output FILE` (README, "Learned answers").
    ///
    /// It abstains on no confidence (0): the coverage rules of ``AnswerExtractor`` decide. On MASH-QA dev the best
    /// threshold is 0.11 (f1_all 0.181 -> 0.172, false abstention 0.009 -> 0.071, dev-unans abstained 0.100 ->
    /// 0.300), but the probabilities learned on WebMD articles run lower on the shipped pages: at 0.11 the seed
    /// questions abstain wrongly on 10 of 25 (at 0: 1), and held-out questions of their kind already do on 20-32%.
    public static let builtIn = AnswerCalibration(
        confidence: LogisticRegression(weights: [
            -5.533724973018085,
            -0.4508808793901539,
            2.7609302950778827,
            0.09070425041224074,
            2.180871852144514,
            0.07869922219652806,
            1.1562932777172958,
            -2.1114124005599373,
        ]),
        minimumConfidence: 0, note: "MASH-QA train (Benchmarks/Training/mashqa.py), threshold 0: see the README")
}
