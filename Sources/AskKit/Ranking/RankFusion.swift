import Foundation

/// Reciprocal rank fusion of the engine's ranking with a sentence model's (Cormack, Clarke & Büttcher, 2009): an
/// item ranked r-th (from 1) in the engine's list gains 1 / (k + r), and r-th by the model, w / (k + r), w being the
/// model's weight (``AskEngine/sentenceModelWeight`` unless the caller gives another, as Meilisearch's hybrid search
/// takes a `semanticRatio`).
enum RankFusion {
    /// As Benchmarks/Peers/full-model.py fused documents on SciFact, where k 10 ranked better than 60 at every
    /// weight tried.
    static let k = 10.0

    /// What the `rank`-th item (from 1) of a ranking of this weight adds to an item's fused score.
    static func share(ofRank rank: Int, weight: Double = 1) -> Double {
        weight / (k + Double(rank))
    }

    /// The items of both rankings, best first, each with its fused score; ties keep the engine's order.
    static func fused<Item: Hashable>(
        _ engine: [Item], _ model: [Item], modelWeight: Double
    ) -> [(item: Item, score: Double)] {
        var scores: [Item: Double] = [:]
        var order: [Item] = []
        for (rank, item) in engine.enumerated() where scores[item] == nil {
            scores[item] = share(ofRank: rank + 1)
            order.append(item)
        }
        for (rank, item) in model.enumerated() {
            if scores[item] == nil { order.append(item) }
            scores[item, default: 0] += share(ofRank: rank + 1, weight: modelWeight)
        }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return order.map { ($0, scores[$0]!) }.sorted {
            ($0.score, position[$1.item]!) > ($1.score, position[$0.item]!)
        }
    }
}
