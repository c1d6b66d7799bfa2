@testable import AskKit
import Testing

/// The kind a question's wording asks for, checked on the templates of MedQuAD's questions ("What are the symptoms
/// of…" asks for a part of the topic, not for what it is) and on plain questions.
@Suite struct QuestionKindTests {
    private func kind(_ question: String) -> QuestionKind {
        QuestionKind(words: WordTokenizer.words(question))
    }

    @Test(arguments: ["what is kyphoplasty", "What is (are) Chronic Kidney Disease ?", "what does osteopenia mean",
                      "whats a compression fracture"])
    func questionsAboutWhatSomethingIsAskForADefinition(_ question: String) {
        #expect(kind(question) == .definition)
    }

    /// A definition names what is asked before its verb: "Another option is spinal fusion surgery." only mentions it.
    @Test func aDefinitionNamesWhatIsAskedBeforeItsVerb() {
        let asked: Set<String> = ["spinal", "fusion"]
        func shape(_ sentence: String) -> Double {
            QuestionKind.definition.shapeScore(of: sentence) {
                WordTokenizer.words(sentence).prefix($0).contains(where: asked.contains)
            }
        }
        #expect(shape("Spinal fusion is a surgery that joins two or more bones.") == 1)
        #expect(shape("Another option is spinal fusion surgery.") == 0)
    }

    /// "Mean" frames the question: it is not searched for ("mean" is in none of the shipped documents).
    @Test func aDefinitionQuestionsFramingIsNotSearchedFor() throws {
        let answer = try SeedIndex.engine.ask("what does osteopenia mean")
        #expect(answer.sentences.contains { $0.text.hasPrefix("Osteopenia is a forerunner to osteoporosis") })
    }

    @Test(arguments: ["What are the symptoms of Adult Acute Lymphoblastic Leukemia ?",
                      "What are the treatments for Gaucher Disease ?", "What is the outlook for Stroke ?",
                      "What are the genetic changes related to Tay-Sachs disease ?", "whats the best exercise"])
    func questionsAboutAPartOfTheTopicDoNotAskForADefinition(_ question: String) {
        #expect(kind(question) != .definition)
    }

    /// "Who is at risk for…" asks who gets it, not what can go wrong.
    @Test func whoIsAtRiskDoesNotAskForRisks() {
        #expect(kind("Who is at risk for Stroke ?") != .risk)
        #expect(kind("what are the risks of kyphoplasty") == .risk)
    }

    @Test func durationsRisksAndComparisonsAreRecognised() {
        #expect(kind("how long to heal") == .duration)
        #expect(kind("is the cement dangerous") == .risk)
        #expect(kind("what is the difference between kyphoplasty and vertebroplasty") == .comparison)
    }
}
