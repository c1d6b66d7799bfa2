@testable import AskKit
import Foundation
import GRDB
import Testing

/// Semantic matching through the index: vectors written by builds, found by meaning, and turned off on request.
@Suite struct SemanticMatchingTests {
    private static let notes = [
        "notes/flu.txt": "Influenza is a disease of the lungs that makes you feel weak for a week.",
        "notes/cold.txt": "You can catch a cold from other people when they cough or sneeze near you.",
        "notes/tea.txt": "Green tea is brewed with water below boiling, for two or three minutes.",
        "notes/garden.txt": "Tomatoes need six hours of sunlight and deep watering twice a week.",
    ]

    private func corpus() throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        for (path, text) in Self.notes { _ = try folder.write("Corpus/\(path)", text) }
        return (folder, folder.path("Corpus"))
    }

    @Test func aPassageIsFoundByMeaningWhenItSharesNoWordWithTheQuery() throws {
        let (folder, corpus) = try corpus()
        let index = folder.path("ask.sqlite")
        try IndexBuilder().build(corpus: corpus, into: index)
        let engine = try AskEngine(index: index)
        #expect(engine.matchesMeaning)
        // "Influenza" finds its note by its word; the note on colds shares no word with the question, and meaning
        // brings it, before the notes on tea and gardens.
        let question = "is influenza contagious"
        let files = try engine.search(question).map(\.passage.file)
        #expect(files.first == "notes/flu.txt")
        #expect(files.dropFirst().first == "notes/cold.txt", "\(files)")
        let lexical = try AskEngine(index: index, embedder: nil)
        #expect(!lexical.matchesMeaning)
        #expect(try lexical.search(question).map(\.passage.file) == ["notes/flu.txt"])
        // Explained: the rules' score is all lexical; a learned ranking weighs meaning too.
        let explained = try engine.search(question, explain: true)
        #expect(explained.allSatisfy { $0.explanation?.semantic == 0 && $0.explanation?.lexical == $0.score })
        #expect(explained[1].explanation.map { $0.similarity > 0 && $0.bm25 == 0 } == true)
        #expect(try engine.search(question).allSatisfy { $0.explanation == nil })
        let learned = try AskEngine(index: index, answerModel: .builtIn).search(question, explain: true)
        #expect(learned.contains { ($0.explanation?.semantic ?? 0) > 0 })
        // A query whose every word the corpus lacks finds nothing, with or without meaning.
        #expect(try engine.search("contagious zebras").isEmpty)
    }

    @Test func nearestPassagesAreFoundByMeaningAloneForAnyLimit() throws {
        let (folder, corpus) = try corpus()
        let index = folder.path("ask.sqlite")
        try IndexBuilder().build(corpus: corpus, into: index)
        let engine = try AskEngine(index: index)
        let nearest = try engine.nearestPassages(to: "is influenza contagious", limit: 2)
        #expect(nearest.map(\.passage.file) == ["notes/flu.txt", "notes/cold.txt"], "\(nearest)")
        #expect(nearest.map(\.rank) == [1, 2])
        #expect(nearest[0].score >= nearest[1].score && nearest.allSatisfy { $0.highlights.isEmpty })
        // Any limit and any count of lists: at most every passage, never a crash.
        #expect(try engine.nearestPassages(to: "tea", limit: .max, probedLists: .max).count == Self.notes.count)
        #expect(try engine.nearestPassages(to: "tea", limit: -1, probedLists: -1).isEmpty)
        #expect(try engine.nearestPassages(to: "", limit: 3).isEmpty)
        #expect(try AskEngine(index: index, embedder: nil).nearestPassages(to: "tea").isEmpty)
    }

    @Test func anIndexWithoutVectorsOrWithAnotherTablesIsRebuiltWithTheseVectors() throws {
        let (folder, corpus) = try corpus()
        let index = folder.path("ask.sqlite")
        try IndexBuilder(embedder: nil).build(corpus: corpus, into: index)
        #expect(try AskEngine(index: index).info.vectorTable == nil)
        #expect(try !AskEngine(index: index).matchesMeaning)
        let refresh = try IndexBuilder().refresh(corpus: corpus, index: index)
        guard case .built(_, let reason) = refresh else {
            Issue.record("not rebuilt: \(refresh)")
            return
        }
        #expect(reason.contains("vectors"))
        let engine = try AskEngine(index: index)
        #expect(engine.info.vectorTable == (try TextEmbedder.builtIn.fingerprint))
        #expect(engine.matchesMeaning)
    }

    @Test(arguments: [256, 40, 7])
    func aQuestionsQuantisedDotProductIsTheExactIntegerSum(dimensions: Int) {
        var generator = SystemRandomNumberGenerator()
        let question = (0..<dimensions).map { _ in Float.random(in: -1...1, using: &generator) }
        let query = QueryVector(question)
        let largest = question.reduce(0) { max($0, abs($1)) }
        let questionValues = question.map { Int64(($0 / (largest / 16_383)).rounded()) }
        // Random bytes, and the extremes a stored vector can hold.
        for stored in [(0..<dimensions).map { _ in Int8.random(in: .min ... .max, using: &generator) },
                       [Int8](repeating: .min, count: dimensions), [Int8](repeating: .max, count: dimensions)]
        {
            let expected = zip(stored, questionValues).reduce(Int64(0)) { $0 + Int64($1.0) * $1.1 }
            let found = stored.withUnsafeBufferPointer { query.dot($0.baseAddress!, storedScale: 1) }
            #expect(found == Float(expected) * (largest / 16_383))
        }
    }

    @Test func clusteredListsHoldWhatExactSearchFinds() throws {
        // Vectors of random texts of a few words, in lists of about a thousand as a large index has them.
        let embedder = try TextEmbedder.builtIn
        var generator = SplitMix64(seed: 5)
        let words = ["bone", "fracture", "tea", "garden", "cement", "pain", "heal", "spine", "water", "sun",
                     "doctor", "surgery", "calcium", "walk", "sleep", "child", "height", "back", "risk", "drug"]
        let vectors: [PassageVector] = (0..<6_000).map { _ in
            PassageVector(quantising: embedder.vector(for: (0..<6).map { _ in
                words[Int(generator.next() % UInt64(words.count))]
            }.joined(separator: " ")))
        }
        let (clusters, lists) = VectorClusters.fit(vectors)
        #expect(clusters.centroids.count > 1)
        #expect(lists.count == vectors.count)
        #expect(Set(lists).count > clusters.centroids.count / 2)
        // The probed lists hold the exact nearest vector for most queries.
        var found = 0
        for query in ["bone pain", "green tea", "spine surgery", "child sleep", "sun and water"] {
            let vector = embedder.vector(for: query)
            let quantised = QueryVector(vector)
            let best = vectors.indices.max {
                vectors[$0].similarity(to: quantised) < vectors[$1].similarity(to: quantised)
            }!
            let probed = Set(clusters.nearestLists(to: vector, count: VectorClusters.probedLists))
            if probed.contains(lists[best]) { found += 1 }
        }
        #expect(found >= 4)
    }
}
