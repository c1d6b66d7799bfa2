import ArgumentParser
import AskKit

/// `ask search "QUERY"`: ranked passages with the matched words highlighted.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the passages that best match a query.")

    @Argument(help: "The query.")
    var words: [String]

    @Option(parsing: .unconditional, help: "How many passages to list.")
    var limit = 10

    @Flag(help: "Print the passages as JSON.")
    var json = false

    @OptionGroup var locations: Locations
    @OptionGroup var searchOptions: SearchOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let hits = try locations.openEngine(searchOptions).search(words.joined(separator: " "), limit: limit)
        if json {
            try Terminal.writeLine(try Terminal.json(hits))
            return
        }
        if hits.isEmpty { try Terminal.writeLine("No passage matches.") }
        for hit in hits {
            try Terminal.writeLine("\(hit.rank). \(Terminal.bold(Terminal.describe(hit.passage))) "
                + Terminal.dim("score \(String(format: "%.3f", hit.score))"))
            try Terminal.writeLine("   \(Terminal.highlighted(hit))\n")
        }
    }
}
