import ArgumentParser
import AskKit
import Foundation

/// Options of the commands that query the index.
public struct SearchOptions: ParsableArguments {
    @Option(name: .customLong("match-budget"), parsing: .unconditional, help: ArgumentHelp(
        """
        How many matching passages a query may score before only its rare words choose candidates \
        (default: 1% of the index's passages, at least 1,000); a larger number ranks more exhaustively, as plain \
        FTS5 does.
        """,
        valueName: "n"))
    var matchBudget: Int?

    @Option(name: .customLong("model"), help: ArgumentHelp(
        "An answer model fitted by `ask train` to rank passages and choose answers with (default: the built-in rules).",
        valueName: "file"))
    var modelFile: String?

    @Flag(name: .customLong("learned"), help: ArgumentHelp(
        "Rank passages and choose answers with the built-in learned model (fitted on MASH-QA and MedQuAD) instead of the rules."))
    var learned = false

    @Flag(name: .customLong("rules"), help: ArgumentHelp(
        """
        Answer by the built-in rules alone (by default the built-in learned model's answer is quoted instead where \
        it is at least 80% confident).
        """))
    var rulesAlone = false

    @Option(name: .customLong("calibration"), help: ArgumentHelp(
        "How confident to be in the built-in rules' answers, fitted by `ask calibrate` (default: the built-in one).",
        valueName: "file"))
    var calibrationFile: String?

    @Option(name: .customLong("min-confidence"), parsing: .unconditional, help: ArgumentHelp(
        "Abstain when the confidence in the answer is below this (default: the model's or the calibration's).",
        valueName: "p"))
    var minimumConfidence: Double?

    @Flag(name: .customLong("lexical"), help: ArgumentHelp(
        "Match words alone: no semantic matching by the passages' vectors, nor by a sentence model."))
    var lexical = false

    @Option(name: .customLong("sentence-weight"), parsing: .unconditional, help: ArgumentHelp(
        "With an index built with --sentence-model: the weight of the model's ranking against the engine's "
            + "(default \(AskEngine.sentenceModelWeight); 0 ranks by the engine alone).", valueName: "w"))
    var sentenceWeight = AskEngine.sentenceModelWeight

    public init() {}

    /// An engine of the index at `index` that asks and answers as these options say.
    public func engine(index: URL) throws -> AskEngine {
        try engineOpener()(index)
    }

    /// What opens engines as these options say, with the files they name (model, calibration) read once: a server
    /// opens the index again when a build replaces it.
    public func engineOpener() throws -> @Sendable (URL) throws -> AskEngine {
        let (budget, model, calibration, minimum) = (matchBudget, try answerModel(), try calibration(), minimumConfidence)
        let sentenceWeight = self.sentenceWeight
        let assisting: AnswerModel? = rulesAlone ? nil : .builtIn
        let embedder = try embedder
        return { index in
            try AskEngine(index: index, matchBudget: budget, answerModel: model, assistingModel: assisting,
                          calibration: calibration, minimumConfidence: minimum, embedder: embedder,
                          sentenceModel: embedder == nil || sentenceWeight == 0 ? .none : .asRecorded,
                          sentenceWeight: sentenceWeight)
        }
    }

    /// The table of token vectors that matches meaning; `nil` with `--lexical`.
    var embedder: TextEmbedder? {
        get throws { lexical ? nil : try TextEmbedder.builtIn }
    }

    public func validate() throws {
        if let matchBudget, matchBudget < 1 { throw ValidationError("--match-budget must be at least 1") }
        if learned && modelFile != nil { throw ValidationError("--learned and --model exclude each other") }
        if rulesAlone && (learned || modelFile != nil) {
            throw ValidationError("--rules answers by the rules alone: it excludes --learned and --model")
        }
        if calibrationFile != nil && (learned || modelFile != nil) {
            throw ValidationError("--calibration applies to the built-in rules' answers, not to a model's")
        }
        if !(sentenceWeight >= 0 && sentenceWeight.isFinite) {
            throw ValidationError("--sentence-weight must be a number of 0 or more")
        }
        if let minimumConfidence, !(0...1).contains(minimumConfidence) {
            throw ValidationError("--min-confidence must be between 0 and 1")
        }
    }

    /// The answer model to use: the one given, the built-in one with `--learned`, or none (the rules).
    func answerModel() throws -> AnswerModel? {
        learned ? .builtIn : try modelFile.map(Self.answerModel(at:))
    }

    /// The answer model in a file written by `ask train`.
    static func answerModel(at path: String) throws -> AnswerModel {
        try read(path, as: "an answer model written by `ask train`", with: AnswerModel.init)
    }

    /// The calibration given, or the built-in one.
    func calibration() throws -> AnswerCalibration {
        try calibrationFile.map {
            try Self.read($0, as: "a calibration written by `ask calibrate`", with: AnswerCalibration.init)
        } ?? .builtIn
    }

    /// Decodes a JSON file of ours, with a clear error when it is missing or something else.
    private static func read<Value>(_ path: String, as what: String, with decode: (Data) throws -> Value) throws
        -> Value
    {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AskError.fileUnreadable(path, reason: "no such file, or not readable")
        }
        do {
            return try decode(data)
        } catch let error as AskError {
            throw error
        } catch {
            throw AskError.fileUnreadable(path, reason: "not \(what)")
        }
    }
}
