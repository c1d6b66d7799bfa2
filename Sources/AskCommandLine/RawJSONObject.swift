import Foundation

/// The members of a JSON object as the raw text of their values, so that a value (a question's `id`) can be echoed
/// exactly as it was given, whatever its type or size (`1e400` included). The text is checked against JSON's
/// grammar (RFC 8259), so what is echoed is always valid JSON.
struct RawJSONObject {
    /// Each member's value as written, keyed by the member's decoded name; a repeated name keeps its last value.
    private(set) var members: [String: String] = [:]

    /// Parses one JSON object; `nil` when the text is anything else or not valid JSON.
    init?(_ text: some StringProtocol) {
        var scanner = Scanner(bytes: Array(text.utf8))
        guard let members = scanner.object(), scanner.atEnd() else { return nil }
        self.members = members
    }

    /// A member's value decoded as a string; `nil` when absent or not a string.
    func string(_ name: String) -> String? {
        members[name].flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed) }
            as? String
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        /// How deep objects and arrays nest so far: past ``maximumDepth`` the text is refused, not recursed into.
        private var depth = 0
        private static let maximumDepth = 512

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func object() -> [String: String]? {
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            var members: [String: String] = [:]
            skipSpace()
            if take(UInt8(ascii: "}")) { return members }
            repeat {
                skipSpace()
                let nameStart = position
                guard string() else { return nil }
                let rawName = Data(bytes[nameStart..<position])
                guard let name = try? JSONSerialization.jsonObject(with: rawName, options: .fragmentsAllowed) as? String
                else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                let valueStart = position
                guard value() else { return nil }
                members[name] = String(decoding: bytes[valueStart..<position], as: UTF8.self)
                skipSpace()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) ? members : nil
        }

        mutating func atEnd() -> Bool {
            skipSpace()
            return position == bytes.count
        }

        private mutating func value() -> Bool {
            guard let byte = peek(), depth < Self.maximumDepth else { return false }
            depth += 1
            defer { depth -= 1 }
            switch byte {
            case UInt8(ascii: "{"): return object() != nil
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        private mutating func array() -> Bool {
            guard take(UInt8(ascii: "[")) else { return false }
            skipSpace()
            if take(UInt8(ascii: "]")) { return true }
            repeat {
                skipSpace()
                guard value() else { return false }
                skipSpace()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]"))
        }

        /// A string; the bytes between the quotes are valid UTF-8 already (they come from a Swift string).
        private mutating func string() -> Bool {
            guard take(UInt8(ascii: "\"")) else { return false }
            while let byte = peek() {
                position += 1
                switch byte {
                case UInt8(ascii: "\""): return true
                case UInt8(ascii: "\\"):
                    guard let escaped = peek() else { return false }
                    position += 1
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            guard let hex = peek(), isHexDigit(hex) else { return false }
                            position += 1
                        }
                    } else if !Array("\"\\/bfnrt".utf8).contains(escaped) {
                        return false
                    }
                case 0..<0x20: return false
                default: continue
                }
            }
            return false
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        private mutating func number() -> Bool {
            _ = take(UInt8(ascii: "-"))
            if take(UInt8(ascii: "0")) {
                // A leading zero stands alone.
            } else if digits() == 0 {
                return false
            }
            if take(UInt8(ascii: ".")), digits() == 0 { return false }
            if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
                if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
                if digits() == 0 { return false }
            }
            return true
        }

        private mutating func digits() -> Int {
            let start = position
            while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
            return position - start
        }

        private mutating func literal(_ word: String) -> Bool {
            let expected = Array(word.utf8)
            guard bytes[position...].starts(with: expected) else { return false }
            position += expected.count
            return true
        }

        private func isHexDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }

        private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard peek() == byte else { return false }
            position += 1
            return true
        }

        private mutating func skipSpace() {
            while let byte = peek(), [0x20, 0x09, 0x0A, 0x0D].contains(byte) { position += 1 }
        }
    }
}
