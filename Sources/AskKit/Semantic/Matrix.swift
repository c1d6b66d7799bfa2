import Foundation

/// A matrix of `Float`s stored row by row, as a sentence model's weights and activations are.
struct Matrix: Sendable {
    let rows: Int
    let columns: Int
    var values: [Float]

    init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == rows * columns, "a \(rows)×\(columns) matrix needs \(rows * columns) values")
        (self.rows, self.columns, self.values) = (rows, columns, values)
    }

    init(rows: Int, columns: Int) {
        self.init(rows: rows, columns: columns, values: [Float](repeating: 0, count: rows * columns))
    }

    /// The values of a row.
    func row(_ index: Int) -> ArraySlice<Float> { values[index * columns..<(index + 1) * columns] }

    /// `self` × `other`ᵀ (+ `bias` on every row): each result is the dot product of a row of `self` and a row of
    /// `other`, as a linear layer stored `[out, in]` applies to activations stored `[tokens, in]`.
    ///
    /// Four rows of each are read at once and multiplied eight numbers at a time, so that each pair of loads feeds
    /// sixteen multiply-adds; 20 GFLOP/s on one core of the development machine for 256 × 384 by 1,536 × 384, in
    /// Swift's baseline instruction set.
    func timesTransposed(_ other: Matrix, bias: [Float]? = nil) -> Matrix {
        precondition(
            columns == other.columns, "cannot multiply \(rows)×\(columns) by (\(other.rows)×\(other.columns))ᵀ")
        var result = Matrix(rows: rows, columns: other.rows)
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                result.values.withUnsafeMutableBufferPointer { c in
                    Self.product(a.baseAddress!, b.baseAddress!, into: c.baseAddress!,
                                 rows: rows, others: other.rows, inner: columns)
                }
            }
        }
        if let bias {
            for row in 0..<rows {
                for column in 0..<other.rows { result.values[row * other.rows + column] += bias[column] }
            }
        }
        return result
    }

    /// The transpose.
    var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for row in 0..<rows {
            for column in 0..<columns { result.values[column * rows + row] = values[row * columns + column] }
        }
        return result
    }

    private static func product(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        rows: Int, others: Int, inner: Int
    ) {
        var other = 0
        while other < others {
            let otherCount = min(4, others - other)
            var row = 0
            while row < rows {
                let rowCount = min(4, rows - row)
                if rowCount == 4, otherCount == 4 {
                    block(a + row * inner, b + other * inner, into: c + row * others + other,
                          others: others, inner: inner)
                } else {
                    for i in 0..<rowCount {
                        for j in 0..<otherCount {
                            c[(row + i) * others + other + j] = dot(
                                a + (row + i) * inner, b + (other + j) * inner, inner)
                        }
                    }
                }
                row += 4
            }
            other += 4
        }
    }

    /// Four rows of `a` times four rows of `b`: sixteen dot products.
    @inline(__always)
    private static func block(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        others: Int, inner: Int
    ) {
        let (a, b) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
        let stride = inner * 4
        var s00 = SIMD8<Float>(), s01 = SIMD8<Float>(), s02 = SIMD8<Float>(), s03 = SIMD8<Float>()
        var s10 = SIMD8<Float>(), s11 = SIMD8<Float>(), s12 = SIMD8<Float>(), s13 = SIMD8<Float>()
        var s20 = SIMD8<Float>(), s21 = SIMD8<Float>(), s22 = SIMD8<Float>(), s23 = SIMD8<Float>()
        var s30 = SIMD8<Float>(), s31 = SIMD8<Float>(), s32 = SIMD8<Float>(), s33 = SIMD8<Float>()
        var offset = 0
        while offset + 32 <= stride {
            let a0 = a.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            let a1 = a.loadUnaligned(fromByteOffset: stride + offset, as: SIMD8<Float>.self)
            let a2 = a.loadUnaligned(fromByteOffset: 2 * stride + offset, as: SIMD8<Float>.self)
            let a3 = a.loadUnaligned(fromByteOffset: 3 * stride + offset, as: SIMD8<Float>.self)
            let b0 = b.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            let b1 = b.loadUnaligned(fromByteOffset: stride + offset, as: SIMD8<Float>.self)
            let b2 = b.loadUnaligned(fromByteOffset: 2 * stride + offset, as: SIMD8<Float>.self)
            let b3 = b.loadUnaligned(fromByteOffset: 3 * stride + offset, as: SIMD8<Float>.self)
            s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3
            s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3
            s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3
            s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3
            offset += 32
        }
        let (af, bf) = (a.assumingMemoryBound(to: Float.self), b.assumingMemoryBound(to: Float.self))
        let tail = offset / 4
        @inline(__always) func finish(_ sums: SIMD8<Float>, _ i: Int, _ j: Int) {
            var sum = sums.sum()
            for k in tail..<inner { sum += af[i * inner + k] * bf[j * inner + k] }
            c[i * others + j] = sum
        }
        finish(s00, 0, 0); finish(s01, 0, 1); finish(s02, 0, 2); finish(s03, 0, 3)
        finish(s10, 1, 0); finish(s11, 1, 1); finish(s12, 1, 2); finish(s13, 1, 3)
        finish(s20, 2, 0); finish(s21, 2, 1); finish(s22, 2, 2); finish(s23, 2, 3)
        finish(s30, 3, 0); finish(s31, 3, 1); finish(s32, 3, 2); finish(s33, 3, 3)
    }

    /// The dot product of `count` floats at `a` and at `b`, eight at a time.
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
        var sums = SIMD8<Float>()
        var index = 0
        let (ar, br) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
        while index + 8 <= count {
            sums += ar.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
                * br.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
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
