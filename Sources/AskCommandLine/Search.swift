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

    @Flag(help: "Show how each passage's score came about: its BM25, its similarity of meaning, and the parts of the score words and meaning make.")
    var explain = false

    @Flag(help: "List the passages nearest the query by meaning alone, scored by their similarity to it (no word matching).")
    var meaningOnly = false

    @OptionGroup var locations: Locations
    @OptionGroup var searchOptions: SearchOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard !(meaningOnly && explain) else {
            throw ValidationError("--meaning-only scores by similarity alone: there is nothing to --explain")
        }
        guard !(meaningOnly && searchOptions.lexical) else {
            throw ValidationError("--meaning-only and --lexical exclude each other")
        }
    }

    func run() throws {
        let engine = try locations.openEngine(searchOptions)
        let query = words.joined(separator: " ")
        if meaningOnly, !engine.matchesMeaning { throw AskError.noPassageVectors(engine.indexURL.path) }
        let hits = meaningOnly
            ? try engine.nearestPassages(to: query, limit: limit)
            : try engine.search(query, limit: limit, explain: explain)
        if json {
            try Terminal.writeLine(try Terminal.json(hits))
            return
        }
        if hits.isEmpty { try Terminal.writeLine("No passage matches.") }
        for hit in hits {
            try Terminal.writeLine("\(hit.rank). \(Terminal.bold(Terminal.describe(hit.passage))) "
                + Terminal.dim("score \(String(format: "%.3f", hit.score))"))
            if let explanation = hit.explanation {
                try Terminal.writeLine("   " + Terminal.dim(String(
                    format: "lexical %.3f + semantic %.3f (BM25 %.2f, similarity %.3f)", explanation.lexical,
                    explanation.semantic, explanation.bm25, explanation.similarity)))
                if let fusion = explanation.fusion {
                    let model = fusion.modelRank.map { rank in
                        String(format: "model's rank %d (similarity %.3f) %.4f", rank, fusion.modelSimilarity ?? 0, fusion.model)
                    } ?? "not among the model's nearest"
                    try Terminal.writeLine("   " + Terminal.dim(String(
                        format: "fused: engine's rank %d %.4f + %@", fusion.engineRank, fusion.engine, model)))
                }
            }
            try Terminal.writeLine("   \(Terminal.highlighted(hit))\n")
        }
    }
}
