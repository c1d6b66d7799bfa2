import Foundation
import GRDB

/// Lines of one indexed document, to read around a citation: the lines its reader extracted from the corpus file,
/// numbered as citations number them, when the file is there unchanged since it was indexed; else the passages the
/// index stores, each numbered by its first line. At most a size cap of text is returned; ``nextLine`` says where
/// the next excerpt starts.
///
/// In JSON: `{"doc", "file", "title", "source": "corpus"|"index", "lines": [{"n", "page"?, "text"}], "next_line"?,
/// "next_page"?}`.
public struct DocumentExcerpt: Sendable, Hashable, Codable {
    /// The document, as search results name it (`doc`).
    public var document: String
    /// Its file, relative to the corpus folder.
    public var file: String
    public var title: String
    /// Where the lines come from.
    public var source: Source
    /// The lines, in order.
    public var lines: [Line]
    /// The first line left out by the size cap; `nil` when the excerpt reaches the end of what was asked.
    public var nextLine: Int?
    /// The page of ``nextLine``, for a paged file.
    public var nextPage: Int?

    /// Where an excerpt's lines come from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// The corpus file, read again: every line its reader extracted.
        case corpus
        /// The passages the index stores (the corpus is absent, or the file changed since it was indexed).
        case index
    }

    /// One line: its number (for a passage from the index, its first line's), its page in a paged file, its text.
    public struct Line: Sendable, Hashable, Codable {
        public var number: Int
        public var page: Int?
        public var text: String

        enum CodingKeys: String, CodingKey {
            case number = "n", page, text
        }
    }

    enum CodingKeys: String, CodingKey {
        case document = "doc", file, title, source, lines, nextLine = "next_line", nextPage = "next_page"
    }

    /// The largest excerpt returned unless asked otherwise, in characters of text.
    public static let defaultCharacters = 20_000
}

extension AskEngine {
    /// Lines of an indexed document (see ``DocumentExcerpt``).
    /// - Parameters:
    ///   - document: the document's `doc` as search results give it (its path, or its `.jsonl` id).
    ///   - lines: the lines wanted (all when `nil`); of `page` for a paged file.
    ///   - page: the page wanted, for a paged file (all when `nil`).
    ///   - corpus: the corpus folder, read when the file is there unchanged; `nil` reads the index alone. Only the
    ///     file the index names for the document is read, and only inside the folder.
    ///   - maximumCharacters: the size cap.
    /// - Throws: ``AskError/documentNotFound(_:)`` when the index holds no such document.
    public func excerpt(
        of document: String, lines: ClosedRange<Int>? = nil, page: Int? = nil, corpus: URL?,
        maximumCharacters: Int = DocumentExcerpt.defaultCharacters
    ) throws -> DocumentExcerpt {
        let stored = try storedDocument(document)
        var all: [DocumentExcerpt.Line]
        var source = DocumentExcerpt.Source.index
        if let corpus, let read = Self.corpusLines(of: stored, in: corpus) {
            all = read
            source = .corpus
        } else {
            all = stored.passages
        }
        all = all.filter { line in
            (page == nil || line.page == page) && (lines.map { $0.contains(line.number) } ?? true)
        }
        var excerpt = DocumentExcerpt(
            document: stored.document, file: stored.file, title: stored.title, source: source, lines: [])
        var characters = 0
        for line in all {
            if characters + line.text.count > maximumCharacters, !excerpt.lines.isEmpty {
                (excerpt.nextLine, excerpt.nextPage) = (line.number, line.page)
                break
            }
            characters += line.text.count
            excerpt.lines.append(line)
        }
        return excerpt
    }

    /// What the index holds of a document.
    private struct StoredDocument {
        var document: String
        var file: String
        var title: String
        var contentHash: String
        var passages: [DocumentExcerpt.Line]
    }

    private func storedDocument(_ document: String) throws -> StoredDocument {
        let found = try store.read { db -> StoredDocument? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT d.id, d.doc, d.file, d.title, f.content_hash FROM documents d JOIN files f ON f.path = d.file
                WHERE d.doc = ? LIMIT 1
                """, arguments: [document])
            else { return nil }
            let passages = try Row.fetchAll(db, sql: """
                SELECT line_start, page, body FROM passages WHERE document_id = ? ORDER BY page, line_start, id
                """, arguments: [row["id"] as Int64]).map {
                DocumentExcerpt.Line(number: $0["line_start"], page: $0["page"], text: $0["body"])
            }
            return StoredDocument(
                document: row["doc"], file: row["file"], title: row["title"], contentHash: row["content_hash"],
                passages: passages)
        }
        guard let found else { throw AskError.documentNotFound(document) }
        return found
    }

    /// The lines the reader extracts from the document's file, when the file is a regular file inside the corpus
    /// folder with the content the index was built from; `nil` otherwise.
    private static func corpusLines(of stored: StoredDocument, in corpus: URL) -> [DocumentExcerpt.Line]? {
        let folder = corpus.standardizedFileURL
        let url = folder.appendingPathComponent(stored.file).standardizedFileURL
        guard url.path.hasPrefix(folder.path + "/"), !stored.file.split(separator: "/").contains("..") else {
            return nil
        }
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let entry = Corpus.Entry(
            path: stored.file, fullPath: url.path, size: Int(info.st_size), modified: Corpus.modificationDate(info),
            isSymbolicLink: false)
        guard case .read(let file, _) = CorpusReader().read(entry), file.contentHash == stored.contentHash,
            let document = file.documents.first(where: { $0.id == stored.document })
        else { return nil }
        return document.lines.filter { !$0.text.isEmpty }.map {
            DocumentExcerpt.Line(number: $0.number, page: $0.page, text: $0.text)
        }
    }
}
