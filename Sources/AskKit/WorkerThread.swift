import Foundation

/// A thread of the engine's own, for the build's parallel work. When the system cannot create a thread (under a
/// memory limit such as `ulimit -v`), the work runs on the calling thread instead: slower, never stuck. libdispatch,
/// used before, sleeps and retries for ever when it cannot start a worker, so a build under such a limit hung.
final class WorkerThread: @unchecked Sendable {
    private var thread: pthread_t

    /// Starts `body` on a new thread; `nil` when no thread can be created (then nothing runs).
    init?(_ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(body))
        #if canImport(Glibc)
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, work.toOpaque())
        guard started == 0 else {
            work.release()
            return nil
        }
        self.thread = thread
        #else
        var thread: pthread_t?
        let started = pthread_create(&thread, nil, { context in
            Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }, work.toOpaque())
        guard started == 0, let thread else {
            work.release()
            return nil
        }
        self.thread = thread
        #endif
    }

    /// Waits for the thread's work to end.
    func join() {
        pthread_join(thread, nil)
    }

    /// Runs `body` for every iteration, each on a thread of its own (the first on the calling thread), and returns
    /// once all are done; iterations whose thread could not be created run on the calling thread.
    static func perform(iterations: Int, _ body: @Sendable (Int) -> Void) {
        // Every thread is joined before returning, so `body` never outlives this call.
        withoutActuallyEscaping(body) { body in
            var inline: [Int] = iterations > 0 ? [0] : []
            var started: [WorkerThread] = []
            for iteration in 1..<max(iterations, 1) {
                if let thread = WorkerThread({ body(iteration) }) {
                    started.append(thread)
                } else {
                    inline.append(iteration)
                }
            }
            inline.forEach(body)
            started.forEach { $0.join() }
        }
    }

    private final class Work {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
