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
        let weights = Newton.maximize(from: Array(repeating: 0, count: width), steps: steps) {
            LogisticRegression(weights: $0).logLikelihood(rows, labels: labels, penalty: penalty)
        } derivatives: { weights in
            let model = LogisticRegression(weights: weights)
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
            for i in 1..<max(width, 1) {
                gradient[i] -= penalty * weights[i]
                hessian[i][i] += penalty
            }
            return (gradient, hessian)
        }
        return LogisticRegression(weights: weights)
    }

    /// The log-likelihood of the labels, less the L2 penalty on every weight but the intercept's: what fitting
    /// maximises.
    func logLikelihood(_ rows: [[Double]], labels: [Bool], penalty: Double) -> Double {
        var total = -penalty / 2 * weights.dropFirst().reduce(0) { $0 + $1 * $1 }
        for (row, label) in zip(rows, labels) {
            let z = zip(weights, row).reduce(0) { $0 + $1.0 * $1.1 }
            // log(sigmoid(z)) and log(1 - sigmoid(z)), written to stay finite for large |z|.
            total += label ? -log1p(exp(-z)) : -log1p(exp(z))
        }
        return total
    }
}
