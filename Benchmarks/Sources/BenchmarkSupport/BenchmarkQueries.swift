import AskKit
import Foundation
import GRDB

/// The queries of a BEIR query file ({"_id", "text"} per line), in file order.
public func benchmarkQueries(from path: String, limit: Int = .max) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8)
        .split(separator: "\n")
        .compactMap { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["text"] as? String
        }
        .prefix(limit)
        .map { $0 }
}

/// What a user of SQLite alone would run on the same index: the query's words less English stop words, each
/// quoted, `OR`-ed, ranked by FTS5's built-in `bm25()`, top 10.
public struct PlainFTS5Search: Sendable {
    private let queue: DatabaseQueue

    public init(index: URL) throws {
        var configuration = Configuration()
        configuration.readonly = true
        queue = try DatabaseQueue(path: index.path, configuration: configuration)
    }

    /// The ids of the 10 best passages.
    @discardableResult
    public func search(_ query: String) throws -> [Int64] {
        let words = query.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            .filter { !StopWords.english.contains($0) }
        guard !words.isEmpty else { return [] }
        let expression = words.map { "\"\($0)\"" }.joined(separator: " OR ")
        return try queue.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT 10
                """, arguments: [expression])
        }
    }
}
