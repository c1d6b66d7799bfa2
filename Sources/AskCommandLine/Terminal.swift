import AskKit
import Foundation

/// Writing to the terminal: colour only on a terminal and without `NO_COLOR`, corpus text neutralised so that
/// escape sequences or control characters in a document can never act on the terminal.
enum Terminal {
    static let usesColor: Bool = isatty(STDOUT_FILENO) == 1
        && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        && ProcessInfo.processInfo.environment["TERM"] != "dumb"

    static func bold(_ text: String) -> String { usesColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    static func dim(_ text: String) -> String { usesColor ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    static func highlight(_ text: String) -> String { usesColor ? "\u{1B}[1;33m\(text)\u{1B}[0m" : text }

    /// Text from the corpus or the user with every control character (escape included) replaced by a space.
    static func safe<Text: StringProtocol>(_ text: Text) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: " "
            default: scalar
            }
        }))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("ask: \(safe(message))\n".utf8))
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("ask: warning: \(safe(message))\n".utf8))
    }

    /// "Title — file, lines 6–8", made safe.
    static func describe(_ passage: Passage) -> String {
        safe(passage.citation)
    }

    /// The terminal's styling of rendered answers: colours when it has them, text made safe.
    static let style = TextStyle(bold: { bold($0) }, dim: { dim($0) }, clean: { safe($0) })

    /// A passage's text with its highlighted words marked, made safe.
    static func highlighted(_ hit: Hit) -> String {
        let text = hit.passage.text
        var output = ""
        var position = text.startIndex
        for range in hit.highlights where range.lowerBound >= position {
            output += safe(text[position..<range.lowerBound])
            output += usesColor ? highlight(safe(text[range])) : safe(text[range])
            position = range.upperBound
        }
        return output + safe(text[position...])
    }

    /// The text of a file, or of standard input for `-`.
    static func readText(_ path: String) throws -> String {
        if path == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AskError.fileUnreadable(path, reason: "no such file, or not readable")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes text to standard output, whole, with `write(2)` (no buffer to lose): a failure (a full disk, a closed
    /// file) is an error, never a silent loss.
    static func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Foundation.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw AskError.writeFailed("standard output", reason: String(cString: strerror(errno)).lowercased())
                }
                offset += count
            }
        }
    }

    /// Writes a line to standard output (see ``write(_:)``).
    static func writeLine(_ line: String) throws {
        try write(line + "\n")
    }

    /// Writes text to a file, or to standard output for `-`.
    static func writeText(_ text: String, to path: String) throws {
        if path == "-" { return try write(text) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw AskError.writeFailed(path, reason: (error as NSError).localizedDescription)
        }
    }

    /// JSON of a value, keys sorted, one line.
    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
