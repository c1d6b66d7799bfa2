@testable import AskKit
import Foundation

/// Paths of the repository, found from this file's location.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The shipped corpus.
    static let corpus = root.appendingPathComponent("Corpus")
    /// `../shared`, present beside the project in CI and on developers' machines, never in a user's clone.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let seedQuestions = shared.appendingPathComponent("eval/seed-questions.jsonl")
    static var hasSeedQuestions: Bool { FileManager.default.fileExists(atPath: seedQuestions.path) }
}

/// A fresh temporary folder, removed when the value is released.
final class TemporaryFolder: @unchecked Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ask-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes a file (creating folders) and returns its URL.
    @discardableResult
    func write(_ path: String, _ contents: String) throws -> URL {
        try write(path, Data(contents.utf8))
    }

    @discardableResult
    func write(_ path: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    /// A temporary folder holding a copy of the shipped corpus as `Corpus/`.
    static func withShippedCorpus() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: Repository.corpus, to: folder.path("Corpus"))
        return folder
    }

    /// `Corpus/` made of `copies` copies of the shipped documents (`copy-0/…`), so that a build lasts a while.
    func writeCopiesOfTheShippedCorpus(_ copies: Int) throws -> URL {
        let corpus = path("Corpus")
        for copy in 0..<copies {
            let target = corpus.appendingPathComponent("copy-\(copy)")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for entry in try Corpus(Repository.corpus).entries() {
                try FileManager.default.copyItem(at: entry.url, to: target.appendingPathComponent(entry.path))
            }
        }
        return corpus
    }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }
}

/// One index of the shipped corpus, built once for all tests that only read it.
enum SeedIndex {
    private static let folder = try! TemporaryFolder()
    static let url: URL = {
        let index = folder.path("ask.sqlite")
        try! IndexBuilder().build(corpus: Repository.corpus, into: index)
        return index
    }()
    static let engine: AskEngine = try! AskEngine(index: url)
}

/// The shipped corpus's documents cut into passages, keyed by file name.
enum SeedPassages {
    static let all: [String: [Passage]] = {
        var passages: [String: [Passage]] = [:]
        for entry in try! Corpus(Repository.corpus).entries() {
            guard case .read(let file, _) = CorpusReader().read(entry) else { continue }
            passages[file.path] = file.documents.flatMap { Chunker().passages(of: $0) }
        }
        return passages
    }()
}
