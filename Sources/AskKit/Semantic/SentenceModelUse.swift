import Foundation

/// Which sentence model embeds an index's passages beside the table of token vectors (``IndexBuilder/sentenceModel``),
/// and embeds questions to search them (``AskEngine``).
public enum SentenceModelUse: Sendable {
    /// The one the index was built with, read from the folder it records; none when it records none.
    case asRecorded
    /// None: a build rebuilds an index made with one without it; an engine ranks without it.
    case none
    /// This one: a build rebuilds an index made without it or with another.
    case model(SentenceModel)

    /// Whether this asks for other sentence vectors than those of the model an index records (`nil`: none).
    func asksForAnother(than recorded: String?) -> Bool {
        switch self {
        case .asRecorded: false
        case .none: recorded != nil
        case .model(let model): model.fingerprint != recorded
        }
    }
}
