/// The checks both servers make of a caller's arguments (an HTTP query's parameters, an MCP tool's arguments), and
/// the sentence that says what is wrong.
enum ArgumentCheck {
    /// The longest question or query taken, in characters.
    static let questionCharacters = 2_000
    /// How many passages a search may ask for, and how many it gets when it does not say.
    static let passageLimits = 1...50
    static let defaultPassageLimit = 10

    /// An argument a request cannot use.
    struct Failure: Error {
        /// True when the argument is too long, rather than missing or malformed (HTTP answers 413 then, not 400).
        var isTooLong = false
        var message: String
    }

    /// A question, query or name: present, not blank, at most `maximumCharacters` long.
    static func text(_ name: String, _ value: String?, maximumCharacters: Int) throws(Failure) -> String {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw Failure(message: "`\(name)` is required and may not be blank")
        }
        guard value.count <= maximumCharacters else {
            throw Failure(isTooLong: true, message: "`\(name)` is longer than \(maximumCharacters) characters")
        }
        return value
    }

    /// A whole number in `range`, when the argument is given (`given`); `value` is `nil` when it is given but is not
    /// a whole number.
    static func integer(_ name: String, _ value: Int?, given: Bool, in range: ClosedRange<Int>) throws(Failure)
        -> Int?
    {
        guard given else { return nil }
        guard let value, range.contains(value) else {
            let bounds = range.upperBound == .max
                ? "at least \(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            throw Failure(message: "`\(name)` must be a whole number, \(bounds)")
        }
        return value
    }
}
