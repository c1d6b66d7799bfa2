import AskKit
import BenchmarkSupport
import Foundation

// What a clustered index's semantic search misses by reading only the lists nearest a question: for each count of
// lists read, the share of the exact search's nearest passages that it finds (recall against reading every list, as
// FAISS reports for IVF indexes) and its p50 time, over the same questions.
//
//   swift run -c release --package-path Benchmarks ann-recall INDEX.sqlite QUERIES.jsonl [COUNT]
//
// QUERIES.jsonl holds BEIR queries ({"_id", "text"}). Nearest passages counted: as many as semantic search adds to
// full-text search's candidates (`AskEngine.semanticCandidateCount`).

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: ann-recall INDEX.sqlite QUERIES.jsonl [COUNT]\n".utf8))
    exit(2)
}
let engine = try AskEngine(index: URL(fileURLWithPath: arguments[1]))
let queries = try benchmarkQueries(from: arguments[2], limit: arguments.count > 3 ? Int(arguments[3]) ?? .max : .max)
let depth = AskEngine.semanticCandidateCount
let listCounts = [1, 2, 4, 6, 8, 12, 16, 32]

let exact = try queries.map { Set(try engine.nearestPassages(to: $0, limit: depth, probedLists: .max).map(\.passage)) }
print("\(queries.count) queries on \(engine.info.passages) passages; recall@\(depth) against reading every list")
print("lists read   recall   p50 ms")
for lists in listCounts {
    var found = 0
    var wanted = 0
    var times: [Double] = []
    for (query, exact) in zip(queries, exact) {
        let start = DispatchTime.now().uptimeNanoseconds
        let nearest = try engine.nearestPassages(to: query, limit: depth, probedLists: lists)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        found += nearest.filter { exact.contains($0.passage) }.count
        wanted += exact.count
    }
    times.sort()
    print(String(format: "%10d %8.3f %8.2f", lists, Double(found) / Double(max(wanted, 1)), times[times.count / 2]))
}
