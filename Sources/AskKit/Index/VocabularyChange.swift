import GRDB

/// How passages added to and removed from an index change its vocabulary tables: `terms` (passages per word, for
/// typo correction), `stems` (passages per stem, for BM25) and the total token count. An incremental build
/// applies it instead of recounting the whole index.
struct VocabularyChange {
    private var addedWords: [String: Int] = [:]
    private var removedWords = WordCounts.Tally()
    private(set) var stems: [String: Int] = [:]
    private(set) var tokens = 0

    /// Counts a passage's words and stems as removed.
    mutating func remove(title: String, section: String?, body: String, stemmer: Stemmer) throws {
        removedWords.add(title: title, section: section, body: body)
        try countStems(title: title, section: section, body: body, sign: -1, stemmer: stemmer)
    }

    /// Adds word counts made while passages were cut (``WordCounts``).
    mutating func add(words added: [String: Int]) {
        addedWords.merge(added, uniquingKeysWith: +)
    }

    /// How many more (or fewer) passages hold each word.
    var words: [String: Int] {
        addedWords.merging(removedWords.counts.mapValues { -$0 }, uniquingKeysWith: +)
    }

    /// Counts a passage's stems and tokens as added (`sign` 1) or removed (`sign` -1).
    mutating func countStems(title: String, section: String?, body: String, sign: Int, stemmer: Stemmer) throws {
        let passageStems = try stemmer.stems(of: title) + stemmer.stems(of: section ?? "") + stemmer.stems(of: body)
        tokens += sign * passageStems.count
        for stem in Set(passageStems) { stems[stem, default: 0] += sign }
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
