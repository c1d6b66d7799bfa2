/// The version of AskKit and of the `ask` tool.
public enum AskVersion {
    /// The release, as `ask --version` prints it.
    public static let release = "0.1.0"
    /// The index layout this version writes and reads (`PRAGMA user_version` of an index file).
    public static var indexFormat: Int { IndexSchema.version }
}
