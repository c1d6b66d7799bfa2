import AskKit
import Benchmark
import BenchmarkSupport
import Foundation

// `swift package --package-path Benchmarks benchmark` (release mode): per-query latency distributions of
// `engine.search`, `engine.ask` and a plain FTS5 query on the same index, one query per iteration, cycling through
// the query file. ASK_BENCH_INDEX names the index (built with `ask index`), ASK_BENCH_QUERIES the BEIR query file.
let benchmarks: @Sendable () -> Void = {
    let environment = ProcessInfo.processInfo.environment
    guard let index = environment["ASK_BENCH_INDEX"].map(URL.init(fileURLWithPath:)),
        let queryFile = environment["ASK_BENCH_QUERIES"],
        let queries = try? benchmarkQueries(from: queryFile), !queries.isEmpty,
        let engine = try? AskEngine(index: index), let plain = try? PlainFTS5Search(index: index)
    else {
        print("set ASK_BENCH_INDEX to an index and ASK_BENCH_QUERIES to a BEIR query file")
        return
    }
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], timeUnits: .microseconds, warmupIterations: 50,
        maxDuration: .seconds(20), maxIterations: min(queries.count, 2_000))

    // Each sample runs the next query, so the percentiles are those of the query set.
    func cycling(_ body: @escaping @Sendable (String) throws -> Void) -> (Benchmark) throws -> Void {
        let next = QueryCursor(count: queries.count)
        return { benchmark in
            for _ in benchmark.scaledIterations { try body(queries[next.advance()]) }
        }
    }
    Benchmark("plain FTS5 MATCH ORDER BY rank LIMIT 10", closure: cycling { blackHole(try plain.search($0)) })
    Benchmark("engine.search", closure: cycling { blackHole(try engine.search($0)) })
    Benchmark("engine.ask", closure: cycling { blackHole(try engine.ask($0)) })
}

/// The index of the next query, wrapping around.
final class QueryCursor: @unchecked Sendable {
    private var position = 0
    private let count: Int
    private let lock = NSLock()

    init(count: Int) { self.count = count }

    func advance() -> Int {
        lock.lock()
        defer { lock.unlock() }
        position = (position + 1) % count
        return position
    }
}
