import Foundation

/// A choice among a group's candidates: each candidate scores `w·x`, and the probability of choosing it is its
/// share of `e^score` within its group (a softmax). Fitted to groups whose chosen candidate is known, it learns what
/// sets the right candidate apart from the others of the same group, whatever the group's level: for a question,
/// which of its sentences starts the answer.
///
/// Fitted by Newton's method on the L2-penalised log-likelihood (concave, so the fit is unique and deterministic).
public struct ConditionalLogit: Sendable, Hashable, Codable {
    /// One weight per feature. Groups share no intercept: a constant feature cancels out.
    public var weights: [Double]

    /// A model with the given weights.
    public init(weights: [Double]) {
        self.weights = weights
    }

    /// A candidate's score; within a group, higher is more likely.
    public func score(_ features: [Double]) -> Double {
        zip(weights, features).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The probability of choosing each candidate of a group.
    public func probabilities(_ group: [[Double]]) -> [Double] {
        let scores = group.map(score)
        let top = scores.max() ?? 0
        let exponentials = scores.map { exp($0 - top) }
        let sum = exponentials.reduce(0, +)
        return exponentials.map { $0 / sum }
    }

    /// Fits weights to groups of candidates and the index of the chosen one in each.
    /// - Parameters:
    ///   - penalty: the L2 penalty on every weight, against overfitting.
    ///   - steps: at most this many Newton steps; fitting stops earlier once the weights settle.
    public static func fit(_ groups: [[[Double]]], chosen: [Int], penalty: Double = 1, steps: Int = 30)
        -> ConditionalLogit
    {
        let width = groups.first { !$0.isEmpty }?.first?.count ?? 0
        let weights = Newton.maximize(from: Array(repeating: 0, count: width), steps: steps) {
            ConditionalLogit(weights: $0).logLikelihood(groups, chosen: chosen, penalty: penalty)
        } derivatives: { weights in
            let model = ConditionalLogit(weights: weights)
            var gradient = weights.map { -penalty * $0 }
            var hessian = (0..<width).map { i in (0..<width).map { j in i == j ? penalty : 0 } }
            for (group, pick) in zip(groups, chosen) where group.count > 1 {
                let probabilities = model.probabilities(group)
                var mean = Array(repeating: 0.0, count: width)
                for (row, p) in zip(group, probabilities) {
                    for i in 0..<width { mean[i] += p * row[i] }
                }
                for i in 0..<width { gradient[i] += group[pick][i] - mean[i] }
                for (row, p) in zip(group, probabilities) {
                    for i in 0..<width {
                        let di = row[i] - mean[i]
                        for j in 0...i { hessian[i][j] += p * di * (row[j] - mean[j]) }
                    }
                }
            }
            return (gradient, hessian)
        }
        return ConditionalLogit(weights: weights)
    }

    /// The L2-penalised log-likelihood of the chosen candidates, which fitting maximises.
    func logLikelihood(_ groups: [[[Double]]], chosen: [Int], penalty: Double) -> Double {
        var total = -penalty / 2 * weights.reduce(0) { $0 + $1 * $1 }
        for (group, pick) in zip(groups, chosen) where group.count > 1 {
            let scores = group.map(score)
            let top = scores.max() ?? 0
            total += scores[pick] - top - log(scores.reduce(0) { $0 + exp($1 - top) })
        }
        return total
    }
}
