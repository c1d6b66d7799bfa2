import GRDB
import GRDBSQLite

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
        // Through the tokenizer's C interface: each token becomes a String straight from its bytes (short ones
        // are stored inline), several times faster than GRDB's `tokenize(document:)`, which goes through `Data`.
        var text = text
        var stems: [String] = []
        try text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            let code = withUnsafeMutablePointer(to: &stems) { stems in
                tokenizer.tokenize(
                    context: stems, tokenization: .document,
                    pText: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), nText: CInt(buffer.count)
                ) { context, _, token, length, _, _ in
                    guard let context, let token else { return SQLITE_OK }
                    let stem = String(decoding: UnsafeRawBufferPointer(start: token, count: Int(length)), as: UTF8.self)
                    context.assumingMemoryBound(to: [String].self).pointee.append(stem)
                    return SQLITE_OK
                }
            }
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
        }
        return stems
    }

    /// The stem of one word (itself if the tokenizer finds no token in it).
    func stem(_ word: String) throws -> String {
        try tokenizer.tokenize(document: word).first?.token ?? word
    }
}
