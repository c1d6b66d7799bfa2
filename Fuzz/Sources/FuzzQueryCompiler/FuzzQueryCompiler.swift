import AskKit
import FuzzDriver

/// Any bytes, as a question and as a synonym list: compiling never crashes, and the FTS5 expression holds only
/// quoted phrases, parentheses, spaces and OR.
private let synonyms = SynonymMap(parsing: """
    compression fracture, vcf, broken vertebra
    physio => physical therapy
    """)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for compiler in [QueryCompiler(synonyms: synonyms), QueryCompiler(synonyms: SynonymMap(parsing: text))] {
        let plan = compiler.compile(text)
        guard let expression = plan.ftsExpression else { continue }
        var insideQuotes = false
        var previous: Character = " "
        for character in expression {
            if character == "\"" {
                insideQuotes.toggle()
            } else if !insideQuotes && !"() OR".contains(character) {
                fatalError("unquoted \(character) after \(previous) in \(expression)")
            }
            previous = character
        }
        precondition(!insideQuotes, "unbalanced quotes in \(expression)")
    }
    _ = QuestionKind(words: WordTokenizer.words(text))
    return 0
}

/// The entry SwiftPM links an executable through: libFuzzer's driver, with the target above.
@_cdecl("FuzzQueryCompiler_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv) { fuzz($0, $1) }
}
