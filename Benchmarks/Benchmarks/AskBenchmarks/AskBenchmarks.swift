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

    Benchmark("plain FTS5 MATCH ORDER BY rank LIMIT 10") { benchmark in
        for iteration in benchmark.scaledIterations { blackHole(try plain.search(queries[iteration % queries.count])) }
    }
    Benchmark("engine.search") { benchmark in
        for iteration in benchmark.scaledIterations { blackHole(try engine.search(queries[iteration % queries.count])) }
    }
    Benchmark("engine.ask") { benchmark in
        for iteration in benchmark.scaledIterations { blackHole(try engine.ask(queries[iteration % queries.count])) }
    }
}
