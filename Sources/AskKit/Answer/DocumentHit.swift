/// A ranked document: the score and text of its best passage.
public struct DocumentHit: Sendable, Hashable, Codable {
    /// 1 for the best document.
    public var rank: Int
    /// The document: its path relative to the corpus folder, or its `.jsonl` id.
    public var document: String
    /// The score of its best passage; higher is better.
    public var score: Double
    /// Its best passage.
    public var bestPassage: Passage
}
