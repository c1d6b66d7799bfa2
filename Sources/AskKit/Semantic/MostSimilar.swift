/// The `limit` items most similar to a question among those offered, most similar first, kept in order as they go
/// by (of equally similar items, the one offered first stays ahead): cheaper than sorting every one when few are
/// kept, as in choosing a 1M index's nearest 8 of 1,000 lists or the 20 nearest of their 8,000 passages.
struct MostSimilar<Item> {
    let limit: Int
    /// The items kept, most similar first.
    private(set) var kept: [(item: Item, similarity: Float)] = []

    init(limit: Int) {
        self.limit = limit
        kept.reserveCapacity(limit + 1)
    }

    /// Keeps `item` when it is among the `limit` most similar so far.
    mutating func offer(_ item: Item, similarity: Float) {
        guard kept.count < limit || similarity > (kept.last?.similarity ?? .infinity) else { return }
        kept.insert((item, similarity), at: kept.firstIndex { $0.similarity < similarity } ?? kept.count)
        if kept.count > limit { kept.removeLast() }
    }
}
