import Foundation

/// The errors AskKit reports, each with a message a person can act on.
public enum AskError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The corpus folder does not exist or is not a folder.
    case corpusMissing(String)
    /// The corpus folder exists but cannot be read (permissions, too many open files…).
    case corpusUnreadable(String, reason: String)
    /// The corpus folder holds no document the engine could read.
    case corpusEmpty(String, skipped: Int)
    /// No index file at this path.
    case indexMissing(String)
    /// Something at the index path that is not an ask index (another program's file, a folder, a pipe…): it is
    /// never opened for writing, replaced or removed.
    case notAnIndex(String, reason: String)
    /// An ask index that cannot be used: damaged, or left half-written.
    case indexUnreadable(String, reason: String)
    /// The index was built by an older version of ask and must be rebuilt.
    case indexOutdated(String, found: Int, expected: Int)
    /// The index was built by a newer version of ask; this version neither reads nor silently replaces it.
    case indexFromNewerVersion(String, found: Int, supported: Int)
    /// Building the index failed; the previous index, if any, is untouched.
    case buildFailed(String, reason: String)
    /// A file could not be read.
    case fileUnreadable(String, reason: String)
    /// A file or standard output could not be written.
    case writeFailed(String, reason: String)
    /// `ask train` had nothing to learn from.
    case trainingFailed(String)
    /// The table of token vectors that semantic matching needs cannot be read.
    case embeddingTableUnreadable(String)
    /// The sentence model given to read meaning cannot be read.
    case sentenceModelUnreadable(String)
    /// The index holds no document of this name.
    case documentNotFound(String)
    /// The index at this path holds no passage vectors that this build's table of token vectors made.
    case noPassageVectors(String)

    public var description: String {
        switch self {
        case .corpusMissing(let path):
            "corpus folder not found: \(path) (pass --corpus DIR or set ASK_CORPUS)"
        case .corpusUnreadable(let path, let reason):
            "cannot read the corpus folder \(path): \(reason)"
        case .corpusEmpty(let path, let skipped):
            "no readable documents in \(path)" + (skipped > 0 ? " (\(skipped) files skipped)" : "")
                + ": add .txt, .md, .html, .jsonl, .pdf, .docx, .odt or .epub files"
        case .indexMissing(let path):
            "no index at \(path): run `ask index`"
        case .notAnIndex(let path, let reason):
            "\(path) is not an ask index (\(reason)); it is left as it is: choose another --index path"
        case .indexUnreadable(let path, let reason):
            "\(path) is not a usable ask index (\(reason)): run `ask index` to rebuild it"
        case .indexOutdated(let path, let found, let expected):
            "\(path) was built by an older version of ask (index format \(found), this version uses \(expected)): "
                + "run `ask index`"
        case .indexFromNewerVersion(let path, let found, let supported):
            "\(path) was built by a newer version of ask (index format \(found); this version reads \(supported)): "
                + "use that version, or `ask index --full` to rebuild it for this one"
        case .buildFailed(let path, let reason):
            "building \(path) failed: \(reason); the previous index is unchanged"
        case .fileUnreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .writeFailed(let path, let reason):
            "cannot write \(path): \(reason)"
        case .trainingFailed(let reason):
            "cannot fit an answer model: \(reason)"
        case .embeddingTableUnreadable(let reason):
            "cannot read the table of token vectors: \(reason) (pass --lexical to search by words alone)"
        case .sentenceModelUnreadable(let reason):
            "cannot read the sentence model: \(reason)"
        case .documentNotFound(let document):
            "the index holds no document \(document): use the `doc` of a search result"
        case .noPassageVectors(let path):
            "\(path) holds no passage vectors of this version's token vectors: rebuild it with `ask index --full`"
        }
    }

    public var errorDescription: String? { description }
}
