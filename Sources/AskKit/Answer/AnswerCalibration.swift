import Foundation

/// How confident the engine is in an answer its built-in rules chose (``AnswerExtractor``): the probability that
/// the corpus answers the question, from the evidence the rules weighed, and the confidence below which the engine
/// abstains. Fitted on judged questions by `ask calibrate` (``CalibrationTraining``)
/// and stored as a small JSON file; ``builtIn`` is the one the engine uses unless given another.
public struct AnswerCalibration: Sendable, Hashable, Codable {
    /// The names of the evidence values, in order (``AnswerExtractor/evidenceNames``).
    public var features: [String]
    /// The probability that the corpus answers the question.
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
    /// threshold within 8% false abstention is 0.50 (f1_all 0.223 -> 0.215, false abstention 0.006 -> 0.080,
    /// dev-unans abstained 0.107 -> 0.420; 0.51 abstains wrongly on 8.5%), but the probabilities learned on WebMD
    /// articles, each the one page on its topic, run lower on the shipped pages, which share their topic and are
    /// asked in plainer words: a threshold that pays on MASH-QA abstains wrongly on many seed questions (README,
    /// "Learned answers").
    public static let builtIn = AnswerCalibration(
        confidence: LogisticRegression(weights: [
            -0.8457418830656687,
            0.10933459286693416,
            1.7461201626780805,
            -1.2819005255640463,
            -0.842465342775384,
            -0.2894853530020928,
            -0.06377389271800746,
            -2.4237413675302686,
            1.6414844521560474,
            0.27714443925891835,
            1.0294236761881796,
        ]),
        minimumConfidence: 0, note: "MASH-QA train (Benchmarks/Training/mashqa.py), threshold 0: see the README")
}
