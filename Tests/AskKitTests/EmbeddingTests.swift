@testable import AskKit
import Foundation
import Testing

/// The tokenizer and the text vectors against references made by `Scripts/embedding-fixtures.py`: the model's own
/// tokenizer (Hugging Face `tokenizers`) and the table's vectors computed in float64 by numpy.
@Suite struct EmbeddingTests {
    private struct TokenizedText: Decodable {
        var text: String
        var ids: [Int32]
    }

    private struct EmbeddedText: Decodable {
        var text: String
        var vector: [Float]
    }

    private static func fixture<Record: Decodable>(_ name: String, as: Record.Type) throws -> [Record] {
        let url = Repository.root.appendingPathComponent("Tests/AskKitTests/Fixtures/\(name)")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Record.self, from: Data($0.utf8))
        }
    }

    @Test func tokenizerAgreesWithTheModelsOwnOnThousandsOfStrings() throws {
        let embedder = try TextEmbedder.builtIn
        let cases = try Self.fixture("wordpiece.jsonl", as: TokenizedText.self)
        #expect(cases.count > 3_000)
        var disagreements: [String] = []
        for item in cases where embedder.tokenIDs(item.text) != item.ids {
            disagreements.append(item.text)
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagree, first: \(disagreements.prefix(5))")
    }

    @Test func aWordOfMoreThanAHundredCharactersIsOneUnknownToken() throws {
        let embedder = try TextEmbedder.builtIn
        let (x, y, unknown) = (embedder.tokenIDs("x"), embedder.tokenIDs("y"), embedder.tokenIDs("\u{2603}"))
        #expect(unknown.count == 1)
        // 100 characters are still looked up; 101, and words too long for the tokenizer's buffer, are not.
        #expect(embedder.tokenIDs("x " + String(repeating: "a", count: 100) + " y").count > 3)
        for word in [String(repeating: "a", count: 101), String(repeating: "É", count: 300),
                     String(repeating: "한", count: 200), String(repeating: "Ab", count: 5_000)] {
            #expect(embedder.tokenIDs("x " + word + " y") == x + unknown + y, "\(word.prefix(4))…")
        }
    }

    @Test func vectorsMatchTheReferenceComputedFromTheTable() throws {
        let embedder = try TextEmbedder.builtIn
        for item in try Self.fixture("embeddings.jsonl", as: EmbeddedText.self) {
            let vector = embedder.vector(for: item.text)
            #expect(vector.count == item.vector.count)
            let largestError = zip(vector, item.vector).map { abs($0 - $1) }.max() ?? 0
            #expect(largestError < 1e-4, "\(item.text): off by \(largestError)")
        }
    }

    @Test func textsThatMeanTheSameAreCloserThanTextsThatDoNot() throws {
        let embedder = try TextEmbedder.builtIn
        let question = embedder.vector(for: "is it contagious")
        let same = embedder.vector(for: "you cannot catch it from someone who has it")
        let other = embedder.vector(for: "the cement hardens within minutes")
        #expect(embedder.similarity(question, same) > embedder.similarity(question, other))
    }

    @Test func aTextWithoutKnownTokensHasTheZeroVector() throws {
        let embedder = try TextEmbedder.builtIn
        #expect(embedder.vector(for: "").allSatisfy { $0 == 0 })
        #expect(embedder.vector(for: "🦴🦴").allSatisfy { $0 == 0 })
    }
}
