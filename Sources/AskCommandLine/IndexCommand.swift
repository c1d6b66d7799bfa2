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
            reads every file into a new index. --watch keeps running and updates the index whenever the corpus \
            changes, with one line per update, until it is interrupted (Ctrl-C).
            """)

    @OptionGroup var locations: Locations

    @Flag(help: "Read every file into a new index instead of updating the existing one.")
    var full = false

    @Flag(help: "Keep running, and update the index whenever the corpus changes (Ctrl-C stops).")
    var watch = false

    @Option(name: .customLong("sentence-model"), help: ArgumentHelp(
        "Embed the passages with this sentence model too, and rank with it: a folder as sentence-transformers saves "
            + "one (config.json, model.safetensors, tokenizer.json), such as all-MiniLM-L6-v2. Later builds keep it. "
            + "Far slower to build than the built-in table: for small corpora.", valueName: "folder"))
    var sentenceModelFolder: String?

    @Flag(name: .customLong("no-sentence-model"), help: "Build without the sentence model the index was built with.")
    var noSentenceModel = false

    func validate() throws {
        if sentenceModelFolder != nil && noSentenceModel {
            throw ValidationError("--sentence-model and --no-sentence-model exclude each other")
        }
    }

    func run() throws {
        var builder = IndexBuilder()
        if let sentenceModelFolder {
            builder.sentenceModel = .model(try SentenceModel(folder: URL(fileURLWithPath: sentenceModelFolder)))
        } else if noSentenceModel {
            builder.sentenceModel = .none
        }
        let report = try build(with: builder, full: full)
        try Terminal.writeLine(report.summary)
        try Terminal.writeLine("index: \(locations.indexURL.path)")
        guard watch else { return }
        Interruption.catchSignals()
        let watcher = try CorpusWatcher(corpus: locations.corpusURL)
        switch watcher.mode {
        case .notifications: Terminal.note("watching \(locations.corpusURL.path) for changes (Ctrl-C stops)")
        case .polling(let reason):
            Terminal.note("watching \(locations.corpusURL.path) every \(Int(watcher.pollInterval)) s: \(reason)")
        }
        while try watcher.waitForChange(shouldStop: { Interruption.isInterrupted }) {
            do {
                let update = try build(with: builder, full: false)
                if update.indexChanged { try Terminal.writeLine("\(Self.clock()) \(update.summary)") }
            } catch let error as AskError {
                // A corpus emptied for a moment, a build that failed: said, and the next change tries again.
                if case .corpusMissing = error { throw error }
                Terminal.warn(error.description)
            }
        }
        try Interruption.exitIfInterrupted()
    }

    /// One build of the index, with its progress and warnings on standard error.
    private func build(with builder: IndexBuilder, full: Bool) throws -> BuildReport {
        let progress = ProgressLine()
        defer { progress.clear() }
        return try builder.build(
            corpus: locations.corpusURL, into: locations.indexURL, full: full, warn: progress.warn,
            progress: progress.show)
    }

    /// The time of day, "14:03:27", that opens each line of a watched update.
    private static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}
