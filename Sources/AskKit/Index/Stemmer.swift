import GRDB

/// FTS5's own `porter unicode61 remove_diacritics 2` tokenizer, used outside FTS5 so that the engine's stems are
/// exactly the index's: the reranker and answer extractor compare words the way `MATCH` does.
///
/// It belongs to one database connection: make one inside each database access, never keep it beyond.
struct Stemmer {
    static let descriptor = FTS5TokenizerDescriptor(components: IndexSchema.tokenizer.split(separator: " ").map(String.init))

    private let tokenizer: any FTS5Tokenizer

    init(_ db: Database) throws {
        tokenizer = try db.makeTokenizer(Self.descriptor)
    }

    /// The stems of the words of `text`, in order.
    func stems(of text: String) throws -> [String] {
        try tokenizer.tokenize(document: text).map(\.token)
    }

    /// The stem of one word (itself if the tokenizer finds no token in it).
    func stem(_ word: String) throws -> String {
        try tokenizer.tokenize(document: word).first?.token ?? word
    }
}
