import Foundation

/// A passage's vector as the index stores it: a unit vector quantised to one signed byte per dimension, times one
/// scale. Stored as a BLOB of the bytes and a REAL scale, so a stock `sqlite3` reads it.
struct PassageVector: Sendable, Equatable {
    var scale: Float
    var values: [Int8]

    /// Quantises a vector: the largest magnitude becomes 127.
    init(quantising vector: [Float]) {
        let largest = vector.reduce(0) { max($0, abs($1)) }
        let scale: Float = largest > 0 ? largest / 127 : 1
        self.scale = scale
        values = vector.map { Int8(clamping: Int(($0 / scale).rounded())) }
    }

    /// The vector as floats.
    var floats: [Float] { values.map { Float($0) * scale } }

    /// The bytes stored in the index.
    var bytes: Data { values.withUnsafeBytes { Data($0) } }

    /// The cosine similarity to a question's vector.
    func similarity(to query: QueryVector) -> Float {
        values.withUnsafeBufferPointer { values in query.dot(values.baseAddress!, storedScale: scale) }
    }
}
