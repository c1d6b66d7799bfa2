@testable import AskKit
import Foundation
import GRDB
import Testing

/// A whole web site: SQLite's own documentation as Debian's `sqlite3-doc` installs it (766 pages, which `.ci/run`
/// installs). Its build time is measured by `Scripts/html-site.sh`, not here.
@Suite struct HTMLSiteTests {
    static let site = URL(fileURLWithPath: "/usr/share/doc/sqlite3")
    static var isInstalled: Bool { FileManager.default.fileExists(atPath: site.appendingPathComponent("lang.html").path) }

    @Test(.enabled(if: isInstalled, "sqlite3-doc is not installed: skipped"))
    func sqliteDocumentationIndexesWithoutFurnitureEntitiesOrWideCitations() throws {
        let folder = try TemporaryFolder()
        let index = folder.path("ask.sqlite")
        let report = try IndexBuilder().build(corpus: Self.site, into: index)
        #expect(report.documents >= 700)
        #expect(report.furniture.pages >= 700 && report.summary.contains("repeated across pages"))
        let rows = try IndexStore(url: index).read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.file, p.section, p.body, p.line_start, p.line_end
                FROM passages p JOIN documents d ON d.id = p.document_id
                """)
        }
        // No sentence (nor section name) stands in more than 5% of the passages: the tagline stood in 11%.
        var holding: [String: Int] = [:]
        for row in rows {
            let body: String = row["body"]
            var texts = Set(SentenceSplitter().sentences(in: body).map { String(body[$0]) })
            if let section: String = row["section"] { texts.insert("section: " + section) }
            for text in texts { holding[text, default: 0] += 1 }
        }
        let (mostRepeated, count) = try #require(holding.max { $0.value < $1.value })
        #expect(Double(count) <= 0.05 * Double(rows.count), "\(count) of \(rows.count): \(mostRepeated)")
        // Every named character reference is decoded, save those the page itself writes out (`&amp;lt;`).
        let entity = /&([A-Za-z][A-Za-z0-9]*);/
        var sources: [String: String] = [:]
        for row in rows {
            let file: String = row["file"], body: String = row["body"]
            for match in body.matches(of: entity) where HTMLEntities.characters[String(match.1)] != nil {
                if sources[file] == nil {
                    sources[file] = try String(contentsOf: Self.site.appendingPathComponent(file), encoding: .utf8)
                }
                #expect(sources[file]!.contains("&amp;\(match.1);"), "\(file): \(match.0)")
            }
        }
        // Every citation is a span a person can read.
        let widest = try #require(rows.max { ($0["line_end"] as Int) - $0["line_start"] < ($1["line_end"] as Int) - $1["line_start"] })
        #expect((widest["line_end"] as Int) - (widest["line_start"] as Int) < 50, "\(widest)")
        // No syntax-diagram toggles or code listings.
        #expect(!rows.contains { ($0["body"] as String).contains(": hide ") || ($0["body"] as String).contains("/* **") })
    }
}
