@testable import AskKit
import Foundation
import Testing

@Suite struct HostileCorpusTests {
    @Test func oddFilesAreIndexedOrSkippedByNameAndTheBuildFinishes() throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder()
        try outside.write("secret.txt", "This file lies outside the corpus and must never be indexed by a link.")
        try folder.write("Corpus/plain file with spaces.txt", "Kyphoplasty restores the height of a broken vertebra with a balloon.")
        try folder.write("Corpus/line\nbreak.md", "# Cement\n\nBone cement hardens within minutes after it is injected.")
        try folder.write("Corpus/骨粗鬆症 ملف.txt", "Osteoporosis makes bones weak and likely to break after small falls.")
        try folder.write("Corpus/long.txt", String(repeating: "Walking every day keeps bones strong. ", count: 20_000))
        try FileManager.default.createDirectory(at: folder.path("Corpus/folder.txt"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.path("Corpus/link.txt"), withDestinationURL: outside.path("secret.txt"))
        try FileManager.default.createSymbolicLink(at: folder.path("Corpus/loop"), withDestinationURL: folder.path("Corpus"))
        var warnings: [String] = []
        let report = try IndexBuilder().build(corpus: folder.path("Corpus"), into: folder.path("ask.sqlite")) {
            warnings.append($0)
        }
        #expect(report.files == 4)
        #expect(Set(report.skipped.map(\.path)) == ["link.txt", "loop"])
        #expect(report.skipped.allSatisfy { $0.reason.contains("symbolic link") })
        #expect(report.summary.contains("skipped 2 files (2 symbolic link, not followed)"))
        #expect(warnings.contains { $0.contains("link.txt") })

        let engine = try AskEngine(index: folder.path("ask.sqlite"))
        #expect(try engine.search("outside corpus secret", limit: 5).isEmpty)
        let files = Set(try engine.search("kyphoplasty cement osteoporosis walking", limit: 20).map(\.passage.file))
        #expect(files == ["plain file with spaces.txt", "line\nbreak.md", "骨粗鬆症 ملف.txt", "long.txt"])
        #expect(try engine.search("walking bones strong", limit: 1).first?.passage.text.wordCount ?? 0 <= 300)
    }

    /// Containers built to hurt: a zip bomb `.docx`, a truncated one, a truncated PDF, an EPUB whose chapters point
    /// out of the book, a `.docx` that is plain text. The build skips each bad file by name saying why, reads
    /// nothing outside the book, and indexes the rest.
    @Test func hostileContainersAreSkippedOrReadWithinThemselves() throws {
        let folder = try TemporaryFolder()
        let fixtures = Repository.root.appendingPathComponent("Tests/AskKitTests/Fixtures")
        try FileManager.default.createDirectory(at: folder.path("Corpus"), withIntermediateDirectories: true)
        for name in ["office/bomb.docx", "office/truncated.docx", "office/escape.epub", "pdf/truncated.pdf"] {
            try FileManager.default.copyItem(
                at: fixtures.appendingPathComponent(name),
                to: folder.path("Corpus/" + name.split(separator: "/").last!))
        }
        try folder.write("Corpus/text.docx", "Plain text named as a Word document.")
        try folder.write("Corpus/notes.txt", "Calcium and vitamin D keep bones strong as people age.")
        var warnings: [String] = []
        let report = try IndexBuilder().build(corpus: folder.path("Corpus"), into: folder.path("ask.sqlite")) {
            warnings.append($0)
        }
        #expect(report.files == 2)
        var reasons: [String: String] = [:]
        for skipped in report.skipped { reasons[skipped.path] = skipped.reason }
        #expect(reasons["bomb.docx"]?.contains("inflates past 64 MB") == true)
        #expect(reasons["truncated.docx"]?.hasPrefix("damaged Word document") == true)
        #expect(reasons["text.docx"] == "damaged Word document: not a zip file")
        if PDFReader().canRead { #expect(reasons["truncated.pdf"]?.hasPrefix("damaged PDF") == true) }
        #expect(warnings.filter { $0.contains("leaves the book") }.count == 2)
        let engine = try AskEngine(index: folder.path("ask.sqlite"), embedder: nil)
        #expect(try engine.search("vitamin calcium").map(\.passage.document).sorted()
            == ["escape.epub#OPS/text/good.xhtml", "notes.txt"])
        #expect(try engine.search("outside text never read").isEmpty)
    }

    /// Files deleted while a build runs, after it listed them: the build's own warning callback (called when it
    /// skips the empty first file, which is touched so that each build warns of it) deletes a later file, in a full build and in an incremental one. The deleted
    /// file is skipped by name, the rest is indexed, and the next build agrees with a full build.
    @Test func aFileDeletedWhileTheBuildRunsIsSkippedByName() throws {
        let folder = try TemporaryFolder()
        let corpus = folder.path("Corpus"), index = folder.path("ask.sqlite")
        try folder.write("Corpus/a-empty.txt", "")
        try folder.write("Corpus/b-kept.txt", "Kyphoplasty restores some of the lost height of a vertebra.")
        try folder.write("Corpus/c-gone.txt", "Vertebroplasty injects cement into the broken bone.")
        for full in [true, false] {
            try folder.touchEmptyFile()
            var deleted = false
            let report = try IndexBuilder().build(corpus: corpus, into: index, full: full) { _ in
                guard !deleted else { return }
                deleted = true
                try? FileManager.default.removeItem(at: folder.path("Corpus/c-gone.txt"))
            }
            #expect(deleted)
            #expect(report.files == 1)
            let gone = report.skipped.first { $0.path == "c-gone.txt" }
            #expect(gone?.reason == "unreadable: no such file or directory")
            #expect(report.summary.contains("1 unreadable: no such file or directory"))
            let engine = try AskEngine(index: index)
            #expect(try engine.search("kyphoplasty vertebroplasty cement height", limit: 5).map(\.passage.file)
                == ["b-kept.txt"])
            // Put the file back for the incremental round: it is new to the index, so that build reads it.
            try folder.write("Corpus/c-gone.txt", "Vertebroplasty injects cement into the broken bone.")
        }
        try FileManager.default.removeItem(at: folder.path("Corpus/c-gone.txt"))
        let update = try IndexBuilder().build(corpus: corpus, into: index)
        #expect(update.files == 1 && update.skipped.map(\.path) == ["a-empty.txt"])
    }

    /// Once the build has listed the files (its warning for the empty first file), a second thread deletes half of
    /// them from the end of the listing while the build reads from its start. Whatever the interleaving, every file
    /// is either indexed whole or skipped as unreadable by name, and the index holds exactly the files read.
    @Test func filesDeletedByAnotherThreadDuringTheBuildAreSkippedByName() throws {
        let folder = try TemporaryFolder()
        let names = (0..<2_000).map { String(format: "note-%04d.txt", $0) }
        try folder.write("Corpus/a-empty.txt", "")
        for (number, name) in names.enumerated() {
            try folder.write("Corpus/\(name)", "Note \(number): cement number \(number) hardens in minutes.")
        }
        let deleted = names.suffix(names.count / 2)
        let deleter = Thread {
            for name in deleted.reversed() { try? FileManager.default.removeItem(at: folder.path("Corpus/\(name)")) }
        }
        let report = try IndexBuilder().build(corpus: folder.path("Corpus"), into: folder.path("ask.sqlite")) { _ in
            if !deleter.isExecuting && !deleter.isFinished { deleter.start() }
        }
        while !deleter.isFinished { usleep(1_000) }

        let skipped = report.skipped.filter { $0.path != "a-empty.txt" }
        #expect(skipped.allSatisfy { $0.reason == "unreadable: no such file or directory" && deleted.contains($0.path) })
        #expect(report.files + skipped.count == names.count)
        let indexed = try IndexStore(url: folder.path("ask.sqlite")).read { db in
            try Set(String.fetchAll(db, sql: "SELECT path FROM files"))
        }
        #expect(indexed == Set(names).subtracting(skipped.map(\.path)))
        #expect(indexed.isSuperset(of: names.prefix(names.count / 2)))
        print("deleted while building: \(skipped.count) skipped, \(deleted.count - skipped.count) read before deletion")
    }

    /// A file its reader may not open (mode 000) is skipped as "unreadable: permission denied" and the rest is
    /// indexed. Root may read any file, so as root `ask index` runs as user nobody through `setpriv`; where that
    /// cannot be done the test says so and skips.
    @Test func aFileWithoutReadPermissionIsSkippedByName() throws {
        let folder = try TemporaryFolder()
        try folder.write("Corpus/kept.txt", "Kyphoplasty restores some of the lost height of a vertebra.")
        let locked = try folder.write("Corpus/locked.txt", "Nobody may read this file.")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.url.path)
        var launcher: [String] = []
        if getuid() == 0 {
            let setpriv = "/usr/bin/setpriv"
            guard FileManager.default.isExecutableFile(atPath: setpriv) else {
                print("skipped: running as root without \(setpriv), so no file can be made unreadable")
                return
            }
            launcher = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        let index = folder.path("ask.sqlite")
        let output = try AskProcess.run(
            ["index", "--corpus", folder.path("Corpus").path, "--index", index.path], in: folder.url, launcher: launcher)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("skipped locked.txt: unreadable: permission denied"), "\(output.stderr)")
        #expect(output.stdout.contains("skipped 1 file (1 unreadable: permission denied)"), "\(output.stdout)")
        let files = try IndexStore(url: index).read { db in try String.fetchAll(db, sql: "SELECT path FROM files") }
        #expect(files == ["kept.txt"])
    }

    /// The whole corpus folder is moved away after the build listed it (from the build's warning about the empty
    /// first file): the build fails with a clear error and the index keeps every document it had, in a full build
    /// and in an incremental one.
    @Test func aCorpusMovedAwayDuringTheBuildFailsItAndKeepsThePreviousIndex() throws {
        let folder = try TemporaryFolder()
        let corpus = folder.path("Corpus"), index = folder.path("ask.sqlite")
        try folder.write("Corpus/a-empty.txt", "")
        for number in 0..<200 {
            try folder.write("Corpus/note-\(number).txt", "Note \(number): cement number \(number) hardens in minutes.")
        }
        try IndexBuilder().build(corpus: corpus, into: index)
        let before = try AskEngine(index: index).info
        for full in [true, false] {
            try folder.write("Corpus/note-new.txt", "A new note about kyphoplasty, round \(full).")
            try folder.touchEmptyFile()
            var moved = false
            #expect(throws: AskError.self) {
                try IndexBuilder().build(corpus: corpus, into: index, full: full) { _ in
                    guard !moved else { return }
                    moved = true
                    try? FileManager.default.moveItem(at: corpus, to: folder.path("Elsewhere"))
                }
            }
            #expect(moved)
            #expect(try AskEngine(index: index).info == before, "full: \(full)")
            try FileManager.default.moveItem(at: folder.path("Elsewhere"), to: corpus)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".building-") }
        #expect(leftovers.isEmpty)
    }

    /// Runs `ask` as user nobody when the tests run as root (root may read anything), so that permissions bite;
    /// `nil`, said on the test's output, when that cannot be done here.
    private func unprivilegedLauncher() -> [String]? {
        guard getuid() == 0 else { return [] }
        let setpriv = "/usr/bin/setpriv"
        guard FileManager.default.isExecutableFile(atPath: setpriv) else {
            print("skipped: running as root without \(setpriv), so nothing can be made unreadable")
            return nil
        }
        return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    }

    /// A folder that exists but cannot be read (mode 000) is named on every build. An incremental build keeps the
    /// passages it had indexed from it and says so; a full build goes on without it; once readable again, its
    /// files are indexed as they are.
    @Test func anUnreadableFolderIsReportedAndItsIndexedFilesAreKept() throws {
        guard let launcher = unprivilegedLauncher() else { return }
        let folder = try TemporaryFolder()
        try folder.write("Corpus/open/kept.txt", "Kyphoplasty restores some of the lost height of a vertebra.")
        try folder.write("Corpus/private/notes.txt", "Vertebroplasty injects bone cement into the broken vertebra.")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.url.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path("Corpus").path)
        let index = folder.path("ask.sqlite")
        let arguments = ["index", "--corpus", folder.path("Corpus").path, "--index", index.path]
        #expect(try AskProcess.run(arguments, in: folder.url, launcher: launcher).status == 0)
        func indexedFiles() throws -> [String] {
            try IndexStore(url: index).read { db in try String.fetchAll(db, sql: "SELECT path FROM files ORDER BY path") }
        }
        #expect(try indexedFiles() == ["open/kept.txt", "private/notes.txt"])

        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.path("Corpus/private").path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path("Corpus/private").path) }
        try folder.write("Corpus/open/new.txt", "Walking every day keeps the bones of the spine strong.")
        for _ in 0..<2 {
            let update = try AskProcess.run(arguments, in: folder.url, launcher: launcher)
            #expect(update.status == 0, "\(update.stderr)")
            #expect(update.stderr.contains("cannot read folder private: unreadable: permission denied"), "\(update.stderr)")
            #expect(update.stdout.contains("could not read 1 folder") && update.stdout.contains("kept the earlier passages of 1"),
                    "\(update.stdout)")
            #expect(try indexedFiles() == ["open/kept.txt", "open/new.txt", "private/notes.txt"])
        }
        let full = try AskProcess.run(arguments + ["--full"], in: folder.url, launcher: launcher)
        #expect(full.status == 0 && full.stderr.contains("cannot read folder private"), "\(full.stderr)")
        #expect(try indexedFiles() == ["open/kept.txt", "open/new.txt"])

        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path("Corpus/private").path)
        let question = ["vertebroplasty cement", "--corpus", folder.path("Corpus").path, "--index", index.path]
        let answer = try AskProcess.run(question, in: folder.url, launcher: launcher)
        #expect(answer.stderr.contains("corpus changed") && answer.stdout.contains("notes.txt"), "\(answer.stderr)")
    }

    /// The corpus folder itself unreadable: the build fails with one line naming it and the index is kept.
    @Test func anUnreadableCorpusFolderFailsTheBuild() throws {
        guard let launcher = unprivilegedLauncher() else { return }
        let folder = try TemporaryFolder()
        try folder.write("Corpus/kept.txt", "Kyphoplasty restores some of the lost height of a vertebra.")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.url.path)
        let index = folder.path("ask.sqlite")
        let arguments = ["index", "--corpus", folder.path("Corpus").path, "--index", index.path]
        #expect(try AskProcess.run(arguments, in: folder.url, launcher: launcher).status == 0)
        let before = try Data(contentsOf: index)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.path("Corpus").path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path("Corpus").path) }
        let output = try AskProcess.run(arguments, in: folder.url, launcher: launcher)
        #expect(output.status != 0 && output.stderr.contains("cannot read the corpus folder"), "\(output.stderr)")
        #expect(try Data(contentsOf: index) == before)
    }

    /// Folders nested deeper than the open-file limit allows (`ulimit -n`) cannot be opened: they are reported by
    /// name and their files kept, not silently removed from the index.
    @Test func foldersThatCannotBeOpenedUnderAFileLimitAreReportedAndKept() throws {
        let folder = try TemporaryFolder()
        var path = "Corpus"
        for depth in 0..<40 {
            path += "/d\(depth)"
            try folder.write("\(path)/note.txt", "Note \(depth): cement number \(depth) hardens within minutes.")
        }
        let index = folder.path("ask.sqlite")
        #expect(try AskProcess.run(["index", "--corpus", "Corpus", "--index", index.path], in: folder.url).status == 0)
        let limited = try AskProcess.run(
            ["index", "--corpus", "Corpus", "--index", index.path], in: folder.url,
            launcher: ["/bin/sh", "-c", #"ulimit -n 30 && exec "$0" "$@""#])
        #expect(limited.stderr.contains("cannot read folder") && limited.stderr.contains("too many open files"),
                "\(limited.status) \(limited.stderr)")
        let files = try IndexStore(url: index).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM files") }
        #expect(files == 40)
    }

    @Test func tenThousandTinyFilesAreIndexed() throws {
        let folder = try TemporaryFolder()
        for index in 0..<10_000 {
            try folder.write("Corpus/\(index % 100)/note-\(index).txt", "Note number \(index) says that cement number \(index) hardens.")
        }
        let report = try IndexBuilder().build(corpus: folder.path("Corpus"), into: folder.path("ask.sqlite"))
        #expect(report.files == 10_000 && report.documents == 10_000 && report.skipped.isEmpty)
        let hits = try AskEngine(index: folder.path("ask.sqlite")).search("note 4242", limit: 1)
        #expect(hits.first?.passage.file == "42/note-4242.txt")
    }
}

extension TemporaryFolder {
    /// Gives `Corpus/a-empty.txt` a new modification date, so that the next build reads it again and warns that
    /// it skips it (a build warns of an unchanged skipped file only once).
    func touchEmptyFile() throws {
        let file = path("Corpus/a-empty.txt").path
        let date = (try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date) ?? Date()
        try FileManager.default.setAttributes([.modificationDate: date.addingTimeInterval(1)], ofItemAtPath: file)
    }
}
