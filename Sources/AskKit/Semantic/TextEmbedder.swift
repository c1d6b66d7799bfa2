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
        fingerprint = table.contentFingerprint
    }

    /// The token ids of a text, as the model's own tokenizer gives them (without `[CLS]` and `[SEP]`).
    func tokenIDs(_ text: String) -> [Int32] { tokenizer.tokenIDs(text) }

    /// The vector of a text: the mean of its tokens' vectors, of unit length; all zeros when it has no known token.
    public func vector(for text: String) -> [Float] { vector(forLines: [text]) }

    /// A passage's vector, quantised as the index stores it: of its title, section and text together.
    func vector(of passage: Passage) -> PassageVector {
        PassageVector(quantising: vector(forLines: [passage.title, passage.section ?? "", passage.text]))
    }

    /// The vector of texts joined by line breaks, without joining them (a line break only separates words).
    private func vector(forLines texts: [String]) -> [Float] {
        var sum = [Float](repeating: 0, count: dimensions)
        var counted = 0
        table.withUnsafeBytes { raw in
            let scales = raw.baseAddress!.advanced(by: Self.headerSize).assumingMemoryBound(to: Float32.self)
            let rows = raw.baseAddress!.advanced(by: Self.headerSize + 4 * tokenCount)
                .assumingMemoryBound(to: Int8.self)
            // Each distinct token's row is added once, times its count: a passage repeats about half its tokens.
            var ids: [Int32] = []
            // Room for a token every three bytes, about what English text needs, so the array is not grown.
            ids.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count } / 3)
            // Through the tokenizer's own method: a closure here that called it copied the whole embedder per word.
            for text in texts { tokenizer.appendTokenIDs(of: text, to: &ids) }
            Self.sort(&ids, below: tokenCount)
            var terms: [Term] = []
            terms.reserveCapacity(ids.count)
            var start = 0
            while start < ids.count {
                let id = ids[start]
                var end = start + 1
                while end < ids.count, ids[end] == id { end += 1 }
                if id != tokenizer.unknown {
                    terms.append(Term(row: rows + Int(id) * dimensions, weight: scales[Int(id)] * Float(end - start)))
                    counted += end - start
                }
                start = end
            }
            sum.withUnsafeMutableBufferPointer { Self.add(terms, to: $0) }
        }
        if counted > 0 { Self.normalize(&sum) }
        return sum
    }

    /// Sorts token ids (from 0 to `limit`) by their bytes, low byte first (LSD radix sort): a text's few hundred
    /// ids are sorted in two passes over them, where the standard library's comparison sort took an eighth of
    /// the time a 100k-passage build spent embedding.
    private static func sort(_ ids: inout [Int32], below limit: Int) {
        guard ids.count > 64 else { return ids.sort() }
        ids.withUnsafeMutableBufferPointer { ids in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: ids.count) { spare in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { starts in
                    var (from, to) = (ids, spare)
                    var shift = 0
                    while shift == 0 || limit > 1 << shift {
                        starts.initialize(repeating: 0)
                        for id in from { starts[Int(id >> shift) & 0xFF] += 1 }
                        var total = 0
                        for byte in 0..<256 { (starts[byte], total) = (total, total + starts[byte]) }
                        for id in from {
                            let byte = Int(id >> shift) & 0xFF
                            to[starts[byte]] = id
                            starts[byte] += 1
                        }
                        swap(&from, &to)
                        shift += 8
                    }
                    if from.baseAddress != ids.baseAddress { _ = ids.update(fromContentsOf: from) }
                }
            }
        }
    }

    /// A row of the table to add to a sum, times its weight.
    private struct Term {
        var row: UnsafePointer<Int8>
        var weight: Float
    }

    /// Adds the terms to `sum` in order, four rows in one pass over the dimensions: each number gets the same
    /// additions in the same order as row by row, while four rows are read at once (most of the time adding took
    /// was spent waiting for rows of the table to be read from memory).
    ///
    /// Each byte is widened to `Int` before it becomes a `Float`: the conversion from `Int8` did not inline in the
    /// index build (4% of a 100k-passage build's samples in a generic `Float.init`), nor did `SIMD16` conversions.
    private static func add(_ terms: [Term], to sum: UnsafeMutableBufferPointer<Float>) {
        var next = 0
        while next + 4 <= terms.count {
            let (a, b, c, d) = (terms[next], terms[next + 1], terms[next + 2], terms[next + 3])
            for index in sum.indices {
                var value = sum[index]
                value += a.weight * Float(Int(a.row[index]))
                value += b.weight * Float(Int(b.row[index]))
                value += c.weight * Float(Int(c.row[index]))
                value += d.weight * Float(Int(d.row[index]))
                sum[index] = value
            }
            next += 4
        }
        for term in terms[next...] {
            for index in sum.indices { sum[index] += term.weight * Float(Int(term.row[index])) }
        }
    }

    /// The cosine similarity of two vectors of unit length (or zero).
    public func similarity(_ a: [Float], _ b: [Float]) -> Float {
        Self.dot(a, b)
    }

    /// The dot product of two vectors (over the shorter one's length).
    static func dot(_ a: [Float], _ b: [Float]) -> Float {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                guard let first = a.baseAddress, let second = b.baseAddress else { return 0 }
                return Matrix.dot(first, second, min(a.count, b.count))
            }
        }
    }

    /// Scales a vector to unit length, in place (a vector of zeros stays as it is).
    static func normalize(_ vector: inout [Float]) {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return }
        for index in vector.indices { vector[index] /= norm }
    }
}
