@testable import AskKit
import Testing

@Suite struct WordTokenizerTests {
    /// ASCII text takes a byte-level path: it must give the words the scalar-level rules give.
    @Test func asciiTextSplitsIntoLowerCasedLettersAndDigits() {
        var generator = SplitMix64(seed: 11)
        let alphabet = Array("abcXYZ019 -'.,\t\n\"()_*")
        for _ in 0..<2_000 {
            let text = String(generator.draw(from: alphabet, fewerThan: 24))
            let expected = text.lowercased()
                .split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
            #expect(WordTokenizer.words(text) == expected, "\(text)")
            #expect(WordTokenizer.words(text[...]) == expected, "\(text)")
        }
    }

    @Test func otherTextLosesDiacriticsAndKeepsItsLetters() {
        #expect(WordTokenizer.words("Café, NAÏVE 3-D!") == ["cafe", "naive", "3", "d"])
        #expect(WordTokenizer.words("骨粗鬆症 and Ostéoporose") == ["骨粗鬆症", "and", "osteoporose"])
        #expect(WordTokenizer.words("🦴 ... !!") == [])
    }
}
