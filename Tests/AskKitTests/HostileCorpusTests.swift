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

    /// A file listed by the build and deleted before it is read is skipped by name; the rest is indexed.
    @Test func aFileDeletedDuringTheBuildIsSkippedByName() throws {
        let folder = try TemporaryFolder()
        try folder.write("Corpus/kept.txt", "Kyphoplasty restores some of the lost height of a vertebra.")
        try folder.write("Corpus/gone.txt", "This file disappears between listing and reading.")
        let entries = try Corpus(folder.path("Corpus")).entries()
        try FileManager.default.removeItem(at: folder.path("Corpus/gone.txt"))
        let outcomes = entries.map { CorpusReader().read($0) }
        guard case .skipped(let skipped) = outcomes[0] else {
            Issue.record("the deleted file was not skipped")
            return
        }
        #expect(skipped.path == "gone.txt" && skipped.reason.hasPrefix("unreadable"))
        guard case .read(let kept, _) = outcomes[1] else {
            Issue.record("the remaining file was not read")
            return
        }
        #expect(kept.path == "kept.txt")
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
