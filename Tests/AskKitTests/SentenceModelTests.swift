@testable import AskKit
import Foundation
import GRDB
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

/// Indexes built with a sentence model: its vectors written by full and incremental builds, kept by later builds,
/// dropped on request, and its ranking fused with the engine's.
@Suite struct SentenceVectorTests {
    private static let model = Result { try SentenceModel(folder: Repository.root.appendingPathComponent(
        "Tests/AskKitTests/Fixtures/sentence-model")) }

    private func counts(_ index: URL) throws -> (passages: Int, vectors: Int) {
        try IndexStore(url: index).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM passages") ?? 0,
             try SentenceVectorTable.exists(db)
                ? try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence_vectors WHERE part = 0") ?? 0 : -1)
        }
    }

    @Test func fullAndIncrementalBuildsGiveEveryPassageAVectorAndLaterBuildsKeepTheModel() throws {
        let folder = try TemporaryFolder()
        try folder.write("Corpus/heal.txt", "Healing\n\nMost bones need about 6 weeks to heal.\n")
        try folder.write("Corpus/cement.txt", "Cement\n\nAn x-ray checks the placement of the cement.\n")
        let (corpus, index) = (folder.path("Corpus"), folder.path("ask.sqlite"))
        var builder = IndexBuilder()
        builder.sentenceModel = .model(try Self.model.get())
        try builder.build(corpus: corpus, into: index)
        var (passages, vectors) = try counts(index)
        #expect(passages == 2 && vectors == 2)
        let info = try IndexStore(url: index).info
        #expect(info.sentenceModel == (try Self.model.get()).fingerprint)

        // A default builder (as `ask` refreshes the index) keeps the model: the new file's passage is embedded,
        // the removed file's vector goes with its passage.
        try folder.write("Corpus/pain.txt", "Pain\n\nBack pain after a spine fracture can last weeks.\n")
        try FileManager.default.removeItem(at: folder.path("Corpus/heal.txt"))
        let report = try IndexBuilder().build(corpus: corpus, into: index)
        #expect(report.change != nil, "an update, not a full build")
        (passages, vectors) = try counts(index)
        #expect(passages == 2 && vectors == 2)
        let unembedded = try IndexStore(url: index).read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM passages WHERE id NOT IN (SELECT passage_id FROM sentence_vectors)
                """)
        }
        #expect(unembedded == 0)
        // Each passage's one sentence has a vector of its own beside the whole text's.
        let sentences = try IndexStore(url: index).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sentence_vectors WHERE part = 1")
        }
        #expect(sentences == 2)

        let engine = try AskEngine(index: index)
        #expect(engine.usesSentenceModel)
        #expect(try !AskEngine(index: index, sentenceModel: .none).usesSentenceModel)
        #expect(try engine.search("back pain").first?.passage.document == "pain.txt")

        builder.sentenceModel = .none
        try builder.build(corpus: corpus, into: index)
        #expect(try counts(index).vectors == -1)
        #expect(try !AskEngine(index: index).usesSentenceModel)
    }

    @Test func anIndexOfAnEarlierVersionIsRebuiltWithItsModel() throws {
        let folder = try TemporaryFolder()
        try folder.write("Corpus/heal.txt", "Healing\n\nMost bones need about 6 weeks to heal.\n")
        let (corpus, index) = (folder.path("Corpus"), folder.path("ask.sqlite"))
        var builder = IndexBuilder()
        builder.sentenceModel = .model(try Self.model.get())
        try builder.build(corpus: corpus, into: index)
        try DatabaseQueue(path: index.path).writeWithoutTransaction {
            try $0.execute(sql: "PRAGMA user_version = \(IndexSchema.version - 1)")
        }
        #expect(throws: AskError.self) { try IndexStore(url: index) }
        try IndexBuilder().build(corpus: corpus, into: index)
        #expect(try AskEngine(index: index).usesSentenceModel)
        #expect(try counts(index).vectors == 1)
    }

    @Test func aPassageScoresByItsWholeTextAndItsMostSimilarSentence() {
        // Unit vectors in 16 dimensions whose first component is their cosine to the question's.
        func vector(cosine: Float) -> PassageVector {
            PassageVector(quantising: [cosine, (1 - cosine * cosine).squareRoot()] + Array(repeating: 0, count: 14))
        }
        var stored = StoredVectors()
        for (passage, cosine) in [(1, 0.4), (1, 0.9), (1, 0.3), (2, 0.6)] as [(Int64, Float)] {
            let quantised = vector(cosine: cosine)
            quantised.values.withUnsafeBufferPointer { stored.append(passage: passage, scale: quantised.scale, bytes: $0) }
        }
        let question = [Float(1)] + Array(repeating: 0, count: 15)
        let byWhole = stored.nearest(to: question, limit: 2)
        #expect(byWhole.map(\.passage) == [2, 1])
        #expect(abs(byWhole[1].similarity - 0.4) < 0.01)
        let withSentences = stored.nearest(to: question, limit: 2, sentenceShare: 0.5)
        #expect(withSentences.map(\.passage) == [1, 2], "passage 1's best sentence lifts it")
        #expect(abs(withSentences[0].similarity - 0.65) < 0.01 && abs(withSentences[1].similarity - 0.6) < 0.01)
        let sentences = stored.sentenceSimilarities(of: 1, to: QueryVector(question))
        #expect(sentences.count == 2 && abs(sentences[0] - 0.9) < 0.01 && abs(sentences[1] - 0.3) < 0.01)
        #expect(stored.sentenceSimilarities(of: 2, to: QueryVector(question)).isEmpty, "a passage of its whole text alone")
        #expect(stored.sentenceSimilarities(of: 3, to: QueryVector(question)).isEmpty)
    }

    @Test func aMissingRecordedModelIsAClearErrorAndTheBuildGoesOnWithoutIt() throws {
        let folder = try TemporaryFolder()
        let copy = folder.path("model")
        try FileManager.default.copyItem(at: (try Self.model.get()).folder, to: copy)
        try folder.write("Corpus/heal.txt", "Healing\n\nMost bones need about 6 weeks to heal.\n")
        let (corpus, index) = (folder.path("Corpus"), folder.path("ask.sqlite"))
        var builder = IndexBuilder()
        builder.sentenceModel = .model(try SentenceModel(folder: copy))
        try builder.build(corpus: corpus, into: index)
        try FileManager.default.removeItem(at: copy)
        #expect(throws: AskError.self) { try AskEngine(index: index) }
        #expect(try AskEngine(index: index, sentenceModel: .none).search("heal").count == 1)
        var warnings: [String] = []
        try IndexBuilder().build(corpus: corpus, into: index, full: true, warn: { warnings.append($0) })
        #expect(warnings.contains { $0.contains("cannot read the sentence model") })
        #expect(try counts(index).vectors == -1)
    }

    @Test func answersQuoteTheFusedRankingAndAbstainAsTheEnginesOwnDecides() throws {
        let folder = try TemporaryFolder()
        let texts = [
            "Most bones need about 6 weeks to heal after a fracture.",
            "A broken wrist may heal in 8 weeks when the bones stay still.",
            "Bones heal faster in children, often within 4 weeks.",
            "Older adults heal more slowly: bones may need 12 weeks.",
            "Smoking slows how fast bones heal, by weeks.",
            "A cast keeps the bones still while they heal for weeks.",
            "Bones need calcium and vitamin D to heal well.",
            "Rest for a few weeks lets the bones heal.",
            "Hip bones take longer to heal than finger bones.",
            "Some bones never heal fully and need surgery.",
        ]
        for (number, text) in texts.enumerated() { try folder.write("Corpus/\(number).txt", "Healing\n\n\(text)\n") }
        let (corpus, index) = (folder.path("Corpus"), folder.path("ask.sqlite"))
        var builder = IndexBuilder()
        builder.sentenceModel = .model(try Self.model.get())
        try builder.build(corpus: corpus, into: index)
        // The model's ranking outweighs the engine's, so that the two lead with different passages.
        let fused = try AskEngine(index: index, sentenceWeight: 100)
        let own = try AskEngine(index: index, sentenceModel: .none)
        let question = "how many weeks do bones need to heal"
        let (answer, ownAnswer) = (try fused.ask(question), try own.ask(question))
        #expect(answer.passages.first?.passage != ownAnswer.passages.first?.passage, "the model reorders the passages")
        #expect(!answer.isAbstained && !ownAnswer.isAbstained)
        let listedFirst = answer.passages.prefix(AnswerExtractor().passagesConsidered).map(\.passage)
        #expect(answer.sources.allSatisfy { listedFirst.contains($0.passage) })
        #expect(answer.confidence == ownAnswer.confidence, "the engine's own ranking decides whether to answer")
        #expect(try fused.ask("what do zebras eat").isAbstained)

        // `--explain` splits each fused score into the engine's share and the model's.
        let explained = try fused.search(question, explain: true)
        #expect(!explained.isEmpty)
        for hit in explained {
            let fusion = try #require(hit.explanation?.fusion)
            #expect(abs(fusion.engine + fusion.model - hit.score) < 1e-12)
            #expect(abs(fusion.engine - 1 / (RankFusion.k + Double(fusion.engineRank))) < 1e-12)
            #expect(fusion.modelRank != nil && fusion.modelSimilarity != nil, "all ten passages are among the nearest")
        }
        #expect(try own.search(question, explain: true).allSatisfy { $0.explanation?.fusion == nil })
    }

    @Test func fusionAddsTheModelsShareByRank() {
        let (k, w) = (RankFusion.k, AskEngine.sentenceModelWeight)
        let fused = RankFusion.fused(["a", "b", "c"], ["c", "d"], modelWeight: w)
        #expect(fused.map(\.item) == ["c", "a", "b", "d"])
        #expect(abs(fused.first { $0.item == "c" }!.score - (1 / (k + 3) + w / (k + 1))) < 1e-12)
        #expect(abs(fused.first { $0.item == "d" }!.score - w / (k + 2)) < 1e-12)
        // Equal scores keep the engine's order.
        #expect(RankFusion.fused(["x", "y"], [], modelWeight: w).map(\.item) == ["x", "y"])
    }
}
