@testable import AskKit
import Foundation
import GRDB
import Testing

/// A file at the index path is ask's only when it says so: anything else is refused by every command, never
/// replaced, and never blocks a command; an index ask cannot use is repaired by `ask index`.
@Suite struct IndexOwnershipTests {
    @Test func aFileOfAnotherProgramIsRefusedByEveryCommandAndLeftAsItIs() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        let database = folder.path("other.db")
        try DatabaseQueue(path: database.path).write { db in
            try db.execute(sql: "CREATE TABLE accounts(id); INSERT INTO accounts VALUES(1)")
        }
        let text = try folder.write("notes.txt", "Shopping list: milk, bread.\n")
        // A link to a device: replacing the link would not touch the device, but the path is still not an index.
        let device = folder.path("device.sqlite")
        try FileManager.default.createSymbolicLink(at: device, withDestinationURL: URL(fileURLWithPath: "/dev/null"))
        for (path, what) in [(database, "another program"), (text, "not a SQLite file"), (device, "a device")] {
            let before = path == device ? nil : try Data(contentsOf: path)
            for arguments in [["index"], ["index", "--full"], ["how long to heal"], ["search", "cement"]] {
                let output = try AskProcess.run(arguments + ["--index", path.path], in: folder.url)
                #expect(output.status != 0, "\(arguments) on \(path.lastPathComponent)")
                #expect(output.stderr.contains("is not an ask index") && output.stderr.contains(what), "\(output.stderr)")
                #expect(!output.stderr.contains("run `ask index`"), "the message must not advise what would destroy it")
            }
            if let before { #expect(try Data(contentsOf: path) == before, "\(path.lastPathComponent) was changed") }
        }
        #expect(try DatabaseQueue(path: database.path).read { try Int.fetchOne($0, sql: "SELECT id FROM accounts") } == 1)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: device.path)) == "/dev/null")
    }

    @Test func aPipeOrAFolderAtTheIndexPathIsRefusedAtOnce() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        let pipe = folder.path("pipe.sqlite")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        try FileManager.default.createDirectory(at: folder.path("folder.sqlite"), withIntermediateDirectories: false)
        for (path, what) in [(pipe, "a named pipe"), (folder.path("folder.sqlite"), "a folder")] {
            for arguments in [["index"], ["how long to heal"], ["batch", "-"]] {
                let output = try AskProcess.run(
                    arguments + ["--index", path.path], in: folder.url, input: #"{"question": "heal"}"#, timeout: 20)
                #expect(!output.timedOut, "\(arguments) hung on \(what)")
                #expect(output.status != 0 && output.stderr.contains(what), "\(output.stderr)")
            }
        }
    }

    /// A write killed midway leaves a hot journal beside the file. Readers say so instead of answering from a
    /// half-written file, and `ask index` replaces the file and removes the journal, so that no later open rolls
    /// the old journal into the new file.
    @Test func anIndexLeftHalfWrittenIsReportedAndRepairedByAskIndex() throws {
        guard StockSQLite.isInstalled else {
            print("skipped: \(StockSQLite.path) is not installed (.ci/run installs it)")
            return
        }
        let folder = try TemporaryFolder.withShippedCorpus()
        #expect(try AskProcess.run(["index"], in: folder.url).status == 0)
        let index = folder.path("Index/ask.sqlite")
        // The stock shell deletes every passage in a transaction with a one-page cache, so changed pages reach the
        // file before the commit; it is killed while the transaction is open.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: StockSQLite.path)
        shell.arguments = [index.path]
        let input = Pipe()
        shell.standardInput = input
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        input.fileHandleForWriting.write(Data("""
            PRAGMA cache_size = 1;
            BEGIN;
            DELETE FROM passages;
            INSERT INTO passages_fts(passages_fts) VALUES('rebuild');
            SELECT 'ready';

            """.utf8))
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: index.path + "-journal") { usleep(50_000) }
        usleep(500_000)
        kill(shell.processIdentifier, SIGKILL)
        shell.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: index.path + "-journal"), "the shell left no journal")

        let reader = try AskProcess.run(["how long to heal"], in: folder.url)
        #expect(reader.status != 0 && reader.stderr.contains("stopped midway") && reader.stderr.contains("ask index"),
                "\(reader.stderr)")
        let repair = try AskProcess.run(["index"], in: folder.url)
        #expect(repair.status == 0, "\(repair.stderr)")
        #expect(!FileManager.default.fileExists(atPath: index.path + "-journal"))
        #expect(try StockSQLite.check(index) == "ok\n1")
        let answer = try AskProcess.run(["how long to heal"], in: folder.url)
        #expect(answer.status == 0 && answer.stdout.contains("[1]"), "\(answer.stderr)")
    }

    @Test func anIndexOfANewerVersionIsRefusedAndRebuiltOnlyWithFull() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        #expect(try AskProcess.run(["index"], in: folder.url).status == 0)
        let index = folder.path("Index/ask.sqlite")
        let newer = IndexSchema.version + 1
        try DatabaseQueue(path: index.path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = \(newer)") }
        let before = try Data(contentsOf: index)
        let expected = "index format \(newer); this version reads \(IndexSchema.version)"
        for arguments in [["how long to heal"], ["index"], ["how long to heal", "--corpus", "absent"]] {
            let output = try AskProcess.run(arguments, in: folder.url)
            #expect(output.status != 0 && output.stderr.contains(expected), "\(arguments): \(output.stderr)")
        }
        #expect(try Data(contentsOf: index) == before, "silently rebuilt")
        let full = try AskProcess.run(["index", "--full"], in: folder.url)
        #expect(full.status == 0, "\(full.stderr)")
        #expect(try AskEngine(index: index).info.schemaVersion == IndexSchema.version)
    }

    @Test func anIndexOfAnOlderVersionIsRebuiltAndSaidSo() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        #expect(try AskProcess.run(["index"], in: folder.url).status == 0)
        let index = folder.path("Index/ask.sqlite")
        try DatabaseQueue(path: index.path).writeWithoutTransaction {
            try $0.execute(sql: "PRAGMA user_version = \(IndexSchema.version - 1)")
        }
        let output = try AskProcess.run(["how long to heal"], in: folder.url)
        #expect(output.status == 0 && output.stderr.contains("built by an older version"), "\(output.stderr)")
        #expect(try AskEngine(index: index).info.schemaVersion == IndexSchema.version)
    }
}
