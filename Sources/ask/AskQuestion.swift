import ArgumentParser
import AskKit

/// `ask "QUESTION"`: the answer and its sources.
struct AskQuestion: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "question", abstract: "Answer a question with cited quotes (the default command).")

    @Argument(help: "The question. Quote it, or give it as several words.")
    var words: [String]

    @Flag(help: "Print the answer as JSON (see the README for the schema).")
    var json = false

    @OptionGroup var locations: Locations
    @OptionGroup var searchOptions: SearchOptions

    func run() throws {
        let question = words.joined(separator: " ")
        let answer = try locations.openEngine(searchOptions).ask(question)
        try Terminal.writeLine(json ? try Terminal.json(answer) : Self.render(answer))
    }

    static func render(_ answer: Answer) -> String {
        var lines: [String] = []
        if let notice = answer.notice { lines.append(Terminal.dim(notice)) }
        if let corrected = answer.correctedQuestion {
            lines.append(Terminal.dim("Showing results for: \(Terminal.safe(corrected))"))
        }
        if answer.isAbstained {
            lines.append("The documents do not answer this question.")
            if !answer.passages.isEmpty {
                lines.append("")
                lines.append("Closest passages:")
                for hit in answer.passages.prefix(3) {
                    lines.append("[\(hit.rank)] \(Terminal.bold(Terminal.describe(hit.passage)))")
                    lines.append("    \(Terminal.safe(excerpt(hit.passage.text)))")
                }
            }
        } else {
            lines.append(answer.sentences.map { sentence in
                Terminal.safe(sentence.text) + " " + sentence.sources.map { "[\($0)]" }.joined()
            }.joined(separator: " "))
            lines.append("")
            lines.append("Sources:")
            for source in answer.sources {
                lines.append("[\(source.number)] \(Terminal.describe(source.passage))")
            }
        }
        if let disclaimer = answer.disclaimer {
            lines.append("")
            lines.append(Terminal.dim(Terminal.safe(disclaimer)))
        }
        return lines.joined(separator: "\n")
    }

    private static func excerpt(_ text: String, words: Int = 40) -> String {
        let all = text.split(separator: " ")
        return all.count <= words ? text : all.prefix(words).joined(separator: " ") + " …"
    }
}
