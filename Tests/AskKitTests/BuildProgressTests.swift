@testable import AskKit
import Foundation
import Testing

@Suite struct BuildProgressTests {
    /// A build tells which file it reads, how many documents it has indexed as it goes, and when it finishes; an
    /// update tells only of the files it reads again.
    @Test func aBuildReportsEachFileItReadsThenItsDocumentsThenTheEnd() throws {
        let folder = try TemporaryFolder()
        let records = (1...600).map { number in
            #"{"_id": "r\#(number)", "title": "Record \#(number)", "text": "Bone cement sets within minutes."}"#
        }
        try folder.write("Corpus/a.jsonl", records.joined(separator: "\n"))
        try folder.write("Corpus/b.md", "# Healing\n\nMost fractures heal in six to eight weeks.\n")
        let corpus = folder.path("Corpus"), index = folder.path("ask.sqlite")
        var events: [BuildProgress] = []
        let report = try IndexBuilder().build(corpus: corpus, into: index, progress: { events.append($0) })

        #expect(events.first?.filesToRead == 2)
        #expect(events.compactMap(\.fileRead) == ["a.jsonl", "b.md"])
        let indexing = events.filter { $0.stage == .indexing }
        #expect(zip(indexing, indexing.dropFirst()).allSatisfy { $0.documentsIndexed <= $1.documentsIndexed })
        #expect(indexing.contains { $0.documentsIndexed > 0 && $0.documentsIndexed < $0.documentsToIndex })
        #expect(indexing.last?.documentsIndexed == report.documents && indexing.last?.documentsToIndex == 601)
        #expect(events.last?.stage == .finishing && events.last?.passagesIndexed == report.passages)

        try folder.write("Corpus/b.md", "# Healing\n\nMost fractures heal in six to twelve weeks.\n")
        events = []
        try IndexBuilder().build(corpus: corpus, into: index, progress: { events.append($0) })
        #expect(events.first?.filesToRead == 1)
        #expect(events.compactMap(\.fileRead) == ["b.md"])
        #expect(events.last?.stage == .finishing)
    }

    @Test func aLineForPeopleFitsEightyColumns() {
        var progress = BuildProgress(stage: .indexing)
        (progress.documentsIndexed, progress.documentsToIndex) = (51_200, 100_000)
        (progress.passagesIndexed, progress.indexingSeconds) = (51_412, 4)
        #expect(progress.summary == "indexing: 51,200/100,000 documents, 51,412 passages, 12,853/s, 4 s left")

        (progress.documentsIndexed, progress.documentsToIndex) = (999_424, 1_000_000)
        (progress.passagesIndexed, progress.indexingSeconds) = (1_001_590, 50)
        #expect(progress.summary.count < 80, "\(progress.summary)")

        progress.stage = .reading(file: "passages.jsonl")
        (progress.filesRead, progress.filesToRead) = (0, 1)
        #expect(progress.summary == "reading: file 1/1, passages.jsonl")
    }
}

private extension BuildProgress {
    /// The file being read, in a reading stage.
    var fileRead: String? {
        if case .reading(let file) = stage { file } else { nil }
    }
}
