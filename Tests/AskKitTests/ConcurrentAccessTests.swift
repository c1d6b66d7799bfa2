@testable import AskKit
import Foundation
import GRDB
import Testing

/// Several processes at one index: builds take turns on the build lock, readers that find the index stale while a
/// build runs answer from the index as it is, and readers wait out another program's short writes.
@Suite struct ConcurrentAccessTests {
    /// Starts `ask` with `arguments`, standard output and error to files in `folder` named after `name`.
    private func start(_ arguments: [String], in folder: TemporaryFolder, name: String) throws -> Process {
        let process = Process()
        process.executableURL = AskProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        process.standardOutput = try FileHandle(forWritingTo: folder.write("\(name).out", ""))
        process.standardError = try FileHandle(forWritingTo: folder.write("\(name).err", ""))
        try process.run()
        return process
    }

    private func text(_ name: String, in folder: TemporaryFolder) throws -> String {
        try String(contentsOf: folder.path(name), encoding: .utf8)
    }

    /// One engine, many threads: answers from several read connections are the ones one connection gives; when
    /// the index is replaced by a build of another corpus, the engine goes on reading the file it opened, however
    /// many callers come (it opens no connection to the new file).
    @Test func oneEngineAnswersConcurrentCallersFromTheFileItOpened() throws {
        let folder = try TemporaryFolder()
        let index = folder.path("ask.sqlite")
        try IndexBuilder().build(corpus: Repository.corpus, into: index)
        let questions = ["how long to heal", "is the cement dangerous", "what is kyphoplasty", "who gets osteoporosis"]
        let serial = try AskEngine(index: index, readers: 1)
        let expected = try questions.map { try serial.ask($0).text }
        let pooled = try AskEngine(index: index, readers: 4)
        // Opened and used by one caller: one connection is open when the file is replaced.
        let engine = try AskEngine(index: index, readers: 4)
        #expect(try questions.map { try engine.ask($0).text } == expected)
        func askConcurrently(_ engine: AskEngine) -> [String?] {
            let answers = Answers(count: 32)
            DispatchQueue.concurrentPerform(iterations: 32) { number in
                answers.set(number, try? engine.ask(questions[number % questions.count]).text)
            }
            return answers.all
        }
        #expect(askConcurrently(pooled) == (0..<32).map { expected[$0 % questions.count] })
        try folder.write("Other/notes.txt", "Tomatoes grow best in full sun with regular watering and warm soil.")
        try IndexBuilder().build(corpus: folder.path("Other"), into: index, full: true)
        #expect(try AskEngine(index: index).ask("what is kyphoplasty").isAbstained)
        #expect(askConcurrently(engine) == (0..<32).map { expected[$0 % questions.count] })
    }

    /// Work alongside a read (a question's semantic search beside its full-text search) runs on a spare connection of
    /// its own, so it never holds one a caller waits for, and never waits for it: while other work alongside uses
    /// it, or as many callers read as the pool serves at once, it gets none.
    @Test func aReadAlongsideAnotherNeverWaitsForAConnection() throws {
        let folder = try TemporaryFolder()
        let index = folder.path("ask.sqlite")
        try IndexBuilder().build(corpus: Repository.corpus, into: index)
        func passages(_ db: Database) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM passages") ?? 0 }
        for maximum in [1, 2] {
            let pool = try ReaderPool(path: index.path, maximum: maximum) { try DatabaseQueue(path: index.path) }
            let (read, alongside, nested) = try pool.read { db in
                #expect(pool.mayReadAlongside == (maximum > 1))
                return try (passages(db), pool.readIfIdle(passages), pool.readIfIdle { _ in
                    #expect(!pool.mayReadAlongside)
                    return try pool.readIfIdle(passages)
                })
            }
            #expect(read > 0)
            #expect(alongside == (maximum == 1 ? nil : read))
            #expect(nested == (maximum == 1 ? nil : .some(nil)))
            #expect(try pool.readIfIdle(passages) == read)
        }
    }

    /// Two `ask index` and eight `ask batch` at once, with files added and removed between their starts, in several
    /// rounds. Every process succeeds, every question is answered, and the index ends current for the corpus as it
    /// is: holding the new files and none of the removed ones.
    @Test func twoBuildsAndEightRefreshingReadersAtOnce() throws {
        let folder = try TemporaryFolder()
        let corpus = try folder.writeCopiesOfTheShippedCorpus(6)
        let index = folder.path("ask.sqlite")
        try IndexBuilder().build(corpus: corpus, into: index)
        let questions = (0..<20).map { #"{"id": \#($0), "question": "is vertebroplasty safe"}"# }
        try folder.write("questions.jsonl", questions.joined(separator: "\n"))
        let locations = ["--corpus", corpus.path, "--index", index.path]
        var waits = 0, answeredMeanwhile = 0

        for round in 0..<4 {
            try folder.write("Corpus/round-\(round).txt", "Round \(round) adds this note about bone cement.")
            var processes = [try start(["index"] + locations, in: folder, name: "build-a")]
            // Between the two builds' starts the corpus changes again: the later state must win.
            if round > 0 { try FileManager.default.removeItem(at: folder.path("Corpus/round-\(round - 1).txt")) }
            try folder.write("Corpus/late-\(round).txt", "A late note of round \(round) about kyphoplasty balloons.")
            processes.append(try start(["index"] + locations, in: folder, name: "build-b"))
            for reader in 0..<8 {
                processes.append(try start(["batch", "questions.jsonl"] + locations, in: folder, name: "reader-\(reader)"))
            }
            for process in processes { process.waitUntilExit() }
            for (number, process) in processes.enumerated() {
                let name = number == 0 ? "build-a" : number == 1 ? "build-b" : "reader-\(number - 2)"
                let errors = try text("\(name).err", in: folder)
                #expect(process.terminationStatus == 0, "round \(round), \(name): \(errors)")
                #expect(!errors.contains("UNIQUE") && !errors.contains("error"), "round \(round), \(name): \(errors)")
                waits += errors.contains("waiting for another build") ? 1 : 0
                answeredMeanwhile += errors.contains("another process is updating the index") ? 1 : 0
                if name.hasPrefix("reader") {
                    let lines = try text("\(name).out", in: folder).split(separator: "\n")
                    #expect(lines.count == 20, "round \(round), \(name)")
                    #expect(lines.allSatisfy { $0.contains(#""answer":"#) && !$0.contains(#""error""#) })
                }
            }
            let info = try AskEngine(index: index).info
            #expect(info.corpusFingerprint == (try Corpus(corpus).fingerprint()), "round \(round): not current")
            let files = try IndexStore(url: index).read { db in try Set(String.fetchAll(db, sql: "SELECT path FROM files")) }
            #expect(files == Set(try Corpus(corpus).entries().map(\.path)), "round \(round)")
            #expect(files.contains("late-\(round).txt") && (round == 0 || !files.contains("round-\(round - 1).txt")))
        }
        print("concurrent builds: \(waits) waited for the lock, \(answeredMeanwhile) readers answered meanwhile")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
            .filter { $0.contains(".building-") || $0.hasSuffix("-journal") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// Another program writes to the index in short transactions (as a `sqlite3` shell's `INSERT` does), fifty a
    /// second, while `ask batch` answers 300 questions: readers wait for each write instead of failing.
    @Test func readersWaitForAnotherProgramsWrites() throws {
        let folder = try TemporaryFolder()
        let index = folder.path("ask.sqlite")
        try IndexBuilder().build(corpus: Repository.corpus, into: index)
        let questions = (0..<300).map { #"{"id": \#($0), "question": "how long does it take to heal"}"# }
        try folder.write("questions.jsonl", questions.joined(separator: "\n"))
        let batch = try start(["batch", "questions.jsonl", "--index", index.path, "--corpus", folder.path("none").path],
                              in: folder, name: "batch")
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let writer = try DatabaseQueue(path: index.path, configuration: configuration)
        var writes = 0
        while batch.isRunning {
            try writer.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO build_info(key, value) VALUES ('probe', ?)",
                               arguments: [String(writes)])
            }
            writes += 1
            // Writes come and go, as a program's do; back to back without a pause they would starve any reader.
            usleep(20_000)
        }
        try writer.close()
        let lines = try text("batch.out", in: folder).split(separator: "\n")
        let errors = try text("batch.err", in: folder)
        #expect(batch.terminationStatus == 0, "\(errors.suffix(500))")
        #expect(lines.count == 300 && lines.allSatisfy { $0.contains(#""answer":"#) })
        #expect(writes > 10, "the writer wrote \(writes) times")
    }
}

/// Answers written by several threads, each to its own slot.
private final class Answers: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: String?) { lock.withLock { values[index] = value } }
    var all: [String?] { lock.withLock { values } }
}
