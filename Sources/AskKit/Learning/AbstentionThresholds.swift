/// What each abstention threshold would do on judged questions, given the confidence and the F1 of the answer to
/// each: the table `ask train` and `ask calibrate` print, and the threshold they store.
public struct AbstentionThresholds: Sendable {
    /// One threshold's outcome: F1 over answerable questions (an abstention counting 0), the share of answerable
    /// questions abstained on, and of unanswerable ones.
    public struct Row: Sendable {
        public var threshold: Double
        public var f1All: Double
        public var falseAbstention: Double
        public var abstained: Double
    }

    /// Thresholds 0, 0.02, …, 1.
    public let rows: [Row]

    /// - Parameter outcomes: per question, the confidence in its answer, the answer's F1 (0 for unanswerable
    ///   questions) and whether the corpus answers it.
    init(_ outcomes: [(confidence: Double, f1: Double, answerable: Bool)]) {
        let answerable = Double(max(outcomes.count { $0.answerable }, 1))
        let unanswerable = Double(max(outcomes.count { !$0.answerable }, 1))
        rows = (0...50).map { step in
            let threshold = Double(step) * 0.02
            var f1All = 0.0, falseAbstentions = 0.0, abstained = 0.0
            for outcome in outcomes {
                let abstains = outcome.confidence < threshold
                if outcome.answerable {
                    if abstains { falseAbstentions += 1 } else { f1All += outcome.f1 }
                } else if abstains {
                    abstained += 1
                }
            }
            return Row(threshold: threshold, f1All: f1All / answerable, falseAbstention: falseAbstentions / answerable,
                       abstained: abstained / unanswerable)
        }
    }

    /// The threshold that maximises F1 over answerable questions plus the share of unanswerable ones abstained on,
    /// among those that abstain on at most `maximumFalseAbstention` of the answerable ones.
    func best(maximumFalseAbstention: Double) -> Double {
        rows.filter { $0.falseAbstention <= maximumFalseAbstention }
            .max { $0.f1All + $0.abstained < $1.f1All + $1.abstained }?.threshold ?? 0
    }
}
