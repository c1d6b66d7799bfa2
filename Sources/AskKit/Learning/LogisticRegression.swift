import Foundation

/// A logistic regression: the probability of a yes from a weighted sum of features, `1 / (1 + e^-(w·x))`.
///
/// Fitted by Newton's method on the L2-penalised log-likelihood, which converges in a few steps for the tens of
/// features the engine uses, and gives the same weights for the same rows on every machine (no random start).
public struct LogisticRegression: Sendable, Hashable, Codable {
    /// One weight per feature; the first feature of every row is the constant 1 (the intercept).
    public var weights: [Double]

    /// A model with the given weights.
    public init(weights: [Double]) {
        self.weights = weights
    }

    /// The probability of a yes for a row of features.
    public func probability(_ features: [Double]) -> Double {
        1 / (1 + exp(-zip(weights, features).reduce(0) { $0 + $1.0 * $1.1 }))
    }

    /// Fits weights to rows of features and their yes/no labels.
    /// - Parameters:
    ///   - penalty: the L2 penalty on every weight but the intercept's, against overfitting.
    ///   - steps: at most this many Newton steps; fitting stops earlier once the weights settle.
    public static func fit(_ rows: [[Double]], labels: [Bool], penalty: Double = 1, steps: Int = 25)
        -> LogisticRegression
    {
        let width = rows.first?.count ?? 0
        var model = LogisticRegression(weights: Array(repeating: 0, count: width))
        for _ in 0..<steps {
            var gradient = Array(repeating: 0.0, count: width)
            var hessian = Array(repeating: Array(repeating: 0.0, count: width), count: width)
            for (row, label) in zip(rows, labels) {
                let p = model.probability(row)
                let residual = (label ? 1 : 0) - p
                let curvature = max(p * (1 - p), 1e-9)
                for i in 0..<width {
                    gradient[i] += residual * row[i]
                    for j in 0...i { hessian[i][j] += curvature * row[i] * row[j] }
                }
            }
            for i in 0..<width {
                for j in 0..<i { hessian[j][i] = hessian[i][j] }
                if i > 0 {
                    gradient[i] -= penalty * model.weights[i]
                    hessian[i][i] += penalty
                }
            }
            guard let step = solve(hessian, gradient) else { break }
            for i in 0..<width { model.weights[i] += step[i] }
            if step.map(abs).max() ?? 0 < 1e-7 { break }
        }
        return model
    }

    /// Solves `a·x = b` for a symmetric positive definite `a` (Cholesky); `nil` when `a` is not.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var lower = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i][j]
                for k in 0..<j { sum -= lower[i][k] * lower[j][k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    lower[i][i] = sum.squareRoot()
                } else {
                    lower[i][j] = sum / lower[j][j]
                }
            }
        }
        var y = Array(repeating: 0.0, count: n)
        for i in 0..<n {
            y[i] = (b[i] - (0..<i).reduce(0) { $0 + lower[i][$1] * y[$1] }) / lower[i][i]
        }
        var x = Array(repeating: 0.0, count: n)
        for i in (0..<n).reversed() {
            x[i] = (y[i] - ((i + 1)..<n).reduce(0) { $0 + lower[$1][i] * x[$1] }) / lower[i][i]
        }
        return x
    }
}
