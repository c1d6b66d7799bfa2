import ArgumentParser
import AskKit
import Foundation

/// `ask calibrate`: fit the confidence of the built-in rules' answers on judged questions.
struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit how confident to be in the built-in answers, and when to abstain, on judged questions.",
        discussion: """
            Questions are in the ../shared/eval format, as for `ask train`. Each is asked of the index; the \
            answer the built-in rules choose is labelled supported when one of its sentences is in a gold \
            answer, and the confidence is fitted on the evidence the rules weighed. --min-confidence stores that \
            abstention threshold instead of choosing one. Use the result with --calibration FILE.
            """)

    @OptionGroup var fitting: FittingOptions
    @OptionGroup var locations: Locations
    @OptionGroup var searchOptions: SearchOptions

    func run() throws {
        let questions = try fitting.questions()
        let training = try CalibrationTraining(questions: questions, engine: try locations.openRulesEngine(searchOptions))
        let (calibration, thresholds) = try training.fit(
            minimumConfidence: searchOptions.minimumConfidence,
            maximumFalseAbstention: fitting.maximumFalseAbstention, penalty: fitting.penalty, note: fitting.note)
        try fitting.write(try calibration.json())
        try Terminal.writeLine("\(questions.count) questions (\(questions.count { !$0.answerable }) unanswerable)")
        try fitting.report(thresholds, stored: calibration.minimumConfidence)
    }
}
