import Foundation

/// A corpus folder: the files in it that the engine reads, and the synonyms file beside them.
///
/// Files and folders whose names start with a dot are ignored, and so is `synonyms.txt` at the top, which holds
/// the synonym list rather than a document. Symbolic links are not followed, so a scan never leaves the folder
/// and never loops; each one is reported as skipped.
public struct CorpusFolder: Sendable {
    /// The name of the synonyms file at the top of a corpus folder.
    public static let synonymsFileName = "synonyms.txt"

    /// The folder.
    public let url: URL

    public init(_ url: URL) {
        self.url = url.standardizedFileURL
    }

    /// The synonyms file of this corpus, whether or not it exists.
    public var synonymsURL: URL { url.appendingPathComponent(Self.synonymsFileName) }

    /// A file found in the folder.
    public struct Entry: Sendable, Hashable {
        /// The path relative to the corpus folder, with `/` separators.
        public var path: String
        public var url: URL
        public var size: Int
        public var modified: Date
        public var isSymbolicLink: Bool
    }

    /// The files of the folder, sorted by relative path.
    /// - Throws: ``AskError/corpusMissing(_:)`` when the folder does not exist or is not a folder.
    public func entries() throws -> [Entry] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw AskError.corpusMissing(url.path) }
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey, .contentModificationDateKey]
        guard let enumerator = FileManager.default.enumerator(
            at: url, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { throw AskError.corpusMissing(url.path) }
        let basePath = url.path.hasSuffix("/") ? url.path : url.path + "/"
        var entries: [Entry] = []
        for case let fileURL as URL in enumerator {
            let values = try? fileURL.resourceValues(forKeys: Set(keys))
            let isLink = values?.isSymbolicLink ?? false
            guard isLink || values?.isRegularFile == true else { continue }
            let fullPath = fileURL.standardizedFileURL.path
            let path = fullPath.hasPrefix(basePath) ? String(fullPath.dropFirst(basePath.count)) : fileURL.lastPathComponent
            if path == Self.synonymsFileName { continue }
            entries.append(Entry(
                path: path, url: fileURL, size: values?.fileSize ?? 0,
                modified: values?.contentModificationDate ?? .distantPast, isSymbolicLink: isLink))
        }
        return entries.sorted { $0.path < $1.path }
    }

    /// A fingerprint of the folder's readable files (paths, sizes, modification times) and of the synonyms file:
    /// it changes whenever a rebuild could give a different index.
    public func fingerprint() throws -> String {
        var hasher = StableHasher()
        for entry in try entries() where DocumentReaders.reader(forFileNamed: entry.path) != nil {
            hasher.combine("\(entry.path)\u{0}\(entry.size)\u{0}\(entry.modified.timeIntervalSince1970)\u{0}")
        }
        return hasher.hexDigest
    }
}

/// FNV-1a, 64 bits: a stable hash (unlike `Hasher`, the same across runs) for change detection, not security.
struct StableHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01b3
        }
    }

    mutating func combine(_ string: String) {
        combine(bytes: string.utf8)
    }

    var hexDigest: String {
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func hash(_ data: Data) -> String {
        var hasher = StableHasher()
        hasher.combine(bytes: data)
        return hasher.hexDigest
    }
}
