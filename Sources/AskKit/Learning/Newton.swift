import Foundation

/// Newton's method for the concave log-likelihoods the engine's models maximise: the step solves the Hessian's
/// system, and a backtracking line search halves it until the fit improves, since a full step can overshoot far
/// from the optimum (a passage ranking fitted on MASH-QA diverged to weights in the hundreds without it).
enum Newton {
    /// The weights that maximise `objective`, from `start`: at most `steps` steps, fewer once the weights settle.
    /// - Parameter derivatives: the objective's gradient and Hessian at some weights; only the Hessian's lower
    ///   triangle (column ≤ row) need be filled, it is symmetric.
    static func maximize(
        from start: [Double], steps: Int, objective: ([Double]) -> Double,
        derivatives: ([Double]) -> (gradient: [Double], hessian: [[Double]])
    ) -> [Double] {
        var weights = start
        for _ in 0..<steps {
            let (gradient, lower) = derivatives(weights)
            var hessian = lower
            for i in hessian.indices { for j in 0..<i { hessian[j][i] = hessian[i][j] } }
            guard let step = solve(hessian, gradient) else { break }
            let taken: [Double]
            (weights, taken) = advance(weights, by: step, objective: objective)
            if taken.map(abs).max() ?? 0 < 1e-7 { break }
        }
        return weights
    }

    /// The weights after one step from `weights` along `step`, halved until `objective` does not fall (at most 30
    /// times), and the step taken.
    private static func advance(_ weights: [Double], by step: [Double], objective: ([Double]) -> Double)
        -> (weights: [Double], step: [Double])
    {
        let current = objective(weights)
        var step = step
        var next = weights
        for _ in 0..<30 {
            next = zip(weights, step).map { $0 + $1 }
            if objective(next) >= current { break }
            step = step.map { $0 / 2 }
        }
        return (next, step)
    }

    /// Solves `a·x = b` for a symmetric positive definite `a` (Cholesky); `nil` when `a` is not.
    private static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
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
