import ArgumentParser
import AskKit

/// `ask synonyms`: the synonyms the index searches with.
struct Synonyms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the synonyms questions are searched with: the corpus's synonyms.txt and the abbreviations its documents define.",
        discussion: "A line `abbreviations: off` in synonyms.txt turns the documents' abbreviations off.")

    @Flag(help: "Print the synonyms as JSON: {\"rules\", \"abbreviations\", \"usesAbbreviations\"}.")
    var json = false

    @OptionGroup var locations: Locations

    func run() throws {
        let synonyms = try locations.openEngine(SearchOptions.parse(["--lexical"])).synonyms
        if json {
            try Terminal.writeLine(try Terminal.json(synonyms))
            return
        }
        try Terminal.writeLine(Terminal.bold("From \(Corpus.synonymsFileName) (\(synonyms.rules.count) rules)"))
        for rule in synonyms.rules {
            let inputs = rule.inputs.map { $0.joined(separator: " ") }.joined(separator: ", ")
            let outputs = rule.outputs.map { $0.joined(separator: " ") }.joined(separator: ", ")
            try Terminal.writeLine("  " + Terminal.safe(rule.isEquivalence ? inputs : "\(inputs) => \(outputs)"))
        }
        let state = synonyms.usesAbbreviations ? "" : "; off: synonyms.txt says `abbreviations: off`"
        try Terminal.writeLine(Terminal.bold(
            "\nDefined in the documents (\(synonyms.abbreviations.count) abbreviations\(state))"))
        for abbreviation in synonyms.abbreviations {
            let passages = abbreviation.passages == 1 ? "1 passage" : "\(abbreviation.passages) passages"
            try Terminal.writeLine("  " + Terminal.safe("\(abbreviation.short), \(abbreviation.long)")
                + Terminal.dim("  (\(passages))"))
        }
    }
}
