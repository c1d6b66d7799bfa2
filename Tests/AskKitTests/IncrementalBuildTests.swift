import AskKit
import Foundation
import GRDB
import Testing

/// An incremental build must leave exactly the index a full build of the same corpus gives.
struct IncrementalBuildTests {
    /// What an index holds, in a form two indexes can be compared by (passage ids may differ).
    private func contents(of index: URL) throws -> [String] {
        let queue = try DatabaseQueue(path: index.path)
        defer { try? queue.close() }
        return try queue.writeWithoutTransaction { db in
            let passages = try Row.fetchAll(db, sql: """
                SELECT d.file, d.doc, p.title, p.section, p.body, p.line_start, p.line_end, p.page
                FROM passages p JOIN documents d ON d.id = p.document_id
                """).map { $0.description }.sorted()
            let files = try Row.fetchAll(db, sql: "SELECT path, content_hash, size FROM files").map(\.description).sorted()
                + Row.fetchAll(db, sql: "SELECT path, size, reason FROM skipped_files ORDER BY path").map(\.description)
                + Row.fetchAll(db, sql: "SELECT file, hex(hashes) FROM page_lines ORDER BY file").map(\.description)
            let terms = try Row.fetchAll(db, sql: "SELECT word, stem, passages FROM terms ORDER BY word").map(\.description)
            let stems = try Row.fetchAll(db, sql: "SELECT stem, passages FROM stems ORDER BY stem").map(\.description)
            let tokens = try String.fetchOne(db, sql: "SELECT value FROM build_info WHERE key = 'tokens'") ?? ""
            // Every passage has one vector, the vector of its own text.
            let vectors = try Row.fetchAll(db, sql: """
                SELECT d.file, p.line_start, p.body, v.list, v.scale, hex(v.vector)
                FROM passage_vectors v JOIN passages p ON p.id = v.passage_id JOIN documents d ON d.id = p.document_id
                """).map { $0.description }.sorted()
            #expect(vectors.count == passages.count)
            let abbreviations = try Row.fetchAll(db, sql: """
                SELECT d.file, p.line_start, a.short, a.long
                FROM abbreviations a JOIN passages p ON p.id = a.passage_id JOIN documents d ON d.id = p.document_id
                """).map { $0.description }.sorted()
                + Row.fetchAll(db, sql: "SELECT short, long, passages FROM defined_abbreviations ORDER BY short, long")
                .map(\.description)
            try db.execute(sql: "INSERT INTO passages_fts(passages_fts) VALUES('integrity-check')")
            return passages + files + terms + stems + [tokens] + vectors + abbreviations
        }
    }

    @Test func aSkippedFileIsWarnedOfOnceUntilItChanges() throws {
        let folder = try TemporaryFolder()
        let corpus = folder.path("Corpus")
        try folder.write("Corpus/notes.txt", "Bones heal in about six weeks when they are kept still.")
        let sheet = try folder.write("Corpus/sheet.xyz", "not a document")
        let index = folder.path("ask.sqlite")
        func warnings(full: Bool = false) throws -> [String] {
            var warnings: [String] = []
            let report = try IndexBuilder().build(corpus: corpus, into: index, full: full, warn: { warnings.append($0) })
            #expect(report.skipped.map(\.path) == ["sheet.xyz"])
            return warnings
        }
        #expect(try warnings() == ["skipped sheet.xyz: unsupported file type"])
        #expect(try warnings().isEmpty)
        try folder.write("Corpus/more.txt", "Calcium and vitamin D keep bones strong as people age.")
        #expect(try warnings().isEmpty)
        try Data("changed".utf8).write(to: sheet)
        #expect(try warnings() == ["skipped sheet.xyz: unsupported file type"])
        #expect(try warnings(full: true) == ["skipped sheet.xyz: unsupported file type"])
    }

    @Test func anUpdatedIndexEqualsAFullBuildOfTheSameCorpus() throws {
        let folder = try TemporaryFolder()
        let corpus = folder.path("Corpus")
        try FileManager.default.copyItem(at: Repository.corpus, to: corpus)
        let incremental = folder.path("incremental.sqlite")
        try IndexBuilder().build(corpus: corpus, into: incremental)

        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
            .filter { $0 != Corpus.synonymsFileName }.sorted()
        try FileManager.default.removeItem(at: corpus.appendingPathComponent(names[0]))
        let changed = corpus.appendingPathComponent(names[1])
        try (String(contentsOf: changed, encoding: .utf8) + "\n\nA new closing paragraph about bone cement and healing time.\n")
            .write(to: changed, atomically: true, encoding: .utf8)
        try folder.write("Corpus/notes/new.md", "# Added later\n\nKyphoplasty restores some of the lost height of a vertebra.\n")
        let untouched = corpus.appendingPathComponent(names[2])
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: untouched.path)

        let report = try IndexBuilder().build(corpus: corpus, into: incremental)
        #expect(report.change?.filesRead == 2)
        #expect(report.change?.filesRemoved == 1)
        let full = folder.path("full.sqlite")
        let fullReport = try IndexBuilder().build(corpus: corpus, into: full, full: true)
        #expect(fullReport.change == nil)
        #expect(report.passages == fullReport.passages && report.documents == fullReport.documents)
        #expect(try contents(of: incremental) == contents(of: full))

        let question = "does kyphoplasty restore height"
        let answers = try [incremental, full].map { try AskEngine(index: $0).search(question).map(\.passage) }
        #expect(answers[0] == answers[1] && !answers[0].isEmpty)
    }

    /// A site's repeated text is dropped from its pages; when a change makes it no longer repeated (or newly so),
    /// pages not changed are read again, so the update still equals a full build.
    @Test func anUpdateThatChangesASitesRepeatedTextEqualsAFullBuild() throws {
        let folder = try TemporaryFolder()
        let corpus = folder.path("Corpus")
        let topics = ["calcium", "walking", "cement", "bracing", "posture", "sleep"]
        func page(_ topic: String, tagline: Bool) -> String {
            "<html><body>\(tagline ? "<p>Strong bones for a long life.</p>" : "")<p>Advice on \(topic): keep at it "
                + "every day, and ask a doctor about \(topic) when back pain starts.</p></body></html>"
        }
        for topic in topics { try folder.write("Corpus/site/\(topic).html", page(topic, tagline: true)) }
        let incremental = folder.path("incremental.sqlite")
        let first = try IndexBuilder().build(corpus: corpus, into: incremental)
        #expect(first.furniture == BuildReport.DroppedLines(lines: 6, pages: 6))
        #expect(try AskEngine(index: incremental).search("strong bones long life").isEmpty)

        // Only two pages keep the tagline: it is no longer the site's, and stands in those two again.
        for topic in topics.dropFirst(2) { try folder.write("Corpus/site/\(topic).html", page(topic, tagline: false)) }
        try IndexBuilder().build(corpus: corpus, into: incremental)
        let full = folder.path("full.sqlite")
        try IndexBuilder().build(corpus: corpus, into: full, full: true)
        #expect(try contents(of: incremental) == contents(of: full))
        let found = try AskEngine(index: incremental, embedder: nil).search("strong bones long life").map(\.passage.file)
        #expect(found.sorted() == ["site/calcium.html", "site/walking.html"], "\(found)")
    }

    /// With nothing changed, the index is neither read again nor rewritten: the file is the same one (a rewrite
    /// renames a new file over it). A changed synonyms file alone is a change.
    @Test func anUnchangedCorpusReadsNoFileAndLeavesTheIndexAsItIs() throws {
        let folder = try TemporaryFolder()
        let corpus = folder.path("Corpus")
        try FileManager.default.copyItem(at: Repository.corpus, to: corpus)
        let index = folder.path("ask.sqlite")
        func fileNumber() throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: index.path)[.systemFileNumber] as? Int
        }
        let first = try IndexBuilder().build(corpus: corpus, into: index)
        let built = try fileNumber()
        let report = try IndexBuilder().build(corpus: corpus, into: index)
        #expect(report.change?.filesRead == 0 && report.change?.filesRemoved == 0)
        #expect(report.files == 5 && report.documents == first.documents && report.passages == first.passages)
        #expect(try fileNumber() == built)

        let stored = try AskEngine(index: index).info.synonymsFingerprint
        let synonyms = corpus.appendingPathComponent(Corpus.synonymsFileName)
        try (String(contentsOf: synonyms, encoding: .utf8) + "\ncement, bone glue\n")
            .write(to: synonyms, atomically: true, encoding: .utf8)
        try IndexBuilder().build(corpus: corpus, into: index)
        #expect(try fileNumber() != built)
        #expect(try AskEngine(index: index).info.synonymsFingerprint != stored)
    }
}
