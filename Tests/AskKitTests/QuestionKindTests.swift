@testable import AskKit
import Testing

/// The kind a question's wording asks for, checked on the templates of MedQuAD's questions ("What are the symptoms
/// of…" asks for a part of the topic, not for what it is) and on plain questions.
@Suite struct QuestionKindTests {
    private func kind(_ question: String) -> QuestionKind {
        QuestionKind(words: WordTokenizer.words(question))
    }

    /// A sentence's shape for `kind`, the question's concepts being the words `asked`.
    private func shape(_ kind: QuestionKind, _ sentence: String, asked: Set<String>) -> Double {
        let words = WordTokenizer.words(sentence)
        return kind.shapeScore(of: sentence) { words[$0.clamped(to: words.indices)].contains(where: asked.contains) }
    }

    @Test(arguments: ["what is kyphoplasty", "What is (are) Chronic Kidney Disease ?", "what does osteopenia mean",
                      "whats a compression fracture"])
    func questionsAboutWhatSomethingIsAskForADefinition(_ question: String) {
        #expect(kind(question) == .definition)
    }

    /// A definition names what is asked before its verb: "Another option is spinal fusion surgery." only mentions it.
    @Test func aDefinitionNamesWhatIsAskedBeforeItsVerb() {
        func shape(_ sentence: String) -> Double { self.shape(.definition, sentence, asked: ["spinal", "fusion"]) }
        #expect(shape("Spinal fusion is a surgery that joins two or more bones.") == 1)
        #expect(shape("Another option is spinal fusion surgery.") == 0)
    }

    /// "What causes a compression fracture" wants what brings a fracture about, not what a fracture brings about.
    @Test func aCauseBringsAboutWhatIsAsked() {
        #expect(kind("what causes a compression fracture") == .cause)
        #expect(kind("What are the common causes of back pain?") == .cause)
        func shape(_ sentence: String) -> Double {
            self.shape(.cause, sentence, asked: ["compression", "fracture", "fractures"])
        }
        #expect(shape("Weak bones can lead to a compression fracture in the vertebrae.") == 1)
        #expect(shape("Compression fractures are often the result of a fall.") == 1)
        #expect(shape("Common causes include falls and osteoporosis.") == 0.5)
        #expect(shape("A vertebral compression fracture causes back pain.") == -1)
        #expect(shape("The pain often gets worse with motion.") == 0)
    }

    /// On the shipped corpus, the fracture's causes answer, not the pain it causes.
    @Test func whatCausesAFractureIsNotAnsweredByWhatItCauses() throws {
        let answer = try SeedIndex.engine.ask("what causes a compression fracture")
        #expect(!answer.sentences.contains { $0.text.hasPrefix("A vertebral compression fracture causes back pain") })
        #expect(try SeedIndex.engine.ask("what causes back pain").sentences.first?.text
            == "A vertebral compression fracture causes back pain.")
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
