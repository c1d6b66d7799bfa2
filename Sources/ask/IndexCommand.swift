import ArgumentParser
import AskKit
import Foundation

/// `ask index`: rebuild the index from the corpus.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Bring the index up to date with the corpus folder.",
        discussion: """
            Only files whose content changed are read again, and passages of deleted files are removed; --full \
            reads every file into a new index.
            """)

    @OptionGroup var locations: Locations

    @Flag(help: "Read every file into a new index instead of updating the existing one.")
    var full = false

    func run() throws {
        let progress = ProgressLine()
        defer { progress.clear() }
        let report = try IndexBuilder().build(
            corpus: locations.corpusURL, into: locations.indexURL, full: full, warn: progress.warn,
            progress: progress.show)
        progress.clear()
        try Terminal.writeLine(report.summary)
        try Terminal.writeLine("index: \(locations.indexURL.path)")
    }
}
