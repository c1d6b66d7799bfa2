import ArgumentParser
import AskKit
import Foundation

/// `ask batch FILE`: many questions, one process, one JSON answer per line.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer JSON Lines questions ({\"id\", \"question\"}), writing one JSON answer per line.")

    @Argument(help: "The questions file (JSON Lines); - for standard input.")
    var file: String

    @OptionGroup var locations: Locations
    @OptionGroup var searchOptions: SearchOptions

    /// One answer line: the answer's fields plus the question's `id`.
    private struct Line: Encodable {
        var id: String
        var answer: Answer

        private enum CodingKeys: String, CodingKey { case id }

        func encode(to encoder: any Encoder) throws {
            try answer.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
        }
    }

    func run() throws {
        let text = try Terminal.readText(file)
        let engine = try locations.openEngine(searchOptions)
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let question = (object["question"] ?? object["text"]) as? String
            else {
                Terminal.warn("\(file):\(number + 1): not a JSON object with a \"question\"; skipped")
                continue
            }
            let id = (object["id"] ?? object["_id"]).map { "\($0)" } ?? String(number + 1)
            print(try Terminal.json(Line(id: id, answer: try engine.ask(question))))
        }
    }
}
