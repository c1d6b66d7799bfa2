import Foundation
import GRDB
import Testing

@testable import AskKit

/// Pruned queries rescore candidates outside FTS5; the scores must be FTS5's own, and pruning must keep the best
/// passages.
struct CandidateSearchTests {
    private let questions = [
        "how long does a compression fracture take to heal",
        "is the bone cement dangerous",
        "what is kyphoplasty",
        "risk of new fractures after vertebroplasty",
        "osteoporosis bone density test",
        "back pain treatment options",
    ]

    @Test func rescoringGivesTheScoresFTS5Gives() throws {
        let queue = try DatabaseQueue(path: SeedIndex.url.path)
        try queue.inDatabase { db in
            BM25Function.register(in: db)
            let stemmer = try Stemmer(db)
            let info = try IndexStore(url: SeedIndex.url).info
            for question in questions {
                let plan = QueryCompiler().compile(question)
                let expression = try #require(plan.ftsExpression)
                let scorer = try BM25Scorer(
                    phrases: plan.concepts.flatMap(\.variants).map { try $0.words.map(stemmer.stem) },
                    passages: { try IndexStore.passageFrequency(db, stem: $0) }, passageCount: info.passages,
                    averageLength: Double(info.tokens) / Double(info.passages))
                let candidates = try IndexStore.candidates(db, matching: expression, limit: 20)
                #expect(!candidates.isEmpty)
                for candidate in candidates {
                    let passage = candidate.passage
                    let score = scorer.score(
                        title: try stemmer.stems(of: passage.title), section: try stemmer.stems(of: passage.section ?? ""),
                        body: try stemmer.stems(of: passage.text))
                    #expect(abs(score - candidate.bm25) < 1e-9, "\(question): \(score) vs FTS5 \(candidate.bm25)")
                }
            }
        }
    }

    @Test func theDefaultMatchBudgetIsOnePercentOfThePassagesAndAtLeastAThousand() throws {
        #expect(AskEngine.matchBudget(forPassages: 0) == 1_000)
        #expect(AskEngine.matchBudget(forPassages: 26_834) == 1_000)
        #expect(AskEngine.matchBudget(forPassages: 250_000) == 2_500)
        #expect(AskEngine.matchBudget(forPassages: 1_002_166) == 10_021)
        let engine = try AskEngine(index: SeedIndex.url)
        #expect(engine.matchBudget == AskEngine.matchBudget(forPassages: engine.info.passages))
        #expect(try AskEngine(index: SeedIndex.url, matchBudget: 20).matchBudget == 20)
    }

    @Test func prunedSearchKeepsTheBestPassages() throws {
        // These questions match far more than 20 passages of the shipped corpus, so a budget of 20 prunes them.
        let pruned = try AskEngine(index: SeedIndex.url, matchBudget: 20)
        let exhaustive = try AskEngine(index: SeedIndex.url, matchBudget: .max)
        var sameFirst = 0
        for question in questions {
            let prunedHits = try pruned.search(question, limit: 10)
            let exhaustiveHits = try exhaustive.search(question, limit: 10)
            #expect(prunedHits.count == exhaustiveHits.count, "\(question)")
            if prunedHits.first?.passage == exhaustiveHits.first?.passage { sameFirst += 1 }
        }
        print("pruned search: same first passage for \(sameFirst) of \(questions.count) questions")
        #expect(sameFirst >= questions.count - 1)
    }
}

@Suite struct StemPrefilterTests {
    /// The prefilter may let other stems through but never rules out a wanted one, whatever their bytes.
    @Test func neverRulesOutAWantedStem() {
        var generator = SplitMix64(seed: 5)
        let letters = ["a", "b", "e", "s", "t", "é", "ß", "0", "漢", "-"]
        for _ in 0..<500 {
            let wanted = (0..<Int(generator.next() % 12)).map { _ in generator.draw(from: letters, fewerThan: 9).joined() }
            let prefilter = StemPrefilter(wanted)
            #expect(wanted.allSatisfy(prefilter.mayContain), "\(wanted)")
        }
        let few = StemPrefilter(["cement", "leak"])
        let others = (0..<1_000).map { _ in generator.draw(from: letters, fewerThan: 9).joined() }
        #expect(others.filter(few.mayContain).count < others.count / 4, "two stems should let few others through")
    }
}
