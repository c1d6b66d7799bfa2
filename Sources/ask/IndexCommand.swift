import ArgumentParser
import AskKit
import Foundation

/// `ask index`: rebuild the index from the corpus.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "Rebuild the index from the corpus folder.")

    @OptionGroup var locations: Locations

    func run() throws {
        let report = try IndexBuilder().build(
            corpus: locations.corpusURL, into: locations.indexURL, warn: Terminal.warn)
        print(report.summary)
        print("index: \(locations.indexURL.path)")
    }
}
