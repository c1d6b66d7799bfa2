import Foundation

/// A corpus: a folder of documents (with its synonyms file), or one file such as a BEIR `corpus.jsonl.gz`.
///
/// In a folder, files and folders whose names start with a dot are ignored, and so are `synonyms.txt` and
/// `disclaimer.txt` at the top, which hold the corpus's settings rather than documents. Symbolic links are not followed, so a scan never leaves the
/// folder and never loops; each one is reported as skipped. Files ending in `.gz` are read decompressed.
public struct Corpus: Sendable {
    /// The name of the synonyms file at the top of a corpus folder.
    public static let synonymsFileName = "synonyms.txt"
    /// The name of the file at the top of a corpus folder whose text is printed under every answer from the corpus
    /// ("General information…, not medical advice." for a health corpus); a corpus without one has no disclaimer.
    public static let disclaimerFileName = "disclaimer.txt"

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

    /// The disclaimer file of a folder corpus, whether or not it exists; `nil` for a one-file corpus.
    public var disclaimerURL: URL? {
        isFolder ? url.appendingPathComponent(Self.disclaimerFileName) : nil
    }

    /// The corpus's disclaimer: the text of its disclaimer file with its white space folded; `nil` without one.
    public func disclaimer() throws -> String? {
        let folded = try settingsText(at: disclaimerURL)?.collapsingWhitespace()
        return folded?.isEmpty == false ? folded : nil
    }

    /// The text of one of the corpus's settings files (``synonymsFileName``, ``disclaimerFileName``); `nil` when
    /// the corpus has no such file.
    /// - Throws: ``AskError/fileUnreadable(_:reason:)`` when it exists but is not readable UTF-8 text.
    func settingsText(at url: URL?) throws -> String? {
        guard let url, FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw AskError.fileUnreadable(url.path, reason: "not readable UTF-8 text")
        }
        return text
    }

    private var isFolder: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// A file found in the folder.
    public struct Entry: Sendable, Hashable {
        /// The path relative to the corpus folder, with `/` separators.
        public var path: String
        /// The file's full path.
        public var fullPath: String
        /// Its size in bytes.
        public var size: Int
        /// When it was last modified.
        public var modified: Date
        /// True for a symbolic link, which is never followed.
        public var isSymbolicLink: Bool

        /// The file.
        public var url: URL { URL(fileURLWithPath: fullPath, isDirectory: false) }

        /// The entry as a build records a file it could not read: with no size or date it can vouch for, so that
        /// no listing matches it and a later build tries the file again.
        static func unread(_ entry: Entry) -> Entry {
            var unread = entry
            (unread.size, unread.modified) = (-1, .distantPast)
            return unread
        }
    }

    /// What a walk of the corpus found: its files, and the folders it could not read.
    public struct Listing: Sendable {
        /// The files, sorted by relative path (for a one-file corpus, that file, named by its name).
        public var entries: [Entry]
        /// Folders that exist but could not be read (permissions, too many open files…), with why; their files are
        /// missing from ``entries``.
        public var unreadableFolders: [SkippedFile]
        /// The corpus root's device and inode when listed, to tell later whether it is still the same folder.
        var root: FileIdentity?
    }

    /// A file's identity on its file system: the same across renames within it, different for a new file (an
    /// index that a build renamed over the old one, say).
    public struct FileIdentity: Sendable, Equatable {
        var device: UInt64
        var inode: UInt64

        /// The identity of what is at `path` now; `nil` when nothing is.
        public init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// The files of the corpus, sorted by relative path (for a one-file corpus, that file, named by its name).
    /// Folders that cannot be read are left out; ``listing()`` names them.
    /// - Throws: ``AskError/corpusMissing(_:)`` when nothing exists at the corpus's path,
    ///   ``AskError/corpusUnreadable(_:reason:)`` when the corpus folder itself cannot be read.
    public func entries() throws -> [Entry] {
        try listing().entries
    }

    /// The files of the corpus and the folders in it that could not be read.
    /// - Throws: ``AskError/corpusMissing(_:)`` when nothing exists at the corpus's path,
    ///   ``AskError/corpusUnreadable(_:reason:)`` when the corpus folder itself cannot be read.
    public func listing() throws -> Listing {
        let root = FileIdentity(path: url.path)
        guard root != nil else { throw AskError.corpusMissing(url.path) }
        guard isFolder else {
            let status = Self.status(of: url.path)
            let entry = Entry(path: url.lastPathComponent, fullPath: url.path, size: status?.size ?? 0,
                              modified: status?.modified ?? .distantPast, isSymbolicLink: false)
            return Listing(entries: [entry], unreadableFolders: [], root: root)
        }
        var listing = Listing(entries: [], unreadableFolders: [], root: root)
        Self.collect(folder: url.path, relativePath: "", into: &listing)
        if let top = listing.unreadableFolders.first(where: { $0.path.isEmpty }) {
            throw AskError.corpusUnreadable(url.path, reason: top.reason)
        }
        listing.entries.sort { $0.path < $1.path }
        listing.unreadableFolders.sort { $0.path < $1.path }
        return listing
    }

    /// Walks a folder with `readdir` and `fstatat` relative to the folder (Foundation's URL enumerator costs
    /// ~80 µs a file): hidden names are left out, symbolic links are listed but never followed. The names of a large
    /// folder are stat-ed on every core: the kernel's path lookups are most of the time a build or a freshness check
    /// spends on a folder of many small files. A folder that exists but cannot be opened, or whose names cannot be
    /// looked up, is listed as unreadable; one that vanished since its parent was read is simply gone.
    private static func collect(folder: String, relativePath: String, into listing: inout Listing) {
        func unreadable(_ code: Int32) {
            let reason = "unreadable: \(IndexFile.systemMessage(code))"
            listing.unreadableFolders.append(SkippedFile(path: relativePath, reason: reason, cause: .unreadable))
        }
        guard let directory = opendir(folder) else {
            if errno != ENOENT { unreadable(errno) }
            return
        }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var names: [String] = []
        while true {
            errno = 0
            guard let item = readdir(directory) else {
                if errno != 0 { return unreadable(errno) }
                break
            }
            let name = withUnsafeBytes(of: item.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        let status: @Sendable (String) -> (info: stat?, error: Int32) = { name in
            var info = stat()
            return fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? (info, 0) : (nil, errno)
        }
        let statuses = names.count < Self.namesStatedInParallel ? names.map(status) : names.concurrentMap(status)
        if let failure = statuses.first(where: { $0.info == nil && $0.error != ENOENT }) {
            return unreadable(failure.error)
        }
        for (name, status) in zip(names, statuses) {
            guard let info = status.info else { continue }
            let fullPath = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let path = relativePath.isEmpty ? name : relativePath + "/" + name
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                collect(folder: fullPath, relativePath: path, into: &listing)
            case S_IFREG, S_IFLNK:
                if path == synonymsFileName || path == disclaimerFileName { continue }
                listing.entries.append(Entry(
                    path: path, fullPath: fullPath, size: Int(info.st_size), modified: modificationDate(info),
                    isSymbolicLink: info.st_mode & S_IFMT == S_IFLNK))
            default:
                continue
            }
        }
    }

    /// From how many names on, a folder's names are stat-ed on every core.
    private static let namesStatedInParallel = 256

    private static func status(of path: String) -> (size: Int, modified: Date)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int(info.st_size), modificationDate(info))
    }

    static func modificationDate(_ info: stat) -> Date {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }

    /// A fingerprint of the folder's readable files (paths, sizes, modification times), of the folders it could
    /// not read, and of the synonyms file: it changes whenever a rebuild could give a different index.
    public func fingerprint() throws -> String {
        Self.fingerprint(of: try listing())
    }

    /// The fingerprint of a listing made by ``listing()``.
    static func fingerprint(of listing: Listing) -> String {
        var hasher = StableHasher()
        var readable = DocumentReaders.ReadableNames()
        for entry in listing.entries where readable.contain(entry.path) {
            hasher.combine(entry.path)
            hasher.combine(bytes: CollectionOfOne(UInt8(0)))  // paths hold no NUL: it ends the path
            hasher.combine(integer: UInt64(bitPattern: Int64(entry.size)))
            hasher.combine(integer: entry.modified.timeIntervalSince1970.bitPattern)
        }
        for folder in listing.unreadableFolders {
            hasher.combine("unreadable folder: " + folder.path)
            hasher.combine(bytes: CollectionOfOne(UInt8(0)))
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

    /// Combines the eight bytes of `value`, least significant first.
    mutating func combine(integer value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { combine(bytes: $0) }
    }

    /// The hash so far.
    var value: UInt64 { state }

    var hexDigest: String {
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func hash(_ data: Data) -> String {
        var hasher = StableHasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.hexDigest
    }
}
