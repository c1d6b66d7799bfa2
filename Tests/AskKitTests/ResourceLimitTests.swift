@testable import AskKit
import Foundation
import Testing

/// Builds and questions under a memory limit, and builds onto a full disk: never a hang, and the index whole.
@Suite struct ResourceLimitTests {
    /// Under `ulimit -v` the process may fail (an allocation fails and it dies) but never hangs, and the index is
    /// the old one or the new one, whole.
    @Test func underAMemoryLimitABuildFinishesOrDiesButNeverHangs() throws {
        let folder = try TemporaryFolder()
        let corpus = try folder.writeCopiesOfTheShippedCorpus(4)
        let index = folder.path("ask.sqlite")
        try IndexBuilder().build(corpus: corpus, into: index)
        let answer = try AskEngine(index: index).ask("is vertebroplasty safe").text
        var outcomes: [String] = []
        for kilobytes in [300_000, 200_000, 150_000, 100_000, 80_000] {
            for arguments in [["index", "--full"], ["is vertebroplasty safe"]] {
                // When an allocation fails and the process dies, Swift's runtime starts its crash reporter
                // (swift-backtrace), which inherits the same limit, can stall there, and keeps the output pipe
                // open: it is turned off, so that what is measured is ask.
                let output = try AskProcess.run(
                    arguments + ["--corpus", corpus.path, "--index", index.path], in: folder.url,
                    environment: ["SWIFT_BACKTRACE": "enable=no"],
                    launcher: ["/bin/sh", "-c", "ulimit -v \(kilobytes) && exec \"$0\" \"$@\""], timeout: 60)
                #expect(!output.timedOut, "\(arguments) hung under ulimit -v \(kilobytes)")
                outcomes.append("\(kilobytes / 1000) MB \(arguments[0]): \(output.status)")
                #expect(try AskEngine(index: index).ask("is vertebroplasty safe").text == answer)
            }
        }
        print("memory limits:", outcomes.joined(separator: ", "))
        #expect(outcomes.contains("300 MB index: 0") && outcomes.contains("300 MB is vertebroplasty safe: 0"))
    }

    /// A build onto a full file system (a small tmpfs) fails with one clear line, leaves the previous index as it
    /// was and no temporary file behind. Needs root and a kernel that lets it mount; skipped, visibly, elsewhere.
    @Test func aBuildOntoAFullDiskFailsClearlyAndKeepsThePreviousIndex() throws {
        let folder = try TemporaryFolder()
        let disk = folder.path("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=1200k", "tmpfs", disk.path]
        mount.standardError = FileHandle.nullDevice
        guard getuid() == 0, (try? mount.run()) != nil, { mount.waitUntilExit(); return mount.terminationStatus == 0 }()
        else {
            print("skipped: no tmpfs can be mounted here (needs root and a kernel that allows it)")
            return
        }
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [disk.path]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        let index = disk.appendingPathComponent("ask.sqlite")
        try IndexBuilder().build(corpus: Repository.corpus, into: index)
        let before = try Data(contentsOf: index)
        let answer = try AskEngine(index: index).ask("how long to heal").text
        let largeFolder = try TemporaryFolder()
        let large = try largeFolder.writeCopiesOfTheShippedCorpus(30)
        for arguments in [["index"], ["index", "--full"]] {
            let output = try AskProcess.run(arguments + ["--corpus", large.path, "--index", index.path], in: folder.url)
            #expect(output.status != 0, "\(arguments)")
            #expect(output.stderr.contains("the previous index is unchanged") && output.stderr.contains("full"),
                    "\(output.stderr)")
            #expect(try Data(contentsOf: index) == before)
            #expect(try AskEngine(index: index).ask("how long to heal").text == answer)
            #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted() == [".ask.sqlite.lock", "ask.sqlite"])
        }
    }
}
