import Foundation

/// A corpus: a folder of documents (with its synonyms file), or one file such as a BEIR `corpus.jsonl.gz`.
///
/// In a folder, files and folders whose names start with a dot are ignored, and so is `synonyms.txt` at the top,
/// which holds the synonym list rather than a document. Symbolic links are not followed, so a scan never leaves the
/// folder and never loops; each one is reported as skipped. Files ending in `.gz` are read decompressed.
public struct Corpus: Sendable {
    /// The name of the synonyms file at the top of a corpus folder.
    public static let synonymsFileName = "synonyms.txt"

    /// The folder or file.
    public let url: URL

    /// A corpus at a folder or file path.
    public init(_ url: URL) {
        self.url = url.standardizedFileURL
    }

    /// True when the corpus exists, as a folder or a file.
    public var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

    /// The synonyms file of a folder corpus, whether or not it exists; `nil` for a one-file corpus.
    public var synonymsURL: URL? {
        isFolder ? url.appendingPathComponent(Self.synonymsFileName) : nil
    }

    private var isFolder: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// A file found in the folder.
    public struct Entry: Sendable, Hashable {
        /// The path relative to the corpus folder, with `/` separators.
        public var path: String
        /// The file.
        public var url: URL
        /// Its size in bytes.
        public var size: Int
        /// When it was last modified.
        public var modified: Date
        /// True for a symbolic link, which is never followed.
        public var isSymbolicLink: Bool
    }

    /// The files of the corpus, sorted by relative path (for a one-file corpus, that file, named by its name).
    /// - Throws: ``AskError/corpusMissing(_:)`` when nothing exists at the corpus's path.
    public func entries() throws -> [Entry] {
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey, .contentModificationDateKey]
        guard exists else { throw AskError.corpusMissing(url.path) }
        guard isFolder else {
            let values = try? url.resourceValues(forKeys: Set(keys))
            return [Entry(path: url.lastPathComponent, url: url, size: values?.fileSize ?? 0,
                          modified: values?.contentModificationDate ?? .distantPast, isSymbolicLink: false)]
        }
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
