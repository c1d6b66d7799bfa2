import Foundation

/// The passages of a file's documents, in document order, cut on every core while the caller inserts the previous
/// batch: chunking, the build's largest cost, overlaps with writing to SQLite.
struct ChunkedDocuments: Sequence {
    /// How many documents are cut together; one batch is cut while the previous one is inserted.
    static let batchSize = 512

    let documents: [SourceDocument]
    let builder: IndexBuilder

    init(_ documents: [SourceDocument], builder: IndexBuilder) {
        self.documents = documents
        self.builder = builder
    }

    func makeIterator() -> Iterator { Iterator(documents: documents, builder: builder) }

    struct Iterator: IteratorProtocol {
        private let documents: [SourceDocument]
        private let builder: IndexBuilder
        private var current: [[Passage]] = []
        private var position = 0
        private var nextStart = 0
        private var pending: Batch?

        init(documents: [SourceDocument], builder: IndexBuilder) {
            self.documents = documents
            self.builder = builder
            pending = startBatch()
        }

        mutating func next() -> [Passage]? {
            if position == current.count {
                guard let pending else { return nil }
                pending.wait()
                current = pending.passages
                position = 0
                self.pending = startBatch()
                if current.isEmpty { return nil }
            }
            defer { position += 1 }
            return current[position]
        }

        /// Starts cutting the next batch in the background; `nil` when every document has been handed out.
        private mutating func startBatch() -> Batch? {
            guard nextStart < documents.count else { return nil }
            let range = nextStart..<Swift.min(nextStart + ChunkedDocuments.batchSize, documents.count)
            nextStart = range.upperBound
            return Batch(Array(documents[range]), builder: builder)
        }
    }

    /// One batch of documents being cut on a background queue, every core taking documents in turn.
    final class Batch: @unchecked Sendable {
        private(set) var passages: [[Passage]]
        private let done = DispatchGroup()

        init(_ documents: [SourceDocument], builder: IndexBuilder) {
            passages = Array(repeating: [], count: documents.count)
            done.enter()
            DispatchQueue.global().async { [self] in
                passages.withUnsafeMutableBufferPointer { slots in
                    let slots = UnsafeMutableSendableBuffer(slots)
                    DispatchQueue.concurrentPerform(iterations: documents.count) { index in
                        slots.buffer[index] = builder.passages(of: documents[index])
                    }
                }
                done.leave()
            }
        }

        func wait() { done.wait() }
    }

    /// A buffer whose distinct slots are written from several threads.
    private struct UnsafeMutableSendableBuffer<Element>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Element>
        init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
    }
}
