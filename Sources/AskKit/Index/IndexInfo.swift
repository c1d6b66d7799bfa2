import Foundation

/// What an index file says about itself.
public struct IndexInfo: Sendable, Hashable, Codable {
    /// The layout version of the file.
    public var schemaVersion: Int
    /// When the index was built (ISO 8601).
    public var builtAt: String
    /// The corpus fingerprint at build time; see ``Corpus/fingerprint()``.
    public var corpusFingerprint: String
    /// Where the corpus was, relative to the index's folder (`../Corpus`); empty for indexes that did not record it.
    public var corpusLocation: String
    /// A hash of the synonyms file the stored list came from.
    public var synonymsFingerprint: String
    /// How many documents the index holds.
    public var documents: Int
    /// How many passages the index holds.
    public var passages: Int
    /// How many tokens (indexed words) the passages hold in all.
    public var tokens: Int
    /// The corpus's disclaimer when the index was built (see ``Corpus/disclaimerFileName``); `nil` without one.
    public var disclaimer: String?
    /// The ``TextEmbedder/fingerprint`` of the table that made the passages' vectors; `nil` when the index has none.
    public var vectorTable: String?
    /// The ``SentenceModel/fingerprint`` of the sentence model that made the passages' sentence vectors
    /// (`ask index --sentence-model`); `nil` when the index has none.
    public var sentenceModel: String? = nil
    /// The folder that model was read from, as given to the build: where engines read it to embed questions.
    public var sentenceModelFolder: String? = nil
}
