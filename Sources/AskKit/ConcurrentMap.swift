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

/// The results of two pieces of work run at once: `first` on the calling thread, `second` on a thread of its own
/// (after `first`, on the calling thread, when no thread can be created). When `first` throws, `second` is still
/// waited for.
func concurrently<First, Second: Sendable>(
    _ first: () throws -> First, _ second: @escaping @Sendable () -> Second
) rethrows -> (First, Second) {
    let slot = WorkerResult<Second>()
    let worker = WorkerThread { slot.value = second() }
    let firstResult: First
    do {
        firstResult = try first()
    } catch {
        worker?.join()
        throw error
    }
    guard let worker else { return (firstResult, second()) }
    worker.join()
    return (firstResult, slot.value!)
}

/// Where a worker thread leaves its result, read after the thread is joined.
private final class WorkerResult<Value>: @unchecked Sendable {
    var value: Value?
}

/// A buffer whose distinct slots are written from several threads.
struct UnsafeMutableSendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
