import Foundation

/// Turns a text into a vector whose direction stands for its meaning, so that texts saying the same thing in other
/// words lie close together: the mean of its WordPiece tokens' static vectors, of unit length.
///
/// The built-in table (``builtIn``) is distilled from the sentence model all-MiniLM-L6-v2 (Apache-2.0, by Nils
/// Reimers and the sentence-transformers project; see `Embeddings/NOTICE`) by `Scripts/distill-embeddings.py`, the
/// Model2Vec method: each vocabulary token's output of the model, reduced by PCA to 256 dimensions and weighted by
/// the token's rarity, quantised to int8 with one scale per token. No model runs when a text is embedded.
///
/// ```swift
/// let embedder = try TextEmbedder.builtIn
/// let similarity = embedder.similarity(embedder.vector(for: "is it contagious"),
///                                      embedder.vector(for: "you cannot catch it from someone"))
/// ```
public struct TextEmbedder: Sendable {
    /// How many numbers a vector has.
    public let dimensions: Int
    /// Identifies the table: an index records it and is rebuilt when it changes.
    public let fingerprint: String

    private let tokenizer: WordPieceTokenizer
    /// The table file, memory-mapped: a header, one `Float32` scale per token, then `dimensions` `Int8` per token,
    /// little-endian as every platform Swift runs on.
    private let table: Data
    private let tokenCount: Int

    private static let headerSize = 16

    /// The table shipped with AskKit.
    public static var builtIn: TextEmbedder {
        get throws { try builtInTable.get() }
    }

    private static let builtInTable = Result<TextEmbedder, Error> {
        guard let vectors = Bundle.module.url(forResource: "token-vectors", withExtension: "bin",
                                              subdirectory: "Embeddings"),
            let vocabulary = Bundle.module.url(forResource: "vocabulary", withExtension: "txt",
                                               subdirectory: "Embeddings")
        else { throw AskError.embeddingTableUnreadable("AskKit's built-in table is missing from its resources") }
        return try TextEmbedder(vectors: vectors, vocabulary: vocabulary)
    }

    /// Reads a table made by `Scripts/distill-embeddings.py`.
    /// - Parameters:
    ///   - vectors: the `token-vectors.bin` file, memory-mapped.
    ///   - vocabulary: the tokenizer's vocabulary, one token a line, a token's id being its line number from 0.
    public init(vectors: URL, vocabulary: URL) throws {
        let table: Data
        let tokens: [String]
        do {
            table = try Data(contentsOf: vectors, options: .alwaysMapped)
            tokens = try String(contentsOf: vocabulary, encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        } catch {
            throw AskError.embeddingTableUnreadable("\(vectors.path): \(error.localizedDescription)")
        }
        guard table.count >= Self.headerSize, table.prefix(4) == Data("ASKV".utf8) else {
            throw AskError.embeddingTableUnreadable("\(vectors.path) is not a token vector table")
        }
        let header = table.withUnsafeBytes { raw in
            (1...3).map { Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
        }
        let (version, count, dimensions) = (header[0], header[1], header[2])
        guard version == 1, count == tokens.count, dimensions > 0,
            table.count == Self.headerSize + count * (4 + dimensions)
        else {
            throw AskError.embeddingTableUnreadable(
                "\(vectors.path) does not match its vocabulary of \(tokens.count) tokens")
        }
        self.table = table
        self.tokenCount = count
        self.dimensions = dimensions
        tokenizer = WordPieceTokenizer(vocabulary: tokens)
        fingerprint = Self.fingerprint(of: table)
    }

    /// A stable hash of the table's bytes, eight at a time: FNV-1a a byte at a time over the 7.9 MB table made a
    /// cold `ask "how long to heal"` take 0.11–0.14 s instead of 0.05–0.06 s.
    private static func fingerprint(of table: Data) -> String {
        table.withUnsafeBytes { raw in
            var state: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                state = (state ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                    &* 0x0000_0100_0000_01b3
                state ^= state >> 29
                offset += 8
            }
            while offset < raw.count {
                state = (state ^ UInt64(raw[offset])) &* 0x0000_0100_0000_01b3
                offset += 1
            }
            let hex = String(state, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
    }

    /// The token ids of a text, as the model's own tokenizer gives them (without `[CLS]` and `[SEP]`).
    func tokenIDs(_ text: String) -> [Int32] { tokenizer.tokenIDs(text) }

    /// The vector of a text: the mean of its tokens' vectors, of unit length; all zeros when it has no known token.
    public func vector(for text: String) -> [Float] {
        var sum = [Float](repeating: 0, count: dimensions)
        var counted = 0
        table.withUnsafeBytes { raw in
            let scales = raw.baseAddress!.advanced(by: Self.headerSize).assumingMemoryBound(to: Float32.self)
            let rows = raw.baseAddress!.advanced(by: Self.headerSize + 4 * tokenCount)
                .assumingMemoryBound(to: Int8.self)
            // Each distinct token's row is added once, times its count: a passage repeats about half its tokens.
            var ids: [Int32] = []
            tokenizer.forEachWord(in: text) { tokenizer.appendPieces(of: $0, to: &ids) }
            ids.sort()
            sum.withUnsafeMutableBufferPointer { sum in
                var start = 0
                while start < ids.count {
                    let id = ids[start]
                    var end = start + 1
                    while end < ids.count, ids[end] == id { end += 1 }
                    if id != tokenizer.unknown {
                        let weight = scales[Int(id)] * Float(end - start)
                        let row = rows + Int(id) * dimensions
                        for index in 0..<dimensions { sum[index] += weight * Float(row[index]) }
                        counted += end - start
                    }
                    start = end
                }
            }
        }
        return counted > 0 ? Self.normalized(sum) : sum
    }

    /// A passage's vector, quantised as the index stores it: of its title, section and text together.
    func vector(of passage: Passage) -> PassageVector {
        PassageVector(quantising: vector(for: [passage.title, passage.section ?? "", passage.text].joined(separator: "\n")))
    }

    /// The cosine similarity of two vectors of unit length (or zero).
    public func similarity(_ a: [Float], _ b: [Float]) -> Float {
        Self.dot(a, b)
    }

    /// The dot product of two vectors (over the shorter one's length).
    static func dot(_ a: [Float], _ b: [Float]) -> Float {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                let count = min(a.count, b.count)
                var sums = SIMD8<Float>()
                var index = 0
                while index + 8 <= count {
                    sums += SIMD8<Float>(a[index..<index + 8]) * SIMD8<Float>(b[index..<index + 8])
                    index += 8
                }
                var sum = sums.sum()
                while index < count {
                    sum += a[index] * b[index]
                    index += 1
                }
                return sum
            }
        }
    }

    static func normalized(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }
}
