import AskKit
import Foundation

// Writes N synthetic passages, each made of sentences sampled from the MedQuAD answers with a fixed seed, as
// `.jsonl` records {"_id", "title", "text"}: the same N and seed always give the same file.
//
//   swift run -c release --package-path Benchmarks scale-corpus \
//       ../shared/bench/medquad/corpus.jsonl.gz 1000000 .build-scale/1m.jsonl
//
// A passage takes whole sentences until it holds at least a drawn length of 50–115 words (95 on average with the last sentence); its title
// is the title of the answer its first sentence came from.

let arguments = CommandLine.arguments
guard arguments.count >= 4, let count = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: scale-corpus SOURCE.jsonl[.gz] PASSAGES OUTPUT.jsonl [SEED]\n".utf8))
    exit(2)
}
let source = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[3])
var generator = SplitMix64(seed: arguments.count > 4 ? UInt64(arguments[4]) ?? 42 : 42)

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64), so the corpus is the same on every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct Sentence {
    var text: String
    var words: Int
    var title: Int
}

var titles: [String] = []
var sentences: [Sentence] = []
let sentenceEnd = try NSRegularExpression(pattern: #"(?<=[.!?])\s+(?=[A-Z0-9"(])"#)
for entry in try Corpus(source).entries() {
    guard case .read(let file, _) = CorpusReader().read(entry) else { continue }
    for document in file.documents {
        titles.append(document.statedTitle ?? document.id)
        let text = document.lines.map(\.text).joined(separator: " ")
        let range = NSRange(text.startIndex..., in: text)
        var start = text.startIndex
        func add(_ end: String.Index) {
            let sentence = text[start..<end].trimmingCharacters(in: .whitespacesAndNewlines)
            let words = sentence.split(separator: " ").count
            if words >= 3 { sentences.append(Sentence(text: sentence, words: words, title: titles.count - 1)) }
        }
        for match in sentenceEnd.matches(in: text, range: range) {
            let end = Range(match.range, in: text)!.lowerBound
            add(end)
            start = Range(match.range, in: text)!.upperBound
        }
        add(text.endIndex)
    }
}
guard !sentences.isEmpty else { fatalError("no sentences in \(source.path)") }

try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
guard FileManager.default.createFile(atPath: output.path, contents: nil) else { fatalError("cannot write \(output.path)") }
let handle = try FileHandle(forWritingTo: output)
var buffer = Data()
var words = 0
for number in 0..<count {
    let length = Int.random(in: 50...115, using: &generator)
    var parts: [String] = []
    var held = 0
    var title = ""
    while held < length {
        let sentence = sentences[Int.random(in: 0..<sentences.count, using: &generator)]
        if parts.isEmpty { title = titles[sentence.title] }
        parts.append(sentence.text)
        held += sentence.words
    }
    words += held
    let record = ["_id": "s\(number)", "title": title, "text": parts.joined(separator: " ")]
    buffer.append(try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]))
    buffer.append(0x0A)
    if buffer.count > 1 << 22 {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
handle.write(buffer)
try handle.close()
print("\(count) passages, \(words) words, from \(sentences.count) sentences of \(titles.count) answers → \(output.path)")
