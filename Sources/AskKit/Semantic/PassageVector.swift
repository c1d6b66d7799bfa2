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

    init(scale: Float, bytes: Data) {
        self.scale = scale
        values = bytes.withUnsafeBytes { Array($0.bindMemory(to: Int8.self)) }
    }

    /// The vector as floats.
    var floats: [Float] { values.map { Float($0) * scale } }

    /// The bytes stored in the index.
    var bytes: Data { values.withUnsafeBytes { Data($0) } }

    /// The dot product with a vector of floats: the cosine similarity when both are of unit length.
    func dot(_ vector: [Float]) -> Float {
        values.withUnsafeBufferPointer { values in
            vector.withUnsafeBufferPointer { vector in Self.dot(values.baseAddress!, vector, count: values.count) }
        } * scale
    }

    /// The dot product of `count` bytes with `count` floats.
    static func dot(_ values: UnsafePointer<Int8>, _ vector: UnsafeBufferPointer<Float>, count: Int) -> Float {
        var sums = SIMD8<Float>()
        var index = 0
        while index + 8 <= count {
            let bytes = SIMD8<Float>(
                Float(values[index]), Float(values[index + 1]), Float(values[index + 2]), Float(values[index + 3]),
                Float(values[index + 4]), Float(values[index + 5]), Float(values[index + 6]), Float(values[index + 7]))
            sums += bytes * SIMD8<Float>(vector[index..<index + 8])
            index += 8
        }
        var sum = sums.sum()
        while index < count {
            sum += Float(values[index]) * vector[index]
            index += 1
        }
        return sum
    }
}
