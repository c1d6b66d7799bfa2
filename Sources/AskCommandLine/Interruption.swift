import ArgumentParser
import Foundation

/// The signal that asked the process to stop, stored by the handler; 0 while none came. A plain store of an `Int32`
/// is all the handler does (async-signal-safe), and the loop reads it between two items.
nonisolated(unsafe) private var caughtSignal: Int32 = 0

/// Catches SIGINT and SIGTERM so that a loop can stop between two items instead of in the middle of one: the line
/// being written is finished, nothing is left half-written, and the process then exits as interrupted (128 + the
/// signal's number). Needs no thread, so it works under any resource limit.
enum Interruption {
    /// Starts catching the signals, for the rest of the process. They are unblocked too: a process may inherit
    /// them blocked from its parent (a test runner's thread, say), and a blocked signal would never stop the loop.
    static func catchSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM] {
            signal(number) { caughtSignal = $0 }
            sigaddset(&signals, number)
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// True once a signal came.
    static var isInterrupted: Bool { caughtSignal != 0 }

    /// The exit to take when a signal came, to be thrown between two items.
    static func exitIfInterrupted() throws {
        if caughtSignal != 0 { throw ExitCode(128 + caughtSignal) }
    }
}
