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
            WorkerThread.perform(iterations: runs) { run in
                for index in stride(from: run * count / runs, to: (run + 1) * count / runs, by: 1) {
                    slots.buffer[index] = transform(self[index])
                }
            }
        }
        return results.map { $0! }
    }
}

/// The results of two pieces of work, run at once on two threads.
func concurrently<First: Sendable, Second: Sendable>(
    _ first: @Sendable () -> First, _ second: @Sendable () -> Second
) -> (First, Second) {
    var firstResult: First?
    var secondResult: Second?
    withUnsafeMutablePointer(to: &firstResult) { firstSlot in
        withUnsafeMutablePointer(to: &secondResult) { secondSlot in
            let slots = (UnsafeMutableSendableBuffer(UnsafeMutableBufferPointer(start: firstSlot, count: 1)),
                         UnsafeMutableSendableBuffer(UnsafeMutableBufferPointer(start: secondSlot, count: 1)))
            WorkerThread.perform(iterations: 2) { part in
                if part == 0 { slots.0.buffer[0] = first() } else { slots.1.buffer[0] = second() }
            }
        }
    }
    return (firstResult!, secondResult!)
}

/// A buffer whose distinct slots are written from several threads.
struct UnsafeMutableSendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
