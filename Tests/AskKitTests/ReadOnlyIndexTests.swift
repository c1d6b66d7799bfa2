import AskKit
import Foundation
import Testing

/// An index on storage nobody may write, as in an app bundle: answering works, building fails with one clear line.
/// The folder and file are made immutable with `chattr +i`, which holds even for root (tests run as root here);
/// where `chattr` is not available the test says so and skips.
struct ReadOnlyIndexTests {
    private func chattr(_ flag: String, _ url: URL) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, url.path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test func anIndexOnReadOnlyStorageAnswersAndABuildThereFailsClearly() throws {
        let folder = try TemporaryFolder()
        let shelf = folder.path("bundle")
        let index = shelf.appendingPathComponent("ask.sqlite")
        try IndexBuilder().build(corpus: Repository.corpus, into: index)
        guard chattr("+i", index), chattr("+i", shelf) else {
            print("skipped: chattr +i is not available here, so no storage can be made read-only for root")
            return
        }
        defer { _ = chattr("-i", shelf); _ = chattr("-i", index) }
        #expect(throws: (any Error).self) { try Data("x".utf8).write(to: shelf.appendingPathComponent("probe")) }

        let answer = try AskEngine(index: index).ask("how long does it take to heal")
        #expect(answer.text?.isEmpty == false)
        let viaCommand = try AskProcess.run(
            ["how long to heal", "--index", index.path, "--corpus", folder.path("absent").path], in: folder.url)
        #expect(viaCommand.status == 0 && viaCommand.stdout.contains("[1]"), "\(viaCommand.stderr)")

        #expect(throws: AskError.self) { try IndexBuilder().build(corpus: Repository.corpus, into: index, full: true) }
        let build = try AskProcess.run(
            ["index", "--full", "--index", index.path, "--corpus", Repository.corpus.path], in: folder.url)
        let lines = build.stderr.split(separator: "\n")
        #expect(build.status != 0 && lines.count == 1 && lines[0].contains(index.path), "\(build.stderr)")
        #expect(try AskEngine(index: index).ask("how long does it take to heal").text == answer.text)
    }
}
