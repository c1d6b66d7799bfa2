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
        values = [Int8](unsafeUninitializedCapacity: vector.count) { values, count in
            for (index, value) in vector.enumerated() {
                values[index] = Int8(truncatingIfNeeded: max(-128, min(127, Self.rounded(value / scale))))
            }
            count = vector.count
        }
    }

    /// `value.rounded()` (halves away from zero) without a call to the C library's `roundf` for each number: the
    /// fraction after truncation is exact. With `roundf`, and `Int8(clamping:)`, which did not inline, quantising
    /// took a twelfth of the time a build spent embedding.
    private static func rounded(_ value: Float) -> Int {
        let truncated = Int(value)
        let fraction = value - Float(truncated)
        return truncated + (fraction >= 0.5 ? 1 : fraction <= -0.5 ? -1 : 0)
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
