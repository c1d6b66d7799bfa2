import Foundation

/// Reads `.jsonl` files in the BEIR/Pyserini convention: one document a line,
/// `{"_id" or "id", "title", "text" or "contents"}`. The document id is the line's id.
public struct JSONLinesReader: DocumentReader {
    /// Creates the reader.
    public init() {}

    public var fileExtensions: Set<String> { ["jsonl", "ndjson"] }

    public func read(_ text: String, file: String) -> DocumentsRead {
        var result = DocumentsRead(documents: [])
        for line in text.numberedLines() where !line.text.allSatisfy(\.isWhitespace) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.text.utf8)) as? [String: Any],
                let id = Self.identifier(object["_id"] ?? object["id"] ?? object["docid"])
            else {
                result.warnings.append("\(file):\(line.number): not a JSON object with an \"_id\" or \"id\"; skipped")
                continue
            }
            let body = (object["text"] ?? object["contents"]) as? String ?? ""
            let title = (object["title"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            let lines = body.numberedLines().map { SourceLine(number: line.number, text: $0.text) }
            result.documents.append(SourceDocument(id: id, file: file, statedTitle: title, lines: lines, isRecord: true))
        }
        return result
    }

    private static func identifier(_ value: Any?) -> String? {
        switch value {
        case let string as String where !string.isEmpty: string
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }
}
