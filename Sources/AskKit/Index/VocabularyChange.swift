import GRDB

/// How passages added to and removed from an index change its vocabulary tables: `terms` (passages per word, for
/// typo correction), `stems` (passages per stem, for BM25) and the total token count. An incremental build
/// applies it instead of recounting the whole index.
struct VocabularyChange {
    private(set) var words: [String: Int] = [:]
    private(set) var stems: [String: Int] = [:]
    private(set) var tokens = 0

    /// Counts a passage's words and stems as removed.
    mutating func remove(title: String, section: String?, body: String, stemmer: Stemmer) throws {
        for word in Self.words(title: title, section: section, body: body) {
            words[word, default: 0] -= 1
        }
        try countStems(title: title, section: section, body: body, sign: -1, stemmer: stemmer)
    }

    /// Adds word counts made while passages were cut (``WordCounts``).
    mutating func add(words added: [String: Int]) {
        words.merge(added, uniquingKeysWith: +)
    }

    /// Counts a passage's stems and tokens as added (`sign` 1) or removed (`sign` -1).
    mutating func countStems(title: String, section: String?, body: String, sign: Int, stemmer: Stemmer) throws {
        let passageStems = try stemmer.stems(of: title) + stemmer.stems(of: section ?? "") + stemmer.stems(of: body)
        tokens += sign * passageStems.count
        for stem in Set(passageStems) { stems[stem, default: 0] += sign }
    }

    /// The words of a passage that the `terms` table counts: each word with a letter, once.
    static func words(title: String, section: String?, body: String) -> Set<String> {
        Set(WordTokenizer.words([title, section ?? "", body].joined(separator: " ")).filter(hasLetter))
    }

    /// True when a word (lower-cased) holds a letter: an ASCII one found on its bytes, or any other.
    private static func hasLetter(_ word: String) -> Bool {
        var isASCII = true
        for byte in word.utf8 {
            if (0x61...0x7A).contains(byte) { return true }
            if byte >= 0x80 { isASCII = false }
        }
        return !isASCII && word.contains(where: \.isLetter)
    }

    /// Applies the counts to the tables; words and stems no passage holds any more are removed.
    func apply(to db: Database, stemmer: Stemmer) throws {
        let addWord = try db.makeStatement(sql: """
            INSERT INTO terms(word, stem, passages) VALUES (?, ?, ?)
            ON CONFLICT(word) DO UPDATE SET passages = passages + excluded.passages
            """)
        for (word, change) in words where change != 0 {
            try addWord.execute(arguments: [word, try stemmer.stem(word), change])
        }
        let addStem = try db.makeStatement(sql: """
            INSERT INTO stems(stem, passages) VALUES (?, ?)
            ON CONFLICT(stem) DO UPDATE SET passages = passages + excluded.passages
            """)
        for (stem, change) in stems where change != 0 {
            try addStem.execute(arguments: [stem, change])
        }
        try db.execute(sql: "DELETE FROM terms WHERE passages <= 0; DELETE FROM stems WHERE passages <= 0")
    }
}
