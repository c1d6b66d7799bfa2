import Foundation

/// The errors AskKit reports, each with a message a person can act on.
public enum AskError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The corpus folder does not exist or is not a folder.
    case corpusMissing(String)
    /// The corpus folder holds no document the engine could read.
    case corpusEmpty(String, skipped: Int)
    /// No index file at this path.
    case indexMissing(String)
    /// The file is not a readable ask index: damaged, empty, or another program's file.
    case indexUnreadable(String, reason: String)
    /// The index was built by another version of ask and must be rebuilt.
    case indexOutdated(String, found: Int, expected: Int)
    /// Building the index failed; the previous index, if any, is untouched.
    case buildFailed(String, reason: String)
    /// A file could not be read or written.
    case fileUnreadable(String, reason: String)

    public var description: String {
        switch self {
        case .corpusMissing(let path):
            "corpus folder not found: \(path) (pass --corpus DIR or set ASK_CORPUS)"
        case .corpusEmpty(let path, let skipped):
            "no readable documents in \(path)" + (skipped > 0 ? " (\(skipped) files skipped)" : "")
                + ": add .txt, .md, .html or .jsonl files"
        case .indexMissing(let path):
            "no index at \(path): run `ask index`"
        case .indexUnreadable(let path, let reason):
            "\(path) is not a usable ask index (\(reason)): run `ask index` to rebuild it"
        case .indexOutdated(let path, let found, let expected):
            "\(path) was built by another version of ask (schema \(found), expected \(expected)): run `ask index`"
        case .buildFailed(let path, let reason):
            "building \(path) failed: \(reason); the previous index is unchanged"
        case .fileUnreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
