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
        /// The process ran past its time limit and was killed.
        var timedOut = false
    }

    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("ask")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return Repository.root.appendingPathComponent(".build/debug/ask")
    }()

    /// Starts `ask` with `arguments` in `folder`, its standard output read through the pipe returned, its standard
    /// error discarded: for tests that talk to a running process and then signal it.
    static func start(_ arguments: [String], in folder: URL) throws -> (process: Process, output: Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    /// Runs `ask` with `arguments`; with `launcher`, runs that program with its own arguments and then `ask`'s
    /// (as `setpriv --reuid=… ask …`). A process still running after `timeout` seconds is killed and reported.
    /// With `output`, standard output goes there instead of being collected.
    static func run(_ arguments: [String], in folder: URL, input: String? = nil,
                    environment: [String: String] = [:], launcher: [String] = [], timeout: Double = 120,
                    output: FileHandle? = nil) throws -> Output
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
        process.standardOutput = output ?? out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        let watchdog = Watchdog(process, seconds: timeout)
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        if output != nil { try out.fileHandleForWriting.close() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self), timedOut: watchdog.fired)
    }
}

/// Kills a process that runs past its time, so that a test of a hang fails instead of hanging.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var didFire = false
    var fired: Bool { lock.withLock { didFire } }

    init(_ process: Process, seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        Thread.detachNewThread { [self] in
            while process.isRunning {
                if Date() > deadline {
                    lock.withLock { didFire = true }
                    kill(process.processIdentifier, SIGKILL)
                    return
                }
                usleep(20_000)
            }
        }
    }
}

/// The stock `sqlite3` shell, which `.ci/run` installs: what a user's own tools see of an index.
enum StockSQLite {
    static let path = "/usr/bin/sqlite3"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Runs SQL on a database file; standard output and error together, and the exit status.
    static func run(_ database: URL, _ sql: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-bail", database.path, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// SQLite's and FTS5's own checks, the FTS5 one comparing the index with the stored text (rank 1), as the
    /// stock shell runs them; `nil` where the shell is not installed.
    static func check(_ index: URL) throws -> String? {
        guard isInstalled else { return nil }
        let result = try run(index, """
            PRAGMA integrity_check;
            INSERT INTO passages_fts(passages_fts, rank) VALUES('integrity-check', 1);
            SELECT count(*) > 0 FROM passages;
            """)
        return result.status == 0 ? result.output.trimmingCharacters(in: .whitespacesAndNewlines) : result.output
    }
}

@Suite struct CommandLineTests {
    @Test func askBuildsTheIndexOnFirstUseAndAnswersWithCitations() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        let output = try AskProcess.run(["how long to heal"], in: folder.url)
        #expect(output.status == 0)
        #expect(output.stderr.contains("no index yet"))
        #expect(output.stdout.contains("3 months"))
        #expect(output.stdout.contains("[1]"))
        #expect(output.stdout.contains("Sources:"))
        #expect(output.stdout.contains("lines "))
        #expect(output.stdout.contains("General information quoted from the sources listed above, not medical advice."))
        #expect(!output.stdout.contains("\u{1B}["), "no colour when piped")
        #expect(FileManager.default.fileExists(atPath: folder.path("Index/ask.sqlite").path))
        let again = try AskProcess.run(["how long to heal"], in: folder.url)
        #expect(again.stderr.isEmpty)
    }

    @Test func anIndexBuiltWithASentenceModelKeepsItWhenAskRefreshesIt() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        let model = Repository.root.appendingPathComponent("Tests/AskKitTests/Fixtures/sentence-model").path
        let built = try AskProcess.run(["index", "--sentence-model", model], in: folder.url)
        #expect(built.status == 0, "\(built.stderr)")
        try folder.write("Corpus/extra.md", "# Walking\n\nWalking every day keeps bones strong and lowers the risk of falls.")
        let output = try AskProcess.run(["search", "walking every day", "--json"], in: folder.url)
        #expect(output.stdout.contains("extra.md"))
        let info = try IndexStore(url: folder.path("Index/ask.sqlite")).info
        #expect(info.sentenceModelFolder == model)
        let refused = try AskProcess.run(["search", "walking", "--sentence-weight", "-1"], in: folder.url)
        #expect(refused.status != 0 && refused.stderr.contains("--sentence-weight"))
        let both = try AskProcess.run(["index", "--sentence-model", model, "--no-sentence-model"], in: folder.url)
        #expect(both.status != 0 && both.stderr.contains("exclude each other"))
    }

    @Test func aChangedCorpusIsReindexedAndSaidSo() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        _ = try AskProcess.run(["index"], in: folder.url)
        try folder.write("Corpus/extra.md", "# Walking\n\nWalking every day keeps bones strong and lowers the risk of falls.")
        let output = try AskProcess.run(["search", "walking every day"], in: folder.url)
        #expect(output.stderr.contains("corpus changed"))
        #expect(output.stdout.contains("extra.md"))
    }

    @Test func anIndexOfAnotherCorpusIsSearchedAsItIsNeverRebuiltFromTheDefaultOne() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
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
        let folder = try TemporaryFolder.withShippedCorpus()
        _ = try AskProcess.run(["index"], in: folder.url)
        let before = try AskProcess.run(["search", "--json", "zorblax"], in: folder.url)
        #expect(before.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        try folder.write("Corpus/synonyms.txt", "zorblax => kyphoplasty\n")
        let after = try AskProcess.run(["search", "--json", "zorblax"], in: folder.url)
        #expect(after.stderr.contains("the corpus settings changed"))
        #expect(after.stdout.contains("Kyphoplasty"))
    }

    @Test func jsonAnswersFollowTheSchema() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        let output = try AskProcess.run(["--json", "is vertebroplasty safe"], in: folder.url)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["abstained"] as? Bool == false)
        // At least ten passages, or every passage that matches when fewer do.
        let search = try AskProcess.run(["search", "--json", "--limit", "100", "is vertebroplasty safe"], in: folder.url)
        let matching = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [Any]).count
        #expect((object["passages"] as? [Any])?.count ?? 0 >= min(10, matching) && matching >= 5)
    }

    @Test func searchListsRankedPassagesAndRespectsTheLimit() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        let output = try AskProcess.run(["search", "cement leak", "--limit", "3"], in: folder.url)
        #expect(output.status == 0)
        #expect(output.stdout.contains("1. ") && output.stdout.contains("3. ") && !output.stdout.contains("4. "))
        let json = try AskProcess.run(["search", "cement leak", "--limit", "2", "--json"], in: folder.url)
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 2 && hits[0]["rank"] as? Int == 1)
        // By meaning alone: no passage has the word "giraffes", and the nearest passages are listed all the same.
        let meaning = try AskProcess.run(["search", "--meaning-only", "--json", "--limit", "2", "giraffes"], in: folder.url)
        let nearest = try #require(try JSONSerialization.jsonObject(with: Data(meaning.stdout.utf8)) as? [[String: Any]])
        #expect(meaning.status == 0 && nearest.count == 2 && nearest[0]["rank"] as? Int == 1)
    }

    @Test func batchWritesOneRecordPerLineWithItsIDAsGivenAndTheRightLineNumber() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        try folder.write("q.jsonl", """
            {"id": "a", "question": "is vertebroplasty safe"}

            {"id": "b", "question": "how do I bake sourdough bread"}
            not json

            {"id": 3, "question": "what is kyphoplasty"}
            {"id": {"a": 1}, "question": "what is kyphoplasty"}
            {"id": null, "question": "what is kyphoplasty"}
            {"id": 1e400, "question": "what is kyphoplasty"}
            {"id": "no-question"}
            {"question": "what is kyphoplasty"}
            """)
        let output = try AskProcess.run(["batch", "q.jsonl"], in: folder.url)
        #expect(output.status == 1, "a line got an error")
        let lines = output.stdout.split(separator: "\n")
        // Foundation's parser refuses 1e400 (valid JSON, past a Double's range): it reads the records with a 0 there.
        let records = lines.compactMap { line in
            try? JSONSerialization.jsonObject(
                with: Data(line.replacingOccurrences(of: "1e400", with: "0").utf8)) as? [String: Any]
        }
        #expect(records.count == lines.count && records.count == 9, "one valid JSON record per non-blank line")
        #expect(records.map { $0["line"] as? Int } == [1, 3, 4, 6, 7, 8, 9, 10, 11])
        // Ids are echoed as the input wrote them, whatever their type; a line without one gets its line number.
        #expect(lines[0].hasPrefix(#"{"id":"a","line":1,"#) && lines[3].hasPrefix(#"{"id":3,"line":6,"#))
        #expect(lines[4].hasPrefix(#"{"id":{"a": 1},"line":7,"#) && lines[5].hasPrefix(#"{"id":null,"line":8,"#))
        #expect(lines[6].hasPrefix(#"{"id":1e400,"line":9,"#) && lines[8].hasPrefix(#"{"id":"11","line":11,"#))
        #expect(records[1]["abstained"] as? Bool == true)
        #expect(records[2]["error"] as? String == "not a JSON object" && records[7]["error"] as? String != nil)
        #expect(records[6]["answer"] as? String != nil, "an id of 1e400 does not drop the question")
        #expect(output.stderr.contains("q.jsonl:4: not a JSON object") && output.stderr.contains("q.jsonl:10:"))
    }

    @Test func indexReportsDocumentsPassagesAndSkippedFiles() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
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

    @Test func outputThatCannotBeWrittenIsAnErrorNotASilentLoss() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        try folder.write("q.jsonl", #"{"id": 1, "question": "how long to heal"}"#)
        for arguments in [["how long to heal"], ["batch", "q.jsonl"], ["search", "cement"], ["index"]] {
            let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
            let output = try AskProcess.run(arguments, in: folder.url, output: full)
            #expect(output.status != 0, "\(arguments)")
            #expect(output.stderr.contains("cannot write standard output: no space left on device"), "\(output.stderr)")
        }
    }

    /// SIGINT or SIGTERM during `ask batch`: the line in progress is finished, every line written is whole JSON,
    /// and the process exits as interrupted.
    @Test func anInterruptedBatchLeavesOnlyWholeLines() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        _ = try AskProcess.run(["index"], in: folder.url)
        let questions = (0..<5_000).map { #"{"id": \#($0), "question": "how long does a fracture take to heal"}"# }
        try folder.write("q.jsonl", questions.joined(separator: "\n"))
        for signal in [SIGINT, SIGTERM] {
            let (process, output) = try AskProcess.start(["batch", "q.jsonl"], in: folder.url)
            var received = Data()
            while received.filter({ $0 == UInt8(ascii: "\n") }).count < 20 {
                received += output.fileHandleForReading.availableData
            }
            kill(process.processIdentifier, signal)
            received += output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 128 + signal)
            let text = String(decoding: received, as: UTF8.self)
            #expect(text.hasSuffix("\n"), "a line was cut")
            let lines = text.split(separator: "\n")
            #expect(lines.count >= 20 && lines.count < 5_000)
            #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
        }
    }

    @Test func versionAndNumericOptionsAreChecked() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        let version = try AskProcess.run(["--version"], in: folder.url)
        #expect(version.status == 0 && version.stdout.contains("ask \(AskVersion.release) (index format"))
        for (arguments, message) in [
            (["search", "cement", "--limit", "-3"], "--limit must be at least 1"),
            (["search", "cement", "--limit", "0"], "--limit must be at least 1"),
            (["search", "cement", "--match-budget", "0"], "--match-budget must be at least 1"),
            (["how long to heal", "--match-budget", "-5"], "--match-budget must be at least 1"),
            (["search", "cement", "--meaning-only", "--lexical"], "--meaning-only and --lexical exclude each other"),
            (["search", "cement", "--meaning-only", "--explain"], "nothing to --explain"),
        ] {
            let output = try AskProcess.run(arguments, in: folder.url)
            #expect(output.status != 0 && output.stderr.contains(message), "\(arguments): \(output.stderr)")
        }
    }

    /// The disclaimer belongs to the corpus: the shipped one has `disclaimer.txt`, a tea note has none; an
    /// abstention quotes nothing and shows none; an edited disclaimer is used without re-reading documents.
    @Test func theDisclaimerIsASettingOfTheCorpus() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        try folder.write("Tea/tea.md", "# Brewing green tea\n\nGreen tea is best brewed with water at about 80 degrees "
            + "for two to three minutes, because boiling water makes it bitter.\n")
        let tea = try AskProcess.run(["--json", "how long should green tea steep", "--corpus", "Tea", "--index", "tea.sqlite"],
                                     in: folder.url)
        let teaAnswer = try JSONDecoder().decode(Answer.self, from: Data(tea.stdout.utf8))
        #expect(!teaAnswer.isAbstained && teaAnswer.disclaimer == nil)
        let plain = try AskProcess.run(["how long should green tea steep", "--corpus", "Tea", "--index", "tea.sqlite"],
                                       in: folder.url)
        #expect(!plain.stdout.contains("not medical advice"))

        let abstention = try AskProcess.run(["how do I bake sourdough bread"], in: folder.url)
        #expect(abstention.stdout.contains("do not answer") && !abstention.stdout.contains("not medical advice"))
        try folder.write("Corpus/disclaimer.txt", "Quoted from patient leaflets; ask your doctor.\n")
        let edited = try AskProcess.run(["how long to heal"], in: folder.url)
        #expect(edited.stderr.contains("the corpus settings changed"), "\(edited.stderr)")
        #expect(edited.stdout.hasSuffix("Quoted from patient leaflets; ask your doctor.\n"), "\(edited.stdout)")
    }

    @Test func controlCharactersFromTheCorpusNeverReachTheTerminal() throws {
        let folder = try TemporaryFolder()
        try folder.write("Corpus/evil.txt", "The cement \u{1B}[2J\u{1B}]0;pwned\u{07} hardens in about ten minutes after injection into bone.")
        let output = try AskProcess.run(["search", "cement hardens"], in: folder.url)
        #expect(output.status == 0)
        #expect(!output.stdout.contains("\u{1B}") && !output.stdout.contains("\u{07}"))
    }
}
