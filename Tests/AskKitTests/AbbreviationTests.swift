@testable import AskKit
import Testing

@Suite struct AbbreviationTests {
    private func pairs(_ text: String) -> [String] {
        AbbreviationFinder.definitions(in: text).map { $0.short.joined(separator: " ") + " = " + $0.long.joined(separator: " ") }
    }

    @Test func definitionsInTheShippedCorpusStyleAreFound() {
        #expect(pairs("The extent of bone loss can be determined with Dual-Energy X-ray Absorptiometry (DEXA), a scan.")
            == ["dexa = dual energy x ray absorptiometry"])
        #expect(pairs("These spinal fractures are called vertebral compression fractures (VCFs) by doctors.")
            == ["vcfs = vertebral compression fractures"])
        #expect(pairs("Magnetic resonance imaging (MRI) scan. Computed tomography (CT) scan.")
            == ["mri = magnetic resonance imaging", "ct = computed tomography"])
        #expect(pairs("A nonsteroidal anti-inflammatory drug (NSAID) eases pain.")
            == ["nsaid = nonsteroidal anti inflammatory drug"])
    }

    @Test func parenthesesThatDefineNothingAreLeftAlone() {
        #expect(pairs("A vertebral compression fracture (arrow) has a wedged shape.").isEmpty)
        #expect(pairs("Aspirin or acetaminophen (Actamin, Anacin AF, Tylenol).").isEmpty)
        #expect(pairs("Take it twice a day (see below).").isEmpty)
        #expect(pairs("The new fracture (acute) or the old one (chronic).").isEmpty)
        #expect(pairs("(ABC)").isEmpty)
        #expect(pairs("unclosed (ABC and (more").isEmpty)
        #expect(pairs("").isEmpty)
    }
}

/// Abbreviations the documents define become synonyms of the index, unless the synonyms file turns them off.
@Suite struct CorpusAbbreviationTests {
    @Test func aQuestionSpellingOutAnAbbreviationFindsThePassageUsingIt() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("Corpus/scans.txt", "Your doctor may order a magnetic resonance imaging (MRI) scan.")
        _ = try folder.write("Corpus/followup.txt", "The MRI shows swelling of the bone marrow when a fracture is new.")
        _ = try folder.write("Corpus/other.txt", "Imaging of the hand shows swelling after a sprain.")
        let index = folder.path("ask.sqlite")
        try IndexBuilder().build(corpus: folder.path("Corpus"), into: index)
        let engine = try AskEngine(index: index, embedder: nil)
        #expect(engine.synonyms.abbreviations.map { "\($0.short) = \($0.long)" } == ["mri = magnetic resonance imaging"])
        #expect(engine.synonyms.usesAbbreviations)
        let question = "magnetic resonance imaging of swelling"
        #expect(try engine.search(question).first?.passage.file == "followup.txt")

        _ = try folder.write("Corpus/synonyms.txt", "abbreviations: off\n")
        try IndexBuilder().refresh(corpus: folder.path("Corpus"), index: index)
        let off = try AskEngine(index: index, embedder: nil)
        #expect(!off.synonyms.usesAbbreviations)
        #expect(try off.search(question).first?.passage.file != "followup.txt")
    }

    @Test func aSpelledOutAbbreviationsWordsStillCountOnTheirOwn() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("Corpus/winter.txt", "Vitamin D deficiency (VDD) is common in winter.")
        _ = try folder.write(
            "Corpus/newborns.txt", "Too little vitamin D goes with a lower birth weight in newborn babies.")
        _ = try folder.write("Corpus/short.txt", "Lower birth weight, in short.")
        for note in 1...6 {
            _ = try folder.write(
                "Corpus/walking\(note).txt", "Walking every day keeps the joints moving, note \(note).")
        }
        let index = folder.path("ask.sqlite")
        try IndexBuilder().build(corpus: folder.path("Corpus"), into: index)
        let engine = try AskEngine(index: index, embedder: nil)
        // "vitamin d deficiency" is one concept, found as the phrase or "VDD"; a passage holding "vitamin D" alone
        // still holds part of it (when it did not, the shorter note on birth weight came first).
        let files = try engine.search("does vitamin D deficiency lower birth weight").map(\.passage.file)
        #expect(files.first == "newborns.txt", "\(files)")
    }
}
