import Foundation

/// The passages of a build's documents, in document order, cut on every core a few batches ahead of the batch the
/// caller inserts: cutting overlaps with writing to SQLite. The same threads count the passages' words into
/// ``words``, find the abbreviations the passages define and, when there is an ``embedder``, compute their vectors.
struct ChunkedDocuments: Sequence {
    /// How many documents are cut together; one batch is cut while the previous one is inserted.
    static let batchSize = 512
    /// How many batches are cut ahead of the one being inserted.
    static let batchesAhead = 3

    let documents: [SourceDocument]
    let builder: IndexBuilder
    /// Where the words of the passages handed out are counted.
    let words: WordCounts
    /// What makes the passages' vectors; `nil` for none.
    let embedder: TextEmbedder?

    /// One document's passages, the abbreviations each defines, and their vectors when there is an embedder.
    struct Cut {
        var passages: [Passage] = []
        /// The lines dropped as the document's trailer.
        var droppedLines = 0
        var abbreviations: [[AbbreviationFinder.Definition]] = []
        var vectors: [PassageVector] = []
    }

    init(
        _ documents: [SourceDocument], builder: IndexBuilder, countingWordsInto words: WordCounts,
        embedder: TextEmbedder?
    ) {
        self.documents = documents
        self.builder = builder
        self.words = words
        self.embedder = embedder
    }

    func makeIterator() -> Iterator { Iterator(source: self) }

    struct Iterator: IteratorProtocol {
        private let source: ChunkedDocuments
        private var current: [Cut] = []
        private var position = 0
        private var nextStart = 0
        /// Batches being cut, oldest first: more than one, so the cutting threads never wait for the inserter.
        private var pending: [Batch] = []

        init(source: ChunkedDocuments) {
            self.source = source
            for _ in 0..<ChunkedDocuments.batchesAhead {
                if let batch = startBatch() { pending.append(batch) }
            }
        }

        mutating func next() -> Cut? {
            if position == current.count {
                guard !pending.isEmpty else { return nil }
                let batch = pending.removeFirst()
                batch.wait()
                current = batch.cuts
                position = 0
                if let next = startBatch() { pending.append(next) }
                if current.isEmpty { return nil }
            }
            defer { position += 1 }
            return current[position]
        }

        /// Starts cutting the next batch in the background; `nil` when every document has been handed out.
        private mutating func startBatch() -> Batch? {
            let documents = source.documents
            guard nextStart < documents.count else { return nil }
            let range = nextStart..<Swift.min(nextStart + ChunkedDocuments.batchSize, documents.count)
            nextStart = range.upperBound
            return Batch(
                Array(documents[range]), builder: source.builder, words: source.words, embedder: source.embedder)
        }
    }

    /// One batch of documents being cut on a background thread: each core takes every n-th document, cuts it,
    /// counts its passages' words and embeds them. Where no thread can be started, the batch is cut on the spot.
    final class Batch: @unchecked Sendable {
        private(set) var cuts: [Cut]
        private var cutter: WorkerThread?

        init(_ documents: [SourceDocument], builder: IndexBuilder, words: WordCounts, embedder: TextEmbedder?) {
            cuts = Array(repeating: Cut(), count: documents.count)
            let cut: @Sendable () -> Void = { [self] in
                let stripes = ProcessInfo.processInfo.activeProcessorCount
                cuts.withUnsafeMutableBufferPointer { slots in
                    let slots = UnsafeMutableSendableBuffer(slots)
                    WorkerThread.perform(iterations: stripes) { stripe in
                        words.withTally { tally in
                            for index in stride(from: stripe, to: documents.count, by: stripes) {
                                let (passages, dropped) = builder.cut(documents[index])
                                tally.add(passages)
                                slots.buffer[index] = Cut(
                                    passages: passages, droppedLines: dropped,
                                    abbreviations: passages.map { AbbreviationFinder.definitions(in: $0.text) },
                                    vectors: embedder.map { embedder in passages.map { embedder.vector(of: $0) } }
                                        ?? [])
                            }
                        }
                    }
                }
            }
            cutter = WorkerThread(cut)
            if cutter == nil { cut() }
        }

        func wait() { cutter?.join() }
    }
}
