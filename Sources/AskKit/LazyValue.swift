import Foundation

/// A value made once, on first use, by whichever thread asks first; a failed attempt is tried again next time.
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    /// The value, made by `make` if this is the first successful request.
    func value(make: () throws -> Value) rethrows -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = try make()
        stored = made
        return made
    }
}
