@testable import AskKit
import Foundation
import Testing

/// The fitting behind `ask train`: models recover the weights that made their data, deterministically, and a fitted
/// answer model answers with verbatim quotes and a confidence.
@Suite struct LearningTests {
    private func uniform(_ generator: inout SplitMix64) -> Double {
        Double(generator.next() >> 11) / Double(1 << 53)
    }

    @Test func logisticRegressionRecoversTheWeightsThatMadeItsData() {
        var generator = SplitMix64(seed: 7)
        let truth = [-1.0, 2.5, -1.5]
        var rows: [[Double]] = []
        var labels: [Bool] = []
        for _ in 0..<20_000 {
            let row = [1, uniform(&generator) * 2 - 1, uniform(&generator) * 2 - 1]
            rows.append(row)
            labels.append(uniform(&generator) < LogisticRegression(weights: truth).probability(row))
        }
        let fitted = LogisticRegression.fit(rows, labels: labels, penalty: 0)
        for (weight, expected) in zip(fitted.weights, truth) { #expect(abs(weight - expected) < 0.15, "\(fitted.weights)") }
        #expect(LogisticRegression.fit(rows, labels: labels, penalty: 0) == fitted, "the same data, the same weights")
        // A penalty pulls the weights (not the intercept) towards 0.
        let penalised = LogisticRegression.fit(rows, labels: labels, penalty: 5_000)
        #expect(abs(penalised.weights[1]) < abs(fitted.weights[1]) && abs(penalised.weights[2]) < abs(fitted.weights[2]))
    }

    @Test func conditionalLogitRecoversWhatSetsTheChosenCandidateApart() {
        var generator = SplitMix64(seed: 11)
        let truth = ConditionalLogit(weights: [0, 3, -2])
        var groups: [[[Double]]] = []
        var chosen: [Int] = []
        for _ in 0..<4_000 {
            // Each group has a level of its own (the second feature shifted), which a choice must not care about.
            let level = uniform(&generator) * 4
            let group = (0..<6).map { _ in [1, level + uniform(&generator), uniform(&generator)] }
            let probabilities = truth.probabilities(group)
            var draw = uniform(&generator)
            var pick = probabilities.count - 1
            for (index, p) in probabilities.enumerated() {
                if draw < p { pick = index; break }
                draw -= p
            }
            groups.append(group)
            chosen.append(pick)
        }
        let fitted = ConditionalLogit.fit(groups, chosen: chosen, penalty: 0.01)
        #expect(abs(fitted.weights[1] - 3) < 0.35 && abs(fitted.weights[2] + 2) < 0.35, "\(fitted.weights)")
        #expect(abs(fitted.weights[0]) < 0.01, "a feature constant within groups learns nothing")
    }

    @Test func answerModelsRoundTripThroughJSONAndRefuseOtherFeatures() throws {
        let model = AnswerModel.untrained
        #expect(try AnswerModel(json: model.json()) == model)
        let ranking = model.ranking(by: ConditionalLogit(weights: Reranker.featureNames.map { _ in 0.5 }))
        #expect(try AnswerModel(json: ranking.json()) == ranking)
        var short = ranking
        short.ranking = ConditionalLogit(weights: [1])
        #expect(throws: AskError.self) { try AnswerModel(json: short.json()) }
        var other = try JSONSerialization.jsonObject(with: model.json()) as! [String: Any]
        other["features"] = ["intercept", "something else"]
        #expect(throws: AskError.self) { try AnswerModel(json: JSONSerialization.data(withJSONObject: other)) }
    }

    /// Judged questions about the shipped corpus written here (not the seed questions), as `mine.jsonl` in a copy of
    /// it: five answerable ones and one it does not answer.
    private func folderWithJudgedQuestions() throws -> TemporaryFolder {
        let folder = try TemporaryFolder.withShippedCorpus()
        let questions: [(String, String, String)] = [
            ("how long does a broken bone take to mend", "002_e609cce5c227045e.txt", "Most bones need about 6 weeks to heal."),
            ("what does the balloon do in kyphoplasty", "004_e40734929b255013.txt", "balloon"),
            ("can the cement leak", "003_9e0ac4f7a9f0ef0a.txt", "cement"),
            ("what is osteoporosis", "001_9480e2e9f750e2ba.txt", "Osteoporosis"),
            ("how do doctors find a compression fracture", "001_9480e2e9f750e2ba.txt", "x-ray"),
            ("what is the best pizza topping", "", ""),
        ]
        let lines = try questions.enumerated().map { number, question in
            let object: [String: Any] = question.1.isEmpty
                ? ["id": "t\(number)", "question": question.0, "answerable": false, "gold": []]
                : ["id": "t\(number)", "question": question.0, "answerable": true,
                   "gold": [["doc": question.1, "quote": question.2]]]
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        try folder.write("mine.jsonl", lines.joined(separator: "\n"))
        return folder
    }

    /// Questions of ``folderWithJudgedQuestions()``, fitted with `ask train`, then used with `--model`: the model
    /// file is the same on every run, answers quote their passages verbatim and carry a confidence, and the
    /// confidence threshold decides abstention.
    @Test func askTrainFitsAModelThatAnswersWithQuotesAndAConfidence() throws {
        let folder = try folderWithJudgedQuestions()
        let train = try AskProcess.run(["train", "--questions", "mine.jsonl", "--output", "model.json"], in: folder.url)
        #expect(train.status == 0, "\(train.stderr)")
        #expect(train.stdout.contains("6 questions (1 unanswerable)"), "\(train.stdout)")
        let first = try Data(contentsOf: folder.path("model.json"))
        _ = try AskProcess.run(["train", "--questions", "mine.jsonl", "--output", "model.json"], in: folder.url)
        #expect(try Data(contentsOf: folder.path("model.json")) == first, "training is deterministic")
        let fitted = try AnswerModel(json: first)
        #expect(fitted.ranking != nil && fitted.rankingFeatures == Reranker.featureNames, "passage ranking is learned")
        let kept = try AskProcess.run(["train", "--questions", "mine.jsonl", "--ranking", "model.json", "--output",
                                       "kept.json"], in: folder.url)
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(try AnswerModel(json: Data(contentsOf: folder.path("kept.json"))).ranking == fitted.ranking)

        let answered = try AskProcess.run(
            ["--json", "--model", "model.json", "--min-confidence", "0", "how long does it take to heal"], in: folder.url)
        let answer = try JSONDecoder().decode(Answer.self, from: Data(answered.stdout.utf8))
        #expect(!answer.isAbstained && answer.confidence.map { (0...1).contains($0) } == true, "\(answered.stderr)")
        for sentence in answer.sentences {
            let cited = answer.sources.filter { sentence.sources.contains($0.number) }
            #expect(cited.contains { $0.passage.text.contains(sentence.text) }, "not verbatim: \(sentence.text)")
        }
        let refused = try AskProcess.run(
            ["--json", "--model", "model.json", "--min-confidence", "1", "how long does it take to heal"], in: folder.url)
        let abstention = try JSONDecoder().decode(Answer.self, from: Data(refused.stdout.utf8))
        #expect(abstention.isAbstained && abstention.confidence != nil && abstention.disclaimer == nil)

        try folder.write("nothing.jsonl", #"{"id": "n", "question": "what is kyphoplasty", "answerable": true, "gold": [{"doc": "x", "quote": "Zebras graze on the savanna in large herds."}]}"#)
        let nothing = try AskProcess.run(["train", "--questions", "nothing.jsonl", "--output", "none.json"], in: folder.url)
        #expect(nothing.status != 0 && nothing.stderr.contains("nothing to learn from"), "\(nothing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("none.json").path))

        try folder.write("broken.json", #"{"features": []}"#)
        let broken = try AskProcess.run(["--model", "broken.json", "how long to heal"], in: folder.url)
        #expect(broken.status != 0 && broken.stderr.contains("broken.json"), "\(broken.stderr)")
    }

    /// `ask calibrate` fits the confidence of the built-in rules' answers on the same questions, deterministically;
    /// with `--calibration`, answers carry that confidence and `--min-confidence` decides abstention without a model.
    @Test func askCalibrateFitsTheConfidenceOfTheBuiltInAnswers() throws {
        let folder = try folderWithJudgedQuestions()
        let fit = try AskProcess.run(["calibrate", "--questions", "mine.jsonl", "--output", "calibration.json"],
                                     in: folder.url)
        #expect(fit.status == 0 && fit.stdout.contains("6 questions (1 unanswerable)"), "\(fit.stderr)")
        let first = try Data(contentsOf: folder.path("calibration.json"))
        _ = try AskProcess.run(["calibrate", "--questions", "mine.jsonl", "--output", "calibration.json"], in: folder.url)
        #expect(try Data(contentsOf: folder.path("calibration.json")) == first, "fitting is deterministic")
        let calibration = try AnswerCalibration(json: first)
        #expect(calibration.features == AnswerExtractor.evidenceNames)

        func ask(_ options: [String]) throws -> Answer {
            let run = try AskProcess.run(["--json"] + options + ["how long does it take to heal"], in: folder.url)
            return try JSONDecoder().decode(Answer.self, from: Data(run.stdout.utf8))
        }
        let builtIn = try ask([])
        let calibrated = try ask(["--calibration", "calibration.json", "--min-confidence", "0"])
        #expect(!calibrated.isAbstained && calibrated.text == builtIn.text, "the calibration does not change the answer")
        #expect(calibrated.confidence.map { (0...1).contains($0) } == true && calibrated.confidence != builtIn.confidence)
        let refused = try ask(["--min-confidence", "1"])
        #expect(refused.isAbstained && refused.confidence == builtIn.confidence && refused.disclaimer == nil)

        var other = try JSONSerialization.jsonObject(with: first) as! [String: Any]
        other["features"] = ["intercept"]
        #expect(throws: AskError.self) { try AnswerCalibration(json: JSONSerialization.data(withJSONObject: other)) }
        try folder.write("other.json", String(decoding: try JSONSerialization.data(withJSONObject: other), as: UTF8.self))
        let rejected = try AskProcess.run(["--calibration", "other.json", "how long to heal"], in: folder.url)
        #expect(rejected.status != 0 && rejected.stderr.contains("other evidence"), "\(rejected.stderr)")
    }

    /// The built-in learned model loads, ranks passages, and `ask --learned` answers with verbatim quotes and a
    /// confidence; it cannot be combined with another model or with the rules' calibration.
    @Test func theBuiltInLearnedModelAnswersWithQuotesAndAConfidence() throws {
        #expect(AnswerModel.builtIn.ranking != nil && AnswerModel.builtIn.minimumConfidence > 0)
        let folder = try TemporaryFolder.withShippedCorpus()
        let run = try AskProcess.run(["--json", "--learned", "how long does a compression fracture take to heal"],
                                     in: folder.url)
        let answer = try JSONDecoder().decode(Answer.self, from: Data(run.stdout.utf8))
        #expect(!answer.isAbstained && answer.confidence.map { $0 >= AnswerModel.builtIn.minimumConfidence } == true,
                "\(run.stderr)")
        for sentence in answer.sentences {
            let cited = answer.sources.filter { sentence.sources.contains($0.number) }
            #expect(cited.contains { $0.passage.text.contains(sentence.text) }, "not verbatim: \(sentence.text)")
        }
        for options in [["--learned", "--model", "model.json"], ["--learned", "--calibration", "calibration.json"]] {
            let refused = try AskProcess.run(options + ["how long to heal"], in: folder.url)
            #expect(refused.status != 0 && refused.stderr.contains("--"), "\(options): \(refused.stderr)")
        }
    }

    /// By default the rules answer, and the built-in model's answer is quoted where it is confident; `--rules` (no
    /// assisting model) answers by the rules alone, and excludes a model.
    @Test func theBuiltInModelAnswersWhereItIsConfident() throws {
        let question = "what is spinal fusion"
        let rulesAlone = try AskEngine(index: SeedIndex.url, assistingModel: nil)
        let assisted = try SeedIndex.engine.ask(question)
        let rules = try rulesAlone.ask(question)
        #expect(assisted.confidence.map { $0 >= AskEngine.assistingConfidence } == true, "\(assisted.confidence ?? -1)")
        #expect(assisted.text?.contains("some of your bones together") == true, "\(assisted.text ?? "")")
        #expect(rules.text?.hasPrefix("Another option is spinal fusion surgery.") == true, "\(rules.text ?? "")")
        // The two now quote the same sentences (the rules' run takes the sentence after the first); the confidence
        // says whose answer it is: the model's, not the rules' calibrated one.
        #expect(rules.confidence.map { $0 < AskEngine.assistingConfidence } == true, "\(rules.confidence ?? -1)")
        for sentence in assisted.sentences {
            let cited = assisted.sources.filter { sentence.sources.contains($0.number) }
            #expect(cited.contains { $0.passage.text.contains(sentence.text) }, "not verbatim: \(sentence.text)")
        }
        // Where the model is less sure, the rules' answer stands, with the rules' confidence.
        let unsure = "how long to heal"
        let (byDefault, byRules) = (try SeedIndex.engine.ask(unsure), try rulesAlone.ask(unsure))
        #expect(byDefault.text == byRules.text && byDefault.confidence == byRules.confidence)
        let folder = try TemporaryFolder.withShippedCorpus()
        let refused = try AskProcess.run(["--rules", "--learned", question], in: folder.url)
        #expect(refused.status != 0 && refused.stderr.contains("--rules"), "\(refused.stderr)")
        let run = try AskProcess.run(["--json", "--rules", question], in: folder.url)
        let answer = try JSONDecoder().decode(Answer.self, from: Data(run.stdout.utf8))
        #expect(answer.text == rules.text, "\(run.stderr)")
    }

    /// A gold that names a document without a quote judges the whole document (BEIR qrels): any of its passages
    /// counts as found, and the question teaches ranking only.
    @Test func aGoldDocumentWithoutAQuoteCountsEveryPassageOfIt() throws {
        let questions = try EvaluationQuestion.parse(#"{"id": "d", "question": "q", "answerable": true, "gold": [{"doc": "b.txt"}]}"#)
        let question = try #require(questions.first)
        #expect(question.goldSentences.isEmpty && question.goldDocuments == ["b.txt"] && !question.judgesSentences)
        func passage(_ document: String) -> Passage {
            Passage(document: document, file: document, title: "T", section: nil, text: "Some text here.", lines: 1...1)
        }
        let holdsAnswer = question.holdsAnswer()
        #expect(holdsAnswer(passage("b.txt")) && !holdsAnswer(passage("a.txt")))
        let scores = QuestionSetEvaluation(questions: questions) { _ in
            Answer(question: "q", kind: .other, sentences: [], sources: [],
                   passages: [Hit(rank: 1, passage: passage("a.txt"), score: 1, highlights: []),
                              Hit(rank: 2, passage: passage("b.txt"), score: 0.5, highlights: [])])
        }
        #expect(scores.recallAt1 == 0 && scores.recallAt3 == 1)
    }

    /// `ask eval` scores `answer_sentences` as `score_sentences.py` does: precision over the answer's sentences,
    /// recall over the gold ones, 80% of a sentence's words in the other, abstentions counting 0 in f1_all.
    @Test func sentenceLevelScoresFollowTheMASHQADefinitions() throws {
        let passage = Passage(document: "a.txt", file: "a.txt", title: "A", section: nil,
                              text: "Gold one is here. Gold two is here too. Something else entirely.", lines: 1...1)
        func reply(_ sentences: [String]) -> Answer {
            Answer(question: "q", kind: .other, sentences: sentences.map { AnswerSentence(text: $0, sources: [1]) },
                   sources: [Citation(number: 1, passage: passage)],
                   passages: [Hit(rank: 1, passage: passage, score: 1, highlights: [])])
        }
        let gold = ["Gold one is here.", "Gold two is here too."]
        let questions = ["q1", "q2"].map {
            EvaluationQuestion(id: $0, question: $0, answerable: true, gold: [], nuggets: [], answerSentences: gold)
        }
        // q1: one gold and one other sentence (P 1/2, R 1/2, F1 1/2); q2 abstains.
        let scores = QuestionSetEvaluation(questions: questions) { question in
            question == "q1" ? reply(["Gold one is here.", "Something else entirely."]) : reply([])
        }
        let sentences = try #require(scores.sentences)
        #expect(sentences.precision == 0.5 && sentences.recall == 0.5 && sentences.f1 == 0.5)
        #expect(sentences.f1All == 0.25)
        #expect(scores.recallAt1 == 1, "the passage holds a gold sentence")
    }
}
