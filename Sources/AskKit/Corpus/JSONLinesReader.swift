import Foundation

/// Reads `.jsonl` files in the BEIR/Pyserini convention: one document a line,
/// `{"_id" or "id", "title", "text" or "contents"}`. The document id is the line's id.
public struct JSONLinesReader: DocumentReader {
    /// Creates the reader.
    public init() {}

    public let fileExtensions: Set<String> = ["jsonl", "ndjson"]

    public func read(_ text: String, file: String) -> DocumentsRead {
        let ranges = text.lineRanges()
        var result = DocumentsRead(documents: [])
        var text = text
        text.withUTF8 { bytes in
            // Lines are copied out of the text a block at a time, never all at once: a collection's file can be
            // large. Each line is copied once, straight into the bytes the JSON parser reads.
            for blockStart in stride(from: 0, to: ranges.count, by: Self.linesPerBlock) {
                let records = (blockStart..<min(blockStart + Self.linesPerBlock, ranges.count)).compactMap { index in
                    let line = UnsafeBufferPointer(rebasing: bytes[ranges[index]])
                    return Self.isBlank(line) ? nil : Record(number: index + 1, json: Data(line))
                }
                for outcome in records.concurrentMap({ Self.document(in: $0, file: file) }) {
                    switch outcome {
                    case .success(let document): result.documents.append(document)
                    case .failure(let warning): result.warnings.append(warning.message)
                    }
                }
            }
        }
        return result
    }

    /// One non-blank line of the file.
    private struct Record: Sendable {
        var number: Int
        var json: Data
    }

    /// True when a line holds only whitespace (as `Character.isWhitespace` sees it); ASCII decides without decoding.
    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else {
            return true
        }
        guard first >= 0x80 else { return false }
        return String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    /// How many lines are copied out and parsed together.
    private static let linesPerBlock = 8192

    /// Why a line was left out.
    private struct LineWarning: Error {
        var message: String
    }

    /// The document a line holds, or why it holds none.
    private static func document(in line: Record, file: String) -> Result<SourceDocument, LineWarning> {
        guard let object = try? JSONSerialization.jsonObject(with: line.json) as? [String: Any],
            let id = identifier(object["_id"] ?? object["id"] ?? object["docid"])
        else {
            return .failure(LineWarning(
                message: "\(file):\(line.number): not a JSON object with an \"_id\" or \"id\"; skipped"))
        }
        let body = (object["text"] ?? object["contents"]) as? String ?? ""
        let title = (object["title"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        let lines = body.numberedLines().map { SourceLine(number: line.number, text: $0.text) }
        return .success(SourceDocument(id: id, file: file, statedTitle: title, lines: lines, isRecord: true))
    }

    private static func identifier(_ value: Any?) -> String? {
        switch value {
        case let string as String where !string.isEmpty: string
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }
}
