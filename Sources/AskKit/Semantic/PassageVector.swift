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
        let steps = 1 / scale
        self.scale = scale
        values = [Int8](unsafeUninitializedCapacity: vector.count) { values, count in
            vector.withUnsafeBufferPointer { vector in
                for index in vector.indices { values[index] = Self.nearestByte(vector[index] * steps) }
            }
            count = vector.count
        }
    }

    /// The whole number nearest a value within ±127 (halves to even), as a byte: added to 1.5 × 2²³, the value is
    /// rounded into the low bits of the sum. Quantising with `roundf` took a twelfth of the time a build spent
    /// embedding; dividing, rounding away from zero and checking the range a number at a time, 1.1k samples of a
    /// 100k-passage build (`perf record`); this way, which the compiler vectorises, 23.
    private static func nearestByte(_ value: Float) -> Int8 {
        Int8(truncatingIfNeeded: (value + 12_582_912).bitPattern)
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
