@testable import AskKit
import Foundation
import Testing

/// The sentence model's forward pass against numpy's, on the small random-weight BERT that
/// `Scripts/sentence-model-fixture.py` writes (with the vectors numpy gives its texts).
@Suite struct SentenceModelTests {
    private struct EmbeddedText: Decodable {
        var text: String
        var vector: [Float]
    }

    private static let folder = Repository.root.appendingPathComponent("Tests/AskKitTests/Fixtures/sentence-model")

    @Test func vectorsAgreeWithNumpysForwardPass() throws {
        let model = try SentenceModel(folder: Self.folder)
        let expected = try JSONDecoder().decode(
            [EmbeddedText].self, from: Data(contentsOf: Self.folder.appendingPathComponent("expected.json")))
        #expect(expected.count > 5)
        #expect(model.dimensions == 32 && model.maximumTokens == 16)
        let vectors = model.vectors(for: expected.map(\.text))
        for (item, vector) in zip(expected, vectors) {
            let largest = zip(item.vector, vector).map { abs($0 - $1) }.max() ?? .infinity
            #expect(largest < 1e-4, "\(item.text): differs by \(largest)")
        }
    }

    @Test func aFolderWithoutAModelIsAClearError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: AskError.self) { try SentenceModel(folder: empty) }
        for name in ["config.json", "sentence_bert_config.json", "tokenizer.json"] {
            try FileManager.default.copyItem(
                at: Self.folder.appendingPathComponent(name), to: empty.appendingPathComponent(name))
        }
        try Data("not safetensors".utf8).write(to: empty.appendingPathComponent("model.safetensors"))
        #expect(throws: AskError.self) { try SentenceModel(folder: empty) }
    }
}
