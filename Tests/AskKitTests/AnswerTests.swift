@testable import AskKit
import Foundation
import Testing

@Suite struct AnswerTests {
    private static let questions = [
        "how long to heal", "is the cement dangerous", "VCF treatment", "DXA", "what is kyphoplasty",
        "is vertebroplasty safe", "how do I prepare for the procedure", "can I drive home after the procedure",
        "what painkillers can I take for a broken back", "how many bones are in the spine",
        "what happens during vertebroplasty", "when can I lift heavy things again",
    ]

    @Test(arguments: questions)
    func everyAnswerSentenceIsAVerbatimSpanOfTheSourceItCites(_ question: String) throws {
        let answer = try SeedIndex.engine.ask(question)
        for sentence in answer.sentences {
            #expect(!sentence.sources.isEmpty)
            for number in sentence.sources {
                let source = try #require(answer.sources.first { $0.number == number })
                #expect(source.passage.text.contains(sentence.text), "\(sentence.text)")
            }
        }
        #expect(answer.text == (answer.sentences.isEmpty ? nil : answer.sentences.map(\.text).joined(separator: " ")))
        #expect(answer.sources.map(\.number) == Array(1..<(answer.sources.count + 1)))
    }

    @Test func citedPassagesAreTheIndexedTextOfTheirSourceLines() throws {
        let answer = try SeedIndex.engine.ask("how long to heal")
        let passages = SeedPassages.all.values.flatMap { $0 }
        for source in answer.sources {
            #expect(passages.contains(source.passage), "\(source.passage.file) \(source.passage.lines)")
        }
    }

    @Test func howLongToHealQuotesTheThreeMonthHealing() throws {
        let answer = try SeedIndex.engine.ask("how long to heal")
        let text = try #require(answer.text)
        #expect(text.contains("3 months"))
        #expect(answer.kind == .duration)
    }

    @Test func abbreviationsFindTheirPassagesThroughSynonyms() throws {
        // No document says "VCF": every hit is found through the synonym group.
        let group = ["compression fracture", "fractured vertebra", "broken vertebra", "spinal fracture", "spine fracture"]
        let vcf = try SeedIndex.engine.search("VCF treatment", limit: 3)
        #expect(vcf.count == 3)
        for hit in vcf {
            #expect(group.contains { hit.passage.text.lowercased().contains($0) }, "\(hit.passage.text.prefix(80))")
        }
        let answer = try #require(try SeedIndex.engine.ask("VCF treatment").text)
        #expect(answer.contains("vertebral compression fracture"))
        let dxa = try SeedIndex.engine.search("DXA", limit: 3)
        #expect(dxa.first?.passage.text.contains("DEXA") == true)
        #expect(dxa.first?.highlights.isEmpty == false)
    }

    @Test func aSentenceOpeningWithAnAnaphorBringsTheSentenceItRefersTo() throws {
        let folder = try TemporaryFolder()
        try folder.write("Corpus/relief.md", """
            # Pain relief after a spinal fracture

            Doctors often prescribe calcitonin or a bisphosphonate after a spinal fracture. These medicines reduce \
            fracture pain within a few weeks and slow further bone loss. Physical therapy starts once the pain allows.
            """)
        try IndexBuilder().build(corpus: folder.path("Corpus"), into: folder.path("ask.sqlite"))
        let answer = try AskEngine(index: folder.path("ask.sqlite")).ask("do medicines reduce fracture pain within weeks")
        let texts = answer.sentences.map(\.text)
        let these = try #require(texts.firstIndex { $0.hasPrefix("These medicines reduce") }, "\(texts)")
        #expect(these > 0 && texts[these - 1].hasPrefix("Doctors often prescribe calcitonin"), "\(texts)")
    }

    /// A two-word sentence can be a whole answer; a lone word (a heading, a label) cannot.
    @Test func aTwoWordSentenceCanBeTheAnswer() throws {
        let answer = try SeedIndex.engine.ask("should i quit smoking before back surgery")
        #expect(answer.sentences.first?.text == "Quit smoking.", "\(answer.sentences.map(\.text))")
        #expect(SentenceCandidate.mayAnswer("Quit smoking.") && !SentenceCandidate.mayAnswer("Overview"))
    }

    /// The first sentence brings the sentences after it in its passage, up to ``AnswerExtractor/maximumRun`` in all,
    /// whether or not they name the question's words.
    @Test func theFirstSentenceBringsTheRunThatAnswersWithIt() throws {
        let folder = try TemporaryFolder()
        try folder.write("Corpus/balloon.md", """
            # Notes from the clinic

            A balloon is passed through a needle into the broken vertebra. The balloon is inflated to open the space. \
            Most people go home the same day. The balloon is removed before the cement hardens.
            """)
        try IndexBuilder().build(corpus: folder.path("Corpus"), into: folder.path("ask.sqlite"))
        let answer = try AskEngine(index: folder.path("ask.sqlite")).ask("what does the balloon do")
        let texts = answer.sentences.map(\.text)
        #expect(AnswerExtractor().maximumRun == 3)
        #expect(texts.prefix(3) == ["A balloon is passed through a needle into the broken vertebra.",
                                    "The balloon is inflated to open the space.", "Most people go home the same day."],
                "\(texts)")
    }

    /// With a sentence model's similarities, the most similar of the sentences that hold the question starts the
    /// answer.
    @Test func aSentenceModelsSimilaritiesChooseTheFirstSentence() throws {
        let sentences = ["Bones heal slowly in smokers.", "Bones heal in six weeks.", "Bones heal badly without calcium."]
        let passages = sentences.enumerated().map { number, sentence in
            Passage(document: "healing", file: "healing.txt", title: "Healing", section: nil, text: sentence,
                    lines: (number + 1)...(number + 1))
        }
        let ranked = passages.enumerated().map { number, passage in
            Reranker.Ranked(candidate: .init(id: Int64(number), passage: passage, bm25: 1), score: 1, coverage: 1)
        }
        let plan = QueryCompiler().compile("do bones heal")
        let matcher = try ConceptMatcher(plan: plan, stem: { $0.lowercased() }, passageCount: 100) { _ in 10 }
        let kind = QuestionKind(words: WordTokenizer.words("do bones heal"))
        func answer(_ similarities: [String: Double]) -> [String] {
            AnswerExtractor().answer(
                from: ranked, matcher: matcher, kind: kind, stems: { WordTokenizer.words($0).map { $0.lowercased() } },
                sentenceSimilarities: similarities
            ).sentences.map(\.text)
        }
        #expect(answer([:]) == [sentences[0]])
        #expect(answer(Dictionary(uniqueKeysWithValues: zip(sentences, [0.2, 0.7, 0.1]))) == [sentences[1]])
    }

    @Test func questionsTheCorpusDoesNotAnswerAbstainAndShowTheClosestPassages() throws {
        let answer = try SeedIndex.engine.ask("how much does a vertebroplasty cost without insurance")
        #expect(answer.isAbstained && answer.text == nil && answer.sources.isEmpty)
        #expect(!answer.passages.isEmpty)
    }

    /// A word the corpus never holds weighs more than any it does, so a sentence that matches only the question's
    /// other words ("covered", "kyphoplasty", "eat") does not answer it.
    @Test(arguments: [
        "is it covered by medicare", "how much does kyphoplasty cost in dollars", "how much does kyphoplasty cost",
        "what do zebras eat",
    ])
    func questionsAboutWhatTheCorpusNeverNamesAbstain(_ question: String) throws {
        let answer = try SeedIndex.engine.ask(question)
        #expect(answer.isAbstained, "\(answer.text ?? "")")
    }

    /// On a corpus about something else entirely, questions off its subject abstain even when one of their words
    /// is in it, and its own questions are answered, without the health corpus's disclaimer.
    @Test func aCorpusAboutSomethingElseAnswersItsOwnQuestionsOnly() throws {
        let folder = try TemporaryFolder()
        try folder.write("Notes/sqlite.md", """
            # About the library

            The library stores a whole database in one file. Its vice-president of engineering joined in 2004.

            # Transactions

            A transaction either completes or leaves the database as it was. Readers see the last committed state.
            """)
        try IndexBuilder().build(corpus: folder.path("Notes"), into: folder.path("notes.sqlite"))
        let engine = try AskEngine(index: folder.path("notes.sqlite"))
        let learned = try AskEngine(index: folder.path("notes.sqlite"), answerModel: .builtIn)
        for question in ["who is the president of france", "is it covered by medicare", "how long to heal a fracture"] {
            let answer = try engine.ask(question)
            #expect(answer.isAbstained, "\(question): \(answer.text ?? "")")
            #expect(try learned.ask(question).isAbstained, "the learned model too: \(question)")
        }
        let own = try engine.ask("what does a transaction do")
        #expect(own.text?.contains("either completes") == true && own.disclaimer == nil, "\(own.text ?? "")")
        #expect(own.confidence.map { (0...1).contains($0) } == true, "built-in answers carry a confidence")
    }

    @Test func theAnswerListsAtLeastTenRankedPassagesWhenThereAreThatMany() throws {
        let answer = try SeedIndex.engine.ask("what happens during kyphoplasty surgery")
        #expect(answer.passages.count >= 10)
        #expect(answer.passages.map(\.rank) == Array(1...answer.passages.count))
        #expect(zip(answer.passages, answer.passages.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func oneEngineServesConcurrentReaders() async throws {
        let engine = SeedIndex.engine
        let expected = try engine.ask("is vertebroplasty safe").text
        try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<16 { group.addTask { try engine.ask("is vertebroplasty safe").text } }
            for try await text in group { #expect(text == expected) }
        }
    }
}

@Suite struct JSONSchemaTests {
    @Test func answersEncodeToTheDocumentedSchema() throws {
        let answer = try SeedIndex.engine.ask("how long to heal")
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(answer)) as? [String: Any])
        #expect(object["question"] as? String == "how long to heal")
        #expect(object["answer"] is String)
        #expect(object["abstained"] as? Bool == false)
        #expect((object["confidence"] as? Double).map { (0...1).contains($0) } == true)
        let sentence = try #require((object["sentences"] as? [[String: Any]])?.first)
        #expect(sentence["text"] is String && sentence["sources"] is [Int])
        let source = try #require((object["sources"] as? [[String: Any]])?.first)
        #expect(source["n"] as? Int == 1)
        #expect(source["doc"] is String && source["title"] is String && source["passage"] is String)
        #expect((source["lines"] as? [Int])?.count == 2)
        let passage = try #require((object["passages"] as? [[String: Any]])?.first)
        #expect(passage["rank"] as? Int == 1)
        #expect(passage["doc"] is String && passage["title"] is String && passage["text"] is String)
        #expect(passage["score"] is Double && (passage["lines"] as? [Int])?.count == 2)
    }

    @Test func abstentionsEncodeANullAnswer() throws {
        let answer = try SeedIndex.engine.ask("how do I bake sourdough bread")
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(answer)) as? [String: Any])
        #expect(object["answer"] is NSNull)
        #expect(object["abstained"] as? Bool == true)
        #expect((object["sentences"] as? [Any])?.isEmpty == true)
    }

    @Test func answersRoundTripThroughJSON() throws {
        let answer = try SeedIndex.engine.ask("is vertebroplasty safe")
        let decoded = try JSONDecoder().decode(Answer.self, from: JSONEncoder().encode(answer))
        #expect(decoded.text == answer.text)
        #expect(decoded.sources == answer.sources)
        #expect(decoded.passages.map(\.passage) == answer.passages.map(\.passage))
    }
}
