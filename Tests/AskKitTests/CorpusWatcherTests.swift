@testable import AskKit
import Foundation
import Testing

@Suite struct CorpusWatcherTests {
    /// A change in the folder, in a new subfolder, and none at all, by notifications and by polling.
    @Test(arguments: [false, true])
    func aChangeIsReportedOnceTheFolderIsQuiet(polling: Bool) throws {
        let folder = try TemporaryFolder()
        try folder.write("Corpus/a.txt", "Calcium keeps bones strong.")
        let watcher = try CorpusWatcher(corpus: folder.path("Corpus"), polling: polling)
        watcher.pollInterval = 0.1
        #expect((watcher.mode == .notifications) == !polling)
        func waitsForChange(within seconds: TimeInterval) throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            return try watcher.waitForChange { Date() > deadline }
        }
        #expect(try !waitsForChange(within: 0.5))
        try folder.write("Corpus/b.txt", "Walking keeps bones strong.")
        #expect(try waitsForChange(within: 5))
        try folder.write("Corpus/new/c.txt", "Vitamin D helps the body use calcium.")
        #expect(try waitsForChange(within: 5))
        // The new folder is watched from then on.
        try folder.write("Corpus/new/c.txt", "Vitamin D helps the body take up calcium.")
        #expect(try waitsForChange(within: 5))
        #expect(try !waitsForChange(within: 0.5))
    }

    /// `ask index --watch`: one line per update, and an exit as interrupted on SIGINT.
    @Test func watchingUpdatesTheIndexWithOneLinePerChange() throws {
        let folder = try TemporaryFolder.withShippedCorpus()
        let (process, output) = try AskProcess.start(["index", "--watch"], in: folder.url)
        // Never hangs the tests: a watcher that does not update is killed, and the reads below then end.
        let watchdog = Watchdog(process, seconds: 60)
        var received = ""
        func readLines(until done: (String) -> Bool) {
            let deadline = Date().addingTimeInterval(30)
            while !done(received), Date() < deadline {
                received += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            }
        }
        readLines { $0.contains("index: ") }
        // The watcher starts after the first build's lines: a change made now may come before it watches.
        Thread.sleep(forTimeInterval: 0.5)
        try folder.write("Corpus/zoledronate.txt", "Zoledronate is a yearly infusion that strengthens bones.")
        readLines { $0.contains("1 file read") }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(!watchdog.fired)
        #expect(process.terminationStatus == 128 + SIGINT)
        let updates = received.split(separator: "\n").filter { $0.contains("(updated: ") }
        #expect(updates.count == 1 && updates[0].contains("from 6 files"), "\(received)")
        let answer = try AskEngine(index: folder.path("Index/ask.sqlite")).search("zoledronate yearly infusion")
        #expect(answer.first?.passage.file == "zoledronate.txt")
    }
}
