import AskKit
import BenchmarkSupport
import Foundation

// Query latency of `engine.search` and `engine.ask` (as `ask` answers by default: the built-in rules, and the built-in
// learned model's answer where it is confident; with the rules alone, as `--rules` does; matching words alone, as
// `--lexical` does; and with the built-in learned model, as `--learned` does)
// next to one plain FTS5 `MATCH … ORDER BY rank LIMIT 10` of the same query on the same index, measured in the same
// run, query by query in turn, after one warm-up pass of 50.
//
//   swift run -c release --package-path Benchmarks latency INDEX.sqlite QUERIES.jsonl [COUNT]
//
// QUERIES.jsonl holds BEIR queries ({"_id", "text"}). MATCH_BUDGET=N sets `AskEngine.matchBudget` (by default the
// engine chooses it from the index's size).

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: latency INDEX.sqlite QUERIES.jsonl [COUNT]\n".utf8))
    exit(2)
}
let index = URL(fileURLWithPath: arguments[1])
let queries = try benchmarkQueries(from: arguments[2], limit: arguments.count > 3 ? Int(arguments[3]) ?? .max : .max)
let budget = ProcessInfo.processInfo.environment["MATCH_BUDGET"].flatMap { Int($0) }
let engine = try AskEngine(index: index, matchBudget: budget)
let rules = try AskEngine(index: index, matchBudget: budget, assistingModel: nil)
let lexical = try AskEngine(index: index, matchBudget: budget, embedder: nil)
let learned = try AskEngine(index: index, matchBudget: budget, answerModel: .builtIn)
let plain = try PlainFTS5Search(index: index)

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

for query in queries.prefix(50) {
    try plain.search(query)
    _ = try engine.search(query)
    _ = try engine.ask(query)
    _ = try rules.ask(query)
    _ = try lexical.ask(query)
    _ = try learned.ask(query)
}
let names = ["plain FTS5", "engine.search", "engine.ask", "ask (rules)", "ask (lexical)", "ask (learned)"]
var times: [String: [Double]] = [:]
for query in queries {
    times["plain FTS5", default: []].append(try milliseconds { try plain.search(query) })
    times["engine.search", default: []].append(try milliseconds { _ = try engine.search(query) })
    times["engine.ask", default: []].append(try milliseconds { _ = try engine.ask(query) })
    times["ask (rules)", default: []].append(try milliseconds { _ = try rules.ask(query) })
    times["ask (lexical)", default: []].append(try milliseconds { _ = try lexical.ask(query) })
    times["ask (learned)", default: []].append(try milliseconds { _ = try learned.ask(query) })
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
}

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("\(queries.count) queries on \(engine.info.passages) passages (\(index.lastPathComponent)), match budget \(engine.matchBudget)")
print("what              p50 ms   p95 ms   p99 ms  mean ms")
for name in names {
    let sorted = times[name]!.sorted()
    print(String(format: "%-14@ %8.2f %8.2f %8.2f %8.2f", name as NSString, percentile(sorted, 0.5),
                 percentile(sorted, 0.95), percentile(sorted, 0.99), sorted.reduce(0, +) / Double(sorted.count)))
}
let slowest = zip(queries, times["engine.search"]!).sorted { $0.1 > $1.1 }.prefix(3)
print("slowest engine.search: " + slowest.map { String(format: "%.1f ms %@", $0.1, $0.0 as NSString) }
    .joined(separator: "; "))
print("peak resident memory: \(usage.ru_maxrss / 1024) MB (index pages read through a memory map count)")
