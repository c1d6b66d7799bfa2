import ArgumentParser
import AskKit
import Foundation

/// The `--index` and `--corpus` options every command takes.
public struct Locations: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index file.", valueName: "file"))
    var index: String?

    @Option(name: .long, help: ArgumentHelp("The corpus folder.", valueName: "dir"))
    var corpus: String?

    public var indexURL: URL {
        URL(fileURLWithPath: index ?? ProcessInfo.processInfo.environment["ASK_INDEX"] ?? "Index/ask.sqlite")
    }

    public var corpusURL: URL {
        URL(fileURLWithPath: corpus ?? ProcessInfo.processInfo.environment["ASK_CORPUS"] ?? "Corpus")
    }

    /// The corpus folder, when there is one at ``corpusURL``.
    public var corpusFolder: URL? {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: corpusURL.path, isDirectory: &isFolder)
        return exists && isFolder.boolValue ? corpusURL : nil
    }

    /// Opens the engine, first building or refreshing the index when it is missing or stale (said on stderr).
    public func openEngine(_ options: SearchOptions = SearchOptions()) throws -> AskEngine {
        try refreshIndex()
        return try options.engine(index: indexURL)
    }

    /// Builds or refreshes the index when it is missing or stale, saying so on stderr: what a command does before
    /// it opens the index.
    public func refreshIndex() throws {
        let progress = ProgressLine()
        defer { progress.clear() }
        let refresh = try IndexBuilder().refresh(
            corpus: corpusURL, index: indexURL, warn: progress.warn, progress: progress.show)
        progress.clear()
        switch refresh {
        case .built(let report, let reason):
            Terminal.note("\(reason): \(report.summary)")
        case .settingsUpdated:
            Terminal.note("the corpus settings changed (synonyms.txt, disclaimer.txt): updated them in the index")
        case .builtFromAnotherCorpus(let location):
            Terminal.note("the index was built from \(location), not from \(corpusURL.path): used as it is "
                + "(`ask index --corpus \(corpusURL.path)` rebuilds it from that corpus)")
        case .buildInProgress(let reason):
            Terminal.note("\(reason); another process is updating the index: answered from the index as it is")
        case .current, .corpusAbsent:
            break
        }
    }

    /// Opens the engine as ``openEngine(_:)`` does, but ranking and answering by the built-in rules whatever model
    /// the options name: what `ask train` and `ask calibrate` start from, so that they fit the same way every time.
    func openRulesEngine(_ options: SearchOptions) throws -> AskEngine {
        try refreshIndex()
        return try AskEngine(
            index: indexURL, matchBudget: options.matchBudget, answerModel: nil, assistingModel: nil,
            embedder: options.embedder, sentenceModel: .none)
    }

    public init() {}
}
