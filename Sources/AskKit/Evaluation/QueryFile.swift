import Foundation

/// A query of a JSON Lines query file: `{"_id" or "id", "text" or "question"}`.
public struct EvaluationQuery: Sendable, Hashable {
    /// The query id, as the qrels name it.
    public var id: String
    /// The query text.
    public var text: String

    /// Reads a query file; lines without an id and a text are skipped and counted.
    public static func parse(_ text: String) -> (queries: [EvaluationQuery], skipped: Int) {
        var queries: [EvaluationQuery] = []
        var skipped = 0
        for line in text.split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = (object["_id"] ?? object["id"]).map({ "\($0)" }),
                let query = (object["text"] ?? object["question"]) as? String
            else {
                skipped += 1
                continue
            }
            queries.append(EvaluationQuery(id: id, text: query))
        }
        return (queries, skipped)
    }
}

extension AskEngine {
    /// What a run ranks: whole documents (a document scores as its best passage) or passages.
    public enum RunLevel: String, Sendable, CaseIterable {
        case document, passage
    }

    /// Runs queries and returns a TREC run of the top `limit` documents or passages of each.
    /// Passages are named `DOC#FIRST-LAST` by their document and source lines.
    public func run(_ queries: [EvaluationQuery], limit: Int = 100, level: RunLevel = .document,
                    tag: String = "ask") throws -> TrecRun
    {
        var entries: [TrecRun.Entry] = []
        for query in queries {
            switch level {
            case .document:
                for hit in try searchDocuments(query.text, limit: limit) {
                    entries.append(.init(query: query.id, document: hit.document, rank: hit.rank, score: hit.score))
                }
            case .passage:
                for hit in try search(query.text, limit: limit) {
                    let name = "\(hit.passage.document)#\(hit.passage.lines.lowerBound)-\(hit.passage.lines.upperBound)"
                    entries.append(.init(query: query.id, document: name, rank: hit.rank, score: hit.score))
                }
            }
        }
        return TrecRun(entries: entries, tag: tag)
    }
}
