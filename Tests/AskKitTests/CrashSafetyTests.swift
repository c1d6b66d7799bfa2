@testable import AskKit
import Foundation
import GRDB
import Testing

/// Builds killed with SIGKILL at random moments, for real, and readers that keep reading while the index is replaced.
@Suite struct CrashSafetyTests {
    /// A corpus of many copies of the seed documents, so that a build lasts long enough to be interrupted.
    private func largeCorpus(in folder: TemporaryFolder, copies: Int) throws -> URL {
        let corpus = folder.path("Corpus")
        for copy in 0..<copies {
            let target = corpus.appendingPathComponent("copy-\(copy)")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for entry in try Corpus(Repository.corpus).entries() {
                try FileManager.default.copyItem(at: entry.url, to: target.appendingPathComponent(entry.path))
            }
        }
        return corpus
    }

    /// Checks an index file the way SQLite and FTS5 check themselves, and that it answers; returns its fingerprint.
    private func checkedFingerprint(of index: URL) throws -> String {
        let queue = try DatabaseQueue(path: index.path)
        try queue.writeWithoutTransaction { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            try db.execute(sql: "INSERT INTO passages_fts(passages_fts) VALUES('integrity-check')")
        }
        try queue.close()
        let engine = try AskEngine(index: index)
        #expect(try engine.ask("is vertebroplasty safe").text?.contains("safe") == true)
        return engine.info.corpusFingerprint
    }

    @Test func killedBuildsLeaveEitherTheOldOrTheNewIndexWhole() throws {
        let folder = try TemporaryFolder()
        let corpus = try largeCorpus(in: folder, copies: 12)
        let index = folder.path("Index/ask.sqlite")
        func timed(_ body: () throws -> Void) rethrows -> Double {
            let started = Date()
            try body()
            return max(Date().timeIntervalSince(started), 0.05)
        }
        let fullTime = try timed { try IndexBuilder().build(corpus: corpus, into: index) }
        try folder.write("Corpus/changing.txt", "A first change of the corpus.")
        let incrementalTime = try timed { try IndexBuilder().build(corpus: corpus, into: index) }

        var generator = SplitMix64(seed: 2026)
        var outcomes: [String: Int] = [:]
        for run in 0..<50 {
            let before = try checkedFingerprint(of: index)
            // Each run builds a corpus different from the one indexed: in turn fully and incrementally.
            try folder.write("Corpus/changing.txt", "Run \(run) of the crash test changes the corpus with this sentence.")
            let expectedNew = try Corpus(corpus).fingerprint()
            let full = run.isMultiple(of: 2)
            let process = Process()
            process.executableURL = AskProcess.binary
            process.arguments = ["index", "--corpus", corpus.path, "--index", index.path] + (full ? ["--full"] : [])
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = Double(generator.next() % 1_000) / 1_000 * (full ? fullTime : incrementalTime) * 4
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try checkedFingerprint(of: index)
            #expect(after == before || after == expectedNew, "run \(run): a partial index")
            outcomes["\(full ? "full" : "incremental"): \(after == before ? "old kept" : "new complete")", default: 0] += 1
        }
        print("crash runs: 50,", outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        #expect(outcomes["full: old kept", default: 0] > 0 && outcomes["incremental: old kept", default: 0] > 0)

        try IndexBuilder().build(corpus: corpus, into: index)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: index.deletingLastPathComponent().path)
            .filter { $0.contains(".building-") }
        #expect(leftovers.isEmpty, "temporary files of killed builds: \(leftovers)")
    }

    @Test func anOpenEngineKeepsAnsweringWhileTheIndexIsReplaced() async throws {
        let folder = try TemporaryFolder()
        let index = folder.path("ask.sqlite")
        try IndexBuilder().build(corpus: Repository.corpus, into: index)
        let engine = try AskEngine(index: index)
        let expected = try engine.ask("is vertebroplasty safe").text
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var errors = 0
                    for _ in 0..<40 {
                        // The engine opened before the swaps, and a fresh one each time: both answer in full.
                        if try engine.ask("is vertebroplasty safe").text != expected { errors += 1 }
                        if try AskEngine(index: index).ask("is vertebroplasty safe").text != expected { errors += 1 }
                    }
                    return errors
                }
            }
            group.addTask {
                for _ in 0..<10 { try IndexBuilder().build(corpus: Repository.corpus, into: index) }
                return 0
            }
            var errors = 0
            for try await count in group { errors += count }
            #expect(errors == 0)
        }
    }

    @Test func damagedOrForeignIndexFilesGiveOneClearError() throws {
        let folder = try TemporaryFolder()
        let good = folder.path("good.sqlite")
        try IndexBuilder().build(corpus: Repository.corpus, into: good)
        let data = try Data(contentsOf: good)
        let cases: [(String, Data, String)] = [
            ("empty.sqlite", Data(), "empty file"),
            ("random.sqlite", Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }), "not a SQLite database"),
            ("truncated.sqlite", data.prefix(data.count / 3), "ask index"),
        ]
        for (name, bytes, message) in cases {
            let url = try folder.write(name, bytes)
            #expect(throws: AskError.self, "\(name)") {
                do {
                    let engine = try AskEngine(index: url)
                    _ = try engine.ask("kyphoplasty cement")
                } catch let error as AskError {
                    #expect(error.description.contains(name) && error.description.contains(message), "\(error)")
                    throw error
                }
            }
        }
    }

    @Test func readerProcessesSeeNoErrorWhileTheIndexIsRebuiltAndAnsweringNeverWrites() throws {
        let folder = try TemporaryFolder()
        let index = folder.path("ask.sqlite")
        try IndexBuilder().build(corpus: Repository.corpus, into: index)
        let questions = (0..<60).map { #"{"id": "\#($0)", "question": "is vertebroplasty safe"}"# }
        try folder.write("questions.jsonl", questions.joined(separator: "\n"))
        let expected = try AskEngine(index: index).ask("is vertebroplasty safe").text

        let readers = (0..<3).map { _ in
            let process = Process()
            process.executableURL = AskProcess.binary
            process.arguments = ["batch", folder.path("questions.jsonl").path, "--index", index.path,
                                 "--corpus", folder.path("no-corpus").path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            return (process, output)
        }
        for (process, _) in readers { try process.run() }
        for _ in 0..<10 { try IndexBuilder().build(corpus: Repository.corpus, into: index) }
        var answers = 0
        for (process, output) in readers {
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(text.suffix(300))")
            for line in text.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object?["answer"] as? String == expected)
                answers += 1
            }
        }
        #expect(answers == 180)

        // Answering never writes: the file, its size and date, and the folder's contents stay as they were.
        let before = try FileManager.default.attributesOfItem(atPath: index.path)
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        let engine = try AskEngine(index: index)
        for question in ["how long to heal", "is the cement dangerous", "DXA"] { _ = try engine.ask(question) }
        let after = try FileManager.default.attributesOfItem(atPath: index.path)
        #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)
        #expect(before[.size] as? Int == after[.size] as? Int)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == listing)
    }
}
