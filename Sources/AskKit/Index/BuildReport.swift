import Foundation

/// What a build did.
public struct BuildReport: Sendable, Codable {
    /// Files read into the index.
    public var files: Int
    /// Documents indexed (a `.jsonl` file holds many).
    public var documents: Int
    /// Passages indexed.
    public var passages: Int
    /// Files left out, and why.
    public var skipped: [SkippedFile]
    /// Parts of files left out (malformed `.jsonl` lines, say).
    public var warnings: [String]
    /// Wall-clock time of the build, in seconds.
    public var seconds: Double
    /// What an incremental build changed; `nil` for a full build.
    public var change: Change?
    /// Folders of the corpus that exist but could not be read, and why. An incremental build keeps what it had
    /// indexed from them; a full build goes on without them.
    public var unreadableFolders: [SkippedFile] = []
    /// Files kept as previously indexed because they (or their folders) could not be read this time.
    public var keptUnreadable: [String] = []
    /// False when nothing had changed and the index file was left as it was.
    public var indexChanged = true
    /// The lines dropped from the HTML pages read as text their site repeats on many pages (menus, taglines,
    /// footers), and how many pages lost some.
    public var furniture = DroppedLines()
    /// The lines dropped from the documents read as their trailers (references, related links, promotion after a
    /// heading such as "Related articles"), and how many documents had one.
    public var trailers = DroppedLines()

    /// Lines left out of pages (documents), and of how many.
    public struct DroppedLines: Sendable, Codable, Equatable {
        public var lines: Int
        public var pages: Int

        /// Lines dropped from pages.
        public init(lines: Int = 0, pages: Int = 0) {
            self.lines = lines
            self.pages = pages
        }
    }

    /// What an incremental build changed.
    public struct Change: Sendable, Codable {
        /// Files read and cut into passages again (new or changed content).
        public var filesRead: Int
        /// Files whose passages were removed because they are gone or no longer readable.
        public var filesRemoved: Int
    }

    /// One line for people: "indexed 5 documents (44 passages) from 5 files in 0.04 s; skipped 1 file".
    public var summary: String {
        var line = "indexed \(documents) document\(documents == 1 ? "" : "s") (\(passages) passages) from "
            + "\(files) file\(files == 1 ? "" : "s") in \(String(format: "%.2f", seconds)) s"
        if let change {
            line += " (updated: \(change.filesRead) file\(change.filesRead == 1 ? "" : "s") read, "
                + "\(change.filesRemoved) removed)"
        }
        if !skipped.isEmpty {
            let reasons = Dictionary(grouping: skipped, by: \.reason).map { "\($0.value.count) \($0.key)" }.sorted()
            line += "; skipped \(skipped.count) file\(skipped.count == 1 ? "" : "s") (\(reasons.joined(separator: ", ")))"
        }
        if furniture.lines > 0 {
            line += "; dropped \(furniture.lines) line\(furniture.lines == 1 ? "" : "s") repeated across pages (menus, "
                + "taglines, footers) from \(furniture.pages) page\(furniture.pages == 1 ? "" : "s")"
        }
        if trailers.lines > 0 {
            line += "; dropped \(trailers.lines) line\(trailers.lines == 1 ? "" : "s") of references and related links "
                + "from \(trailers.pages) document\(trailers.pages == 1 ? "" : "s")"
        }
        if !unreadableFolders.isEmpty {
            line += "; could not read \(unreadableFolders.count) folder\(unreadableFolders.count == 1 ? "" : "s") ("
                + unreadableFolders.map { "\($0.path): \($0.reason)" }.joined(separator: ", ") + ")"
        }
        if !keptUnreadable.isEmpty {
            line += "; kept the earlier passages of \(keptUnreadable.count) unreadable "
                + "file\(keptUnreadable.count == 1 ? "" : "s")"
        }
        return line
    }
}
