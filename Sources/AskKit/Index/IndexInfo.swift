import Foundation

/// What an index file says about itself.
public struct IndexInfo: Sendable, Hashable, Codable {
    public var schemaVersion: Int
    /// When the index was built (ISO 8601).
    public var builtAt: String
    /// The corpus fingerprint at build time; see ``Corpus/fingerprint()``.
    public var corpusFingerprint: String
    /// A hash of the synonyms file the stored list came from.
    public var synonymsFingerprint: String
    public var documents: Int
    public var passages: Int
}
