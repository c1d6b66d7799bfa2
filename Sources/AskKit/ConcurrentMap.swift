import Foundation

extension Array where Element: Sendable {
    /// The elements transformed on every core, in order: the array is cut into a few runs per core, each run
    /// transformed by one thread.
    func concurrentMap<Transformed>(_ transform: @Sendable (Element) -> Transformed) -> [Transformed] {
        let runs = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard runs > 1 else { return map(transform) }
        var results = [Transformed?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeMutableSendableBuffer(slots)
            DispatchQueue.concurrentPerform(iterations: runs) { run in
                for index in stride(from: run * count / runs, to: (run + 1) * count / runs, by: 1) {
                    slots.buffer[index] = transform(self[index])
                }
            }
        }
        return results.map { $0! }
    }
}

/// A buffer whose distinct slots are written from several threads.
struct UnsafeMutableSendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
