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
        try Terminal.writeLine(json ? try Terminal.json(answer) : answer.rendered(Terminal.style))
    }
}
