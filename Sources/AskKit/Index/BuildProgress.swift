import Foundation

/// How far a running build has come, as ``IndexBuilder/build(corpus:into:full:warn:progress:)`` reports it: enough
/// for a long build to show its files, passages, rate and time left.
public struct BuildProgress: Sendable, Equatable {
    /// What the build is doing.
    public enum Stage: Sendable, Equatable {
        /// Waiting for another build of the same index to finish (it holds the build lock).
        case waiting
        /// Reading a file (path relative to the corpus folder).
        case reading(file: String)
        /// Cutting documents into passages and indexing them.
        case indexing
        /// Counting the index's vocabulary and merging its segments.
        case finishing
        /// Embedding passages with a sentence model: `done` of `total` (``IndexBuilder/sentenceModel``).
        case embedding(done: Int, total: Int)
    }

    /// What the build is doing now.
    public var stage: Stage
    /// Files read so far, of ``filesToRead``: the new and changed files.
    public var filesRead = 0
    /// The files the build reads: all of them for a full build, the new and changed ones otherwise.
    public var filesToRead = 0
    /// Documents indexed so far, of ``documentsToIndex``.
    public var documentsIndexed = 0
    /// The documents of the files read; known once reading is done.
    public var documentsToIndex = 0
    /// Passages indexed so far.
    public var passagesIndexed = 0
    /// Seconds since the build began.
    public var seconds = 0.0
    /// Seconds spent indexing so far.
    public var indexingSeconds = 0.0

    /// Passages indexed a second, once some are.
    public var passagesPerSecond: Double? {
        indexingSeconds > 0 && passagesIndexed > 0 ? Double(passagesIndexed) / indexingSeconds : nil
    }

    /// The indexing time left, estimated from the pace so far; `nil` before the first documents are indexed.
    public var secondsLeft: Double? {
        guard documentsIndexed > 0, indexingSeconds > 0 else { return nil }
        return indexingSeconds * Double(documentsToIndex - documentsIndexed) / Double(documentsIndexed)
    }

    /// One line for people, under 80 characters for a million documents: "indexing: 51,200/100,000 documents,
    /// 51,412 passages, 12,800/s, 4 s left" (passages a second, and the indexing time left).
    public var summary: String {
        switch stage {
        case .waiting:
            return "waiting for another build of this index to finish"
        case .reading(let file):
            return "reading: file \(Self.count(filesRead + 1))/\(Self.count(filesToRead)), \(file)"
        case .indexing:
            var line = "indexing: \(Self.count(documentsIndexed))/\(Self.count(documentsToIndex)) documents, "
                + "\(Self.count(passagesIndexed)) passages"
            if let rate = passagesPerSecond { line += ", \(Self.count(Int(rate.rounded())))/s" }
            if let left = secondsLeft { line += ", \(Int(left.rounded(.up))) s left" }
            return line
        case .finishing:
            return "finishing: \(Self.count(passagesIndexed)) passages indexed; counting words, merging"
        case .embedding(let done, let total):
            return "embedding with the sentence model: \(Self.count(done))/\(Self.count(total)) passages"
        }
    }

    /// "12,800": a count with its thousands grouped, the same on every system.
    private static func count(_ value: Int) -> String {
        let digits = String(value)
        var grouped = ""
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped
    }
}

extension BuildProgress {
    /// Keeps a build's progress and hands each change to the caller's closure.
    final class Tracker {
        private(set) var progress = BuildProgress(stage: .indexing)
        private let report: (BuildProgress) -> Void
        private let start = Date()
        private var indexingStart: Date?

        init(filesToRead: Int, report: @escaping (BuildProgress) -> Void) {
            progress.filesToRead = filesToRead
            self.report = report
        }

        /// Reading `file` begins.
        func reading(_ file: String) {
            progress.stage = .reading(file: file)
            send()
            progress.filesRead += 1
        }

        /// So many of the documents to index are indexed, into so many passages.
        func indexed(documents: Int, of total: Int, passages: Int) {
            let now = Date()
            if indexingStart == nil { indexingStart = now }
            progress.stage = .indexing
            progress.documentsIndexed = documents
            progress.documentsToIndex = total
            progress.passagesIndexed = passages
            progress.indexingSeconds = now.timeIntervalSince(indexingStart ?? now)
            send()
        }

        /// Indexing is done; the vocabulary is counted and the segments merged.
        func finishing() {
            progress.stage = .finishing
            send()
        }

        /// `done` of `total` passages are embedded by the sentence model.
        func embedded(_ done: Int, of total: Int) {
            progress.stage = .embedding(done: done, total: total)
            send()
        }

        private func send() {
            progress.seconds = Date().timeIntervalSince(start)
            report(progress)
        }
    }
}
