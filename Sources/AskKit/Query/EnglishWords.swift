import Foundation

/// A general English word list, so that typo correction leaves real words alone: "bread" is a word the index may
/// lack, not a misspelling of "break". The list is SCOWL's size-50 American list as Debian's `wamerican` packages
/// it (63,875 lower-case words; `Scripts/english-words.sh` makes `EnglishWordList.swift`, and `EnglishWords.LICENSE`
/// holds its notice), compiled into the library compressed and inflated on first use.
enum EnglishWords {
    /// The words, one a line, sorted byte by byte: searched in place, so a cold `ask` builds no set of them.
    private static let sortedLines: [UInt8] = {
        guard let compressed = Data(base64Encoded: compressedList, options: .ignoreUnknownCharacters),
            let text = try? Gzip.decompress(compressed)
        else {
            fatalError("the built-in English word list does not inflate")
        }
        return [UInt8](text)
    }()

    /// True when `word` (lower-case) is an English word of the list: a binary search over its sorted lines.
    static func contains(_ word: String) -> Bool {
        let wanted = Array(word.utf8)
        return sortedLines.withUnsafeBufferPointer { lines in
            var low = 0, high = lines.count
            while low < high {
                // The line around the middle: back to its start, on to its end.
                var start = (low + high) / 2
                while start > low, lines[start - 1] != UInt8(ascii: "\n") { start -= 1 }
                var end = start
                while end < high, lines[end] != UInt8(ascii: "\n") { end += 1 }
                let line = UnsafeBufferPointer(rebasing: lines[start..<end])
                if line.elementsEqual(wanted) { return true }
                if line.lexicographicallyPrecedes(wanted) { low = end + 1 } else { high = start }
            }
            return false
        }
    }
}
