@testable import AskKit
import Foundation
import GRDB
import Testing

/// Builds killed with SIGKILL at random moments, for real, and readers that keep reading while the index is replaced.
@Suite struct CrashSafetyTests {
    /// Checks an index file the way SQLite and FTS5 check themselves (FTS5 comparing its index with the stored
    /// text), through GRDB and through the stock `sqlite3` shell, and that it answers; returns what it records of
    /// its corpus and synonyms.
    private func checkedStamp(of index: URL) throws -> String {
        // First as a reader sees it: a writable open would roll a journal left beside the file back and hide it.
        #expect(!FileManager.default.fileExists(atPath: index.path + "-journal"), "a journal beside the index")
        let engine = try AskEngine(index: index)
        #expect(try engine.ask("is vertebroplasty safe").text?.contains("safe") == true)
        let queue = try DatabaseQueue(path: index.path)
        try queue.writeWithoutTransaction { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            try db.execute(sql: "INSERT INTO passages_fts(passages_fts, rank) VALUES('integrity-check', 1)")
            let withoutVector = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM passages WHERE id NOT IN (SELECT passage_id FROM passage_vectors)
                """)
            #expect(withoutVector == 0, "passages without a vector")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM passage_vectors") == engine.info.passages)
            let withoutSentenceVector = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM passages WHERE id NOT IN (SELECT passage_id FROM sentence_vectors)
                """)
            #expect(withoutSentenceVector == 0, "passages without a sentence vector")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence_vectors WHERE part = 0") == engine.info.passages)
        }
        #expect(engine.matchesMeaning && engine.usesSentenceModel)
        try queue.close()
        if let stock = try StockSQLite.check(index) { #expect(stock == "ok\n1", "sqlite3: \(stock)") }
        return engine.info.corpusFingerprint + "/" + engine.info.synonymsFingerprint
    }

    /// A synonyms file of 3,000 rules, so that replacing the stored list is work that can be interrupted.
    private func synonyms(variant: Int) -> String {
        (0..<3_000).map { "term\($0)x\(variant), variant\($0)y => kyphoplasty" }.joined(separator: "\n")
    }

    /// Kills, at random moments, full builds, incremental builds and synonym-only updates (the last through a
    /// question, which refreshes the index first). After each kill the index is the old one or the new one, whole.
    /// The corpus holds a PDF (read by a `pdftotext` process the kill may leave running), a Word file and a book; the
    /// index is built with a (small) sentence model, which every later build keeps, so its vectors are written too.
    @Test func killedBuildsAndUpdatesLeaveEitherTheOldOrTheNewIndexWhole() throws {
        let folder = try TemporaryFolder()
        let corpus = try folder.writeCopiesOfTheShippedCorpus(12)
        let fixtures = Repository.root.appendingPathComponent("Tests/AskKitTests/Fixtures")
        for name in ["pdf/two-column.pdf", "office/guide.docx", "office/guide.epub"] {
            try FileManager.default.copyItem(
                at: fixtures.appendingPathComponent(name),
                to: corpus.appendingPathComponent(String(name.split(separator: "/").last!)))
        }
        let index = folder.path("Index/ask.sqlite")
        func timed(_ body: () throws -> Void) rethrows -> Double {
            let started = Date()
            try body()
            return max(Date().timeIntervalSince(started), 0.05)
        }
        try folder.write("Corpus/synonyms.txt", synonyms(variant: -1))
        var withModel = IndexBuilder()
        withModel.sentenceModel = .model(try SentenceModel(folder: fixtures.appendingPathComponent("sentence-model")))
        let times = [
            "full": try timed { try withModel.build(corpus: corpus, into: index) },
            "incremental": try timed {
                try folder.write("Corpus/changing.txt", "A first change of the corpus.")
                try IndexBuilder().build(corpus: corpus, into: index)
            },
            "synonyms": try timed {
                try folder.write("Corpus/synonyms.txt", synonyms(variant: -2))
                try IndexBuilder().refresh(corpus: corpus, index: index)
            },
        ]

        var generator = SplitMix64(seed: 2026)
        var outcomes: [String: Int] = [:]
        for run in 0..<45 {
            let before = try checkedStamp(of: index)
            let kind = ["full", "incremental", "synonyms"][run % 3]
            var arguments = ["index", "--corpus", corpus.path, "--index", index.path]
            switch kind {
            case "full":
                arguments.append("--full")
                try folder.write("Corpus/changing.txt", "Run \(run) of the crash test changes the corpus with this sentence.")
            case "incremental":
                try folder.write("Corpus/changing.txt", "Run \(run) of the crash test changes the corpus with this sentence.")
            default:
                try folder.write("Corpus/synonyms.txt", synonyms(variant: run))
                arguments = ["what is kyphoplasty", "--corpus", corpus.path, "--index", index.path]
            }
            let process = Process()
            process.executableURL = AskProcess.binary
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double(generator.next() % 1_000) / 1_000 * times[kind]! * 4)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try checkedStamp(of: index)
            let expectedNew = try Corpus(corpus).fingerprint() + "/" + IndexBuilder.synonymsFingerprint(Corpus(corpus))
            #expect(after == before || after == expectedNew, "run \(run) (\(kind)): a partial index")
            outcomes["\(kind): \(after == before ? "old kept" : "new complete")", default: 0] += 1
        }
        print("crash runs: 45,", outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        for kind in ["full", "incremental", "synonyms"] {
            #expect(outcomes["\(kind): old kept", default: 0] > 0, "no \(kind) run was interrupted")
        }

        try IndexBuilder().build(corpus: corpus, into: index)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: index.deletingLastPathComponent().path)
            .filter { $0.contains(".building-") || $0.hasSuffix("-journal") }
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
            ("random.sqlite", Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }), "not a SQLite file"),
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
