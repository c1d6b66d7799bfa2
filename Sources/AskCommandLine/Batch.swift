import ArgumentParser
import AskKit
import Foundation

/// `ask batch FILE`: many questions, one process, one JSON record per question line.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer JSON Lines questions ({\"id\", \"question\"}), writing one JSON record per line.",
        discussion: """
            Every non-blank input line gets one output line, in order, with its "id" as given (or its line number as \
            a string) and its "line" number: the answer, or an "error" for a line that is not a question. Each \
            line is written whole; on SIGINT or SIGTERM the line in progress is finished and the command stops. \
            Exits 1 when some line got an error.
            """)

    @Argument(help: "The questions file (JSON Lines); - for standard input.")
    var file: String

    @OptionGroup var locations: Locations
    @OptionGroup var searchOptions: SearchOptions

    func run() throws {
        let text = try Terminal.readText(file)
        let engine = try locations.openEngine(searchOptions)
        Interruption.catchSignals()
        var failed = 0
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            try Interruption.exitIfInterrupted()
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy(\.isWhitespace) { continue }
            let number = offset + 1
            let record: String
            do {
                record = try answer(line, number: number, engine: engine)
            } catch let error as LineError {
                failed += 1
                Terminal.warn("\(file):\(number): \(error.message)")
                record = Self.record(id: error.id, line: number, fields: #""error":\#(try Terminal.json(error.message))}"#)
            }
            try Terminal.write(record + "\n")
        }
        try Interruption.exitIfInterrupted()
        if failed > 0 { throw ExitCode(1) }
    }

    /// A line that got no answer, and the id it gave if any.
    private struct LineError: Error {
        var id: String?
        var message: String
    }

    /// The answer record of one question line.
    private func answer(_ line: Substring, number: Int, engine: AskEngine) throws -> String {
        guard let object = RawJSONObject(line) else { throw LineError(message: "not a JSON object") }
        let id = (object.members["id"] ?? object.members["_id"])
        guard let question = object.string("question") ?? object.string("text") else {
            throw LineError(id: id, message: #"no "question" string"#)
        }
        let answer: Answer
        do {
            answer = try engine.ask(question)
        } catch {
            throw LineError(id: id, message: "\(error)")
        }
        let givenID = try id ?? Terminal.json(String(number))
        return Self.record(id: givenID, line: number, fields: String(try Terminal.json(answer).dropFirst()))
    }

    /// `{"id": …, "line": N, …}`: the id as the input wrote it (null when it gave none), then the other fields,
    /// which `fields` holds as JSON without its opening brace.
    private static func record(id: String?, line: Int, fields: String) -> String {
        #"{"id":\#(id ?? "null"),"line":\#(line),\#(fields)"#
    }
}
