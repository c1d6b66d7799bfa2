@testable import AskKit
import Foundation
import GRDB
import Testing

/// Runs the real `ask` binary, built beside the test bundle, in a temporary folder.
struct AskProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("ask")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return Repository.root.appendingPathComponent(".build/debug/ask")
    }()

    /// Runs `ask` with `arguments`; with `launcher`, runs that program with its own arguments and then `ask`'s
    /// (as `setpriv --reuid=… ask …`).
    static func run(_ arguments: [String], in folder: URL, input: String? = nil,
                    environment: [String: String] = [:], launcher: [String] = []) throws -> Output
    {
        let process = Process()
        process.executableURL = launcher.first.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = launcher.isEmpty ? arguments : launcher.dropFirst() + [binary.path] + arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["ASK_INDEX"] = nil
        env["ASK_CORPUS"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

@Suite struct CommandLineTests {
    /// A temporary folder holding a copy of the shipped corpus as `Corpus/`.
    private func workspace() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: Repository.corpus, to: folder.path("Corpus"))
        return folder
    }

    @Test func askBuildsTheIndexOnFirstUseAndAnswersWithCitations() throws {
        let folder = try workspace()
        let output = try AskProcess.run(["how long to heal"], in: folder.url)
        #expect(output.status == 0)
        #expect(output.stderr.contains("no index yet"))
        #expect(output.stdout.contains("3 months"))
        #expect(output.stdout.contains("[1]"))
        #expect(output.stdout.contains("Sources:"))
        #expect(output.stdout.contains("lines "))
        #expect(output.stdout.contains(Answer.disclaimer))
        #expect(!output.stdout.contains("\u{1B}["), "no colour when piped")
        #expect(FileManager.default.fileExists(atPath: folder.path("Index/ask.sqlite").path))
        let again = try AskProcess.run(["how long to heal"], in: folder.url)
        #expect(again.stderr.isEmpty)
    }

    @Test func aChangedCorpusIsReindexedAndSaidSo() throws {
        let folder = try workspace()
        _ = try AskProcess.run(["index"], in: folder.url)
        try folder.write("Corpus/extra.md", "# Walking\n\nWalking every day keeps bones strong and lowers the risk of falls.")
        let output = try AskProcess.run(["search", "walking every day"], in: folder.url)
        #expect(output.stderr.contains("corpus changed"))
        #expect(output.stdout.contains("extra.md"))
    }

    @Test func anIndexOfAnotherCorpusIsSearchedAsItIsNeverRebuiltFromTheDefaultOne() throws {
        let folder = try workspace()
        try folder.write(
            "Other/walking.md", "# Walking\n\nWalking every day keeps bones strong and lowers the risk of falls.")
        let index = folder.path("other.sqlite").path
        _ = try AskProcess.run(["index", "--corpus", "Other", "--index", index], in: folder.url)
        // Searched without --corpus: the default ./Corpus is another corpus, and must not replace the index.
        let output = try AskProcess.run(["search", "--index", index, "walking every day"], in: folder.url)
        #expect(output.status == 0)
        #expect(output.stdout.contains("walking.md"))
        #expect(output.stderr.contains("the index was built from Other"))
        #expect(try AskEngine(index: URL(fileURLWithPath: index)).info.documents == 1)

        // Moved together with its corpus, the index still follows that corpus's changes.
        try FileManager.default.createDirectory(at: folder.path("moved"), withIntermediateDirectories: false)
        try FileManager.default.moveItem(at: folder.path("Other"), to: folder.path("moved/Other"))
        try FileManager.default.moveItem(at: folder.path("other.sqlite"), to: folder.path("moved/other.sqlite"))
        try folder.write(
            "moved/Other/swimming.md", "# Swimming\n\nSwimming is gentle on the spine and keeps joints moving.")
        let moved = try AskProcess.run(
            ["search", "--index", "moved/other.sqlite", "--corpus", "moved/Other", "swimming gentle spine"],
            in: folder.url)
        #expect(moved.stderr.contains("corpus changed"))
        #expect(moved.stdout.contains("swimming.md"))
    }

    @Test func editedSynonymsAreUsedWithoutRereadingDocuments() throws {
        let folder = try workspace()
        _ = try AskProcess.run(["index"], in: folder.url)
        let before = try AskProcess.run(["search", "--json", "zorblax"], in: folder.url)
        #expect(before.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        try folder.write("Corpus/synonyms.txt", "zorblax => kyphoplasty\n")
        let after = try AskProcess.run(["search", "--json", "zorblax"], in: folder.url)
        #expect(after.stderr.contains("synonyms changed"))
        #expect(after.stdout.contains("Kyphoplasty"))
    }

    @Test func jsonAnswersFollowTheSchema() throws {
        let folder = try workspace()
        let output = try AskProcess.run(["--json", "is vertebroplasty safe"], in: folder.url)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["abstained"] as? Bool == false)
        #expect((object["passages"] as? [Any])?.count ?? 0 >= 10)
    }

    @Test func searchListsRankedPassagesAndRespectsTheLimit() throws {
        let folder = try workspace()
        let output = try AskProcess.run(["search", "cement leak", "--limit", "3"], in: folder.url)
        #expect(output.status == 0)
        #expect(output.stdout.contains("1. ") && output.stdout.contains("3. ") && !output.stdout.contains("4. "))
        let json = try AskProcess.run(["search", "cement leak", "--limit", "2", "--json"], in: folder.url)
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 2 && hits[0]["rank"] as? Int == 1)
    }

    @Test func batchWritesOneAnswerPerQuestionWithItsID() throws {
        let folder = try workspace()
        try folder.write("q.jsonl", """
            {"id": "a", "question": "is vertebroplasty safe"}
            {"id": "b", "question": "how do I bake sourdough bread"}
            not json
            {"id": 3, "question": "what is kyphoplasty"}
            """)
        let output = try AskProcess.run(["batch", "q.jsonl"], in: folder.url)
        #expect(output.status == 0)
        let answers = output.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(answers.map { $0["id"] as? String } == ["a", "b", "3"])
        #expect(answers[1]["abstained"] as? Bool == true)
        #expect(output.stderr.contains("q.jsonl:3"))
    }

    @Test func indexReportsDocumentsPassagesAndSkippedFiles() throws {
        let folder = try workspace()
        try folder.write("Corpus/broken.txt", Data([0xFF, 0x00, 0xFE, 0x00, 0x01]))
        let output = try AskProcess.run(["index"], in: folder.url)
        #expect(output.status == 0)
        #expect(output.stdout.contains("indexed 5 documents"))
        #expect(output.stdout.contains("skipped 1 file"))
        #expect(output.stderr.contains("broken.txt"))
    }

    @Test func errorsAreOneLineAndExitNonZero() throws {
        let folder = try TemporaryFolder()
        let missing = try AskProcess.run(["how long to heal"], in: folder.url)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("corpus folder not found"))
        #expect(missing.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)

        try FileManager.default.createDirectory(at: folder.path("Corpus"), withIntermediateDirectories: true)
        let empty = try AskProcess.run(["index"], in: folder.url)
        #expect(empty.status != 0 && empty.stderr.contains("no readable documents"))

        try folder.write("junk.sqlite", Data(repeating: 0x41, count: 5000))
        let corrupt = try AskProcess.run(["search", "cement", "--index", "junk.sqlite"], in: folder.url)
        #expect(corrupt.status != 0 && corrupt.stderr.contains("junk.sqlite") && corrupt.stderr.contains("ask index"))

        let foreign = folder.path("foreign.sqlite")
        try DatabaseQueue(path: foreign.path).write { try $0.execute(sql: "CREATE TABLE notes(text)") }
        let other = try AskProcess.run(["DXA", "--index", foreign.path, "--corpus", Repository.corpus.path], in: folder.url)
        #expect(other.status != 0 && other.stderr.contains("another program"))
        #expect(try DatabaseQueue(path: foreign.path).read { try $0.tableExists("notes") }, "never overwritten")
    }

    @Test func controlCharactersFromTheCorpusNeverReachTheTerminal() throws {
        let folder = try TemporaryFolder()
        try folder.write("Corpus/evil.txt", "The cement \u{1B}[2J\u{1B}]0;pwned\u{07} hardens in about ten minutes after injection into bone.")
        let output = try AskProcess.run(["search", "cement hardens"], in: folder.url)
        #expect(output.status == 0)
        #expect(!output.stdout.contains("\u{1B}") && !output.stdout.contains("\u{07}"))
    }
}
