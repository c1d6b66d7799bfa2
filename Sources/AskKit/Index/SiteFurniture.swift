import Foundation
import GRDB

/// Text a web site repeats on many of its pages (its tagline, menus, search box, footer), found among the HTML pages
/// of each folder and dropped before the pages are cut into passages: it would otherwise open hundreds of passages,
/// name their sections and answer questions it says nothing about.
///
/// A page is known by the hashes of its distinct lines, which the index keeps (`page_lines`), so that an incremental
/// build counts a folder's lines without reading its unchanged pages again.
struct SiteFurniture: Equatable {
    /// The hashes of the repeated lines, by folder.
    private(set) var lines: [String: Set<UInt64>] = [:]

    /// A folder's pages share furniture only when it has at least this many.
    static let minimumPages = 5

    /// A line is furniture when at least this share of its folder's pages hold it (and ``minimumPages`` at least).
    /// On SQLite's documentation (766 pages) the lines so found are its tagline, menu and search box, "See also
    /// lists of Objects, Constants, and Functions." on the C API's pages and "Hashes:" on the release notes; no
    /// sentence then stands in more than 0.3% of the passages (the tagline stood in 11.4%). At a tenth it also takes
    /// "Bug Fixes:" and a notice that 5 of 47 pages carry.
    static let shareOfPages = 0.2

    /// The furniture of a corpus's pages, given the line hashes of each page by path.
    init(pages: [String: [UInt64]]) {
        var byFolder: [String: [[UInt64]]] = [:]
        for (path, hashes) in pages { byFolder[Self.folder(of: path), default: []].append(hashes) }
        for (folder, pages) in byFolder where pages.count >= Self.minimumPages {
            var holding: [UInt64: Int] = [:]
            for page in pages { for hash in page { holding[hash, default: 0] += 1 } }
            let needed = max(Self.minimumPages, Int((Self.shareOfPages * Double(pages.count)).rounded(.up)))
            let repeated = Set(holding.filter { $0.value >= needed }.keys)
            if !repeated.isEmpty { lines[folder] = repeated }
        }
    }

    /// True for the files whose lines are counted: HTML pages.
    static func isPage(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), path[dot...].firstIndex(of: "/") == nil else { return false }
        return ["html", "htm", "xhtml"].contains(path[path.index(after: dot)...].lowercased())
    }

    /// The hashes of the distinct lines of a page's documents; `nil` for a file that is not an HTML page.
    static func lineHashes(of file: ReadFile) -> [UInt64]? {
        guard isPage(file.path) else { return nil }
        var hashes = Set<UInt64>()
        for document in file.documents {
            // Headings are the pages' structure, even those many pages share ("1. Overview").
            for line in document.lines where !line.text.isEmpty && !line.isMarkedHeading {
                hashes.insert(hash(line.text))
            }
        }
        return hashes.sorted()
    }

    /// The file without its folder's furniture, and how many lines were dropped.
    func strip(_ file: ReadFile) -> (file: ReadFile, droppedLines: Int) {
        guard Self.isPage(file.path), let repeated = lines[Self.folder(of: file.path)] else { return (file, 0) }
        var file = file
        var dropped = 0
        for index in file.documents.indices {
            let before = file.documents[index].lines.count
            file.documents[index].lines.removeAll {
                !$0.text.isEmpty && !$0.isMarkedHeading && repeated.contains(Self.hash($0.text))
            }
            dropped += before - file.documents[index].lines.count
        }
        return (file, dropped)
    }

    /// The folder of a path relative to the corpus ("" at the top).
    private static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// A line's hash, its white space folded.
    private static func hash(_ text: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(text.collapsingWhitespace())
        return hasher.value
    }

    // MARK: - Storage

    /// The line hashes of the pages an index holds, by path.
    static func storedPages(in db: Database) throws -> [String: [UInt64]] {
        var pages: [String: [UInt64]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT file, hashes FROM page_lines")
        while let row = try rows.next() {
            let data: Data = row[1]
            pages[row[0]] = data.withUnsafeBytes { bytes in
                (0..<bytes.count / 8).map { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
            }
        }
        return pages
    }

    /// Records the line hashes of pages, replacing what was recorded of them.
    static func record(_ pages: [String: [UInt64]], in db: Database) throws {
        let statement = try db.makeStatement(sql: "INSERT OR REPLACE INTO page_lines(file, hashes) VALUES (?, ?)")
        for (path, hashes) in pages {
            var data = Data(capacity: hashes.count * 8)
            for hash in hashes { withUnsafeBytes(of: hash.littleEndian) { data.append(contentsOf: $0) } }
            try statement.execute(arguments: [path, data])
        }
    }
}
