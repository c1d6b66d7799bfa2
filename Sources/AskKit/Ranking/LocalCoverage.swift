import Foundation

/// How much of a question a sentence holds when its concepts are weighed by how few of the sentences at hand hold
/// them: a concept every sentence here holds (the topic of the pages found) tells them apart no more than a stop
/// word; one that few hold (the part asked about: "symptoms" among pages on one illness) tells the most.
struct LocalCoverage {
    private let weights: [Double]
    private let total: Double

    /// - Parameters:
    ///   - conceptCount: how many concepts the question has.
    ///   - sentences: the concepts (indices) each sentence at hand holds.
    init(conceptCount: Int, sentences: [Set<Int>]) {
        let count = Double(sentences.count)
        weights = (0..<conceptCount).map { concept in
            log(1 + count / (1 + Double(sentences.count { $0.contains(concept) })))
        }
        total = max(weights.reduce(0, +), 1e-9)
    }

    /// The share of the local weight that `concepts` hold, from 0 to 1.
    func coverage(of concepts: Set<Int>) -> Double {
        // Summed in concept order: a set's order changes from run to run, and a fitted model must see the same sums.
        weights.indices.reduce(0) { concepts.contains($1) ? $0 + weights[$1] : $0 } / total
    }
}
