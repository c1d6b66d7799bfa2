import Foundation
import GRDB
import GRDBSQLite

/// `ask_bm25(fts, k1, b, weight…, [passages…])`: FTS5's `bm25()` with its k1 and b as arguments (FTS5 fixes them at
/// 1.2 and 0.75). Like `bm25()`, it returns the negated score, so `ORDER BY` it ascending puts the best rows first.
///
/// A port of `fts5Bm25Function` in SQLite's `fts5_aux.c`: per query, each phrase's inverse document frequency is
/// computed once and kept as auxiliary data; per row, phrase frequencies are summed over columns with the weights.
/// FTS5 counts the passages holding each phrase by reading the phrase's whole doclist, which costs tens of
/// milliseconds for common words of a large index: a caller that knows the counts passes them after the column
/// weights (one per phrase of the `MATCH` expression, in its order), and they are used instead.
enum BM25Function {
    static let name = "ask_bm25"

    /// Registers the function on a connection.
    static func register(in db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, function, nil)
    }

    /// What is computed once per query: the arguments, each phrase's inverse document frequency, the average length.
    private final class QueryStatistics {
        var k1 = 1.2
        var b = 0.75
        var weights: [Double] = []
        var inverseFrequencies: [Double] = []
        var averageLength = 0.0
    }

    private static let function: fts5_extension_function = { api, fts, context, argumentCount, arguments in
        guard let api = api?.pointee, let fts, let context else { return }
        let statistics: QueryStatistics
        if let stored = api.xGetAuxdata(fts, 0) {
            statistics = Unmanaged<QueryStatistics>.fromOpaque(stored).takeUnretainedValue()
        } else {
            statistics = QueryStatistics()
            let values = (0..<Int(argumentCount)).map { sqlite3_value_double(arguments![$0]) }
            if values.count > 0 { statistics.k1 = values[0] }
            if values.count > 1 { statistics.b = values[1] }
            let columns = Int(api.xColumnCount(fts))
            statistics.weights = Array(values.dropFirst(2).prefix(columns))
            let knownPassages = Array(values.dropFirst(2 + columns))
            var rows: sqlite3_int64 = 0
            var tokens: sqlite3_int64 = 0
            _ = api.xRowCount(fts, &rows)
            _ = api.xColumnTotalSize(fts, -1, &tokens)
            statistics.averageLength = rows > 0 ? Double(tokens) / Double(rows) : 1
            let phrases = Int(api.xPhraseCount(fts))
            for phrase in 0..<phrases {
                var hits = 0
                if knownPassages.count == phrases {
                    hits = Int(knownPassages[phrase])
                } else {
                    _ = api.xQueryPhrase(fts, Int32(phrase), &hits) { _, _, counter in
                        counter!.assumingMemoryBound(to: Int.self).pointee += 1
                        return SQLITE_OK
                    }
                }
                statistics.inverseFrequencies.append(inverseFrequency(rows: Double(rows), holding: Double(hits)))
            }
            _ = api.xSetAuxdata(fts, Unmanaged.passRetained(statistics).toOpaque()) { pointer in
                if let pointer { Unmanaged<QueryStatistics>.fromOpaque(pointer).release() }
            }
        }

        let phraseCount = statistics.inverseFrequencies.count
        let score = withUnsafeTemporaryAllocation(of: Double.self, capacity: max(phraseCount, 1)) { frequencies in
            frequencies.initialize(repeating: 0)
            let weights = statistics.weights
            var instances: Int32 = 0
            _ = api.xInstCount(fts, &instances)
            for instance in 0..<instances {
                var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
                guard api.xInst(fts, instance, &phrase, &column, &offset) == SQLITE_OK, Int(phrase) < phraseCount
                else { continue }
                frequencies[Int(phrase)] += Int(column) < weights.count ? weights[Int(column)] : 1
            }
            // With b 0 the length does not count: its lookup (a b-tree read per row) is skipped.
            var length: Int32 = 0
            if statistics.b != 0 { _ = api.xColumnSize(fts, -1, &length) }
            let normalizer = lengthNormalizer(
                length: Double(length), averageLength: statistics.averageLength, k1: statistics.k1, b: statistics.b)
            var score = 0.0
            for phrase in 0..<phraseCount where frequencies[phrase] > 0 {
                score += statistics.inverseFrequencies[phrase]
                    * saturated(frequencies[phrase], normalizer: normalizer, k1: statistics.k1)
            }
            return score
        }
        sqlite3_result_double(context, -score)
    }

    // MARK: - The formula, shared with BM25Scorer

    /// A phrase's inverse document frequency when `holding` of `rows` passages hold it (never below 1e-6).
    static func inverseFrequency(rows: Double, holding: Double) -> Double {
        max(log((rows - holding + 0.5) / (holding + 0.5)), 1e-6)
    }

    /// `k1 · (1 − b + b · length / averageLength)`: how much a passage's length damps its term frequencies.
    static func lengthNormalizer(length: Double, averageLength: Double, k1: Double, b: Double) -> Double {
        k1 * (1 - b + b * length / averageLength)
    }

    /// A phrase's weighted frequency in a passage, saturated: `f · (k1 + 1) / (f + normalizer)`.
    static func saturated(_ frequency: Double, normalizer: Double, k1: Double) -> Double {
        frequency * (k1 + 1) / (frequency + normalizer)
    }
}
