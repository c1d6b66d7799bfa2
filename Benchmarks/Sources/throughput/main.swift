import AskKit
import BenchmarkSupport
import Foundation

// Questions a second that one `AskEngine` answers (`engine.ask`, the built-in rules) for 1, 2 and 8 concurrent
// callers, each asking the queries in turn from its own starting point, for a fixed time per round; with a
// one-reader engine (every caller waits for the one connection) as the baseline of the same run.
//
//   swift run -c release --package-path Benchmarks throughput INDEX.sqlite QUERIES.jsonl [SECONDS]
//
// QUERIES.jsonl holds BEIR queries ({"_id", "text"}).

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: throughput INDEX.sqlite QUERIES.jsonl [SECONDS]\n".utf8))
    exit(2)
}
let index = URL(fileURLWithPath: arguments[1])
let queries = try benchmarkQueries(from: arguments[2], limit: 2_000)
let seconds = arguments.count > 3 ? Double(arguments[3]) ?? 10 : 10

/// Questions answered a second by `callers` threads asking `engine` for `seconds`.
func questionsPerSecond(_ engine: AskEngine, callers: Int) -> Double {
    let answered = ManagedCounter()
    let deadline = Date().addingTimeInterval(seconds)
    DispatchQueue.concurrentPerform(iterations: callers) { caller in
        var position = caller * queries.count / callers
        while Date() < deadline {
            _ = try? engine.ask(queries[position % queries.count])
            position += 1
            answered.add()
        }
    }
    return Double(answered.value) / seconds
}

/// A count several threads add to.
final class ManagedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}

let pooled = try AskEngine(index: index)
let single = try AskEngine(index: index, readers: 1)
for query in queries.prefix(50) { _ = try pooled.ask(query); _ = try single.ask(query) }
print("\(queries.count) queries on \(pooled.info.passages) passages (\(index.lastPathComponent)), "
    + "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(Int(seconds)) s a round")
print("callers  questions/s (\(AskEngine.defaultReaders) readers)  questions/s (1 reader)")
var first: Double?
for callers in [1, 2, 8] {
    let many = questionsPerSecond(pooled, callers: callers)
    let one = questionsPerSecond(single, callers: callers)
    first = first ?? many
    print(String(format: "%7d  %10.1f (%.2f× 1 caller)  %10.1f", callers, many, many / first!, one))
}
