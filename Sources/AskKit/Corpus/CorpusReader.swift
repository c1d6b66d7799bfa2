import Foundation

/// A file left out of the index, and why.
public struct SkippedFile: Sendable, Hashable, Codable {
    /// The path relative to the corpus folder.
    public var path: String
    /// Why it was skipped, in words fit for a person: "binary file", "not UTF-8 text", "empty file"…
    public var reason: String
    /// What kind of reason it is.
    public var cause: Cause

    /// What kind of reason a file was skipped for.
    public enum Cause: String, Sendable, Hashable, Codable {
        /// Its content or kind cannot be indexed (binary, empty, not UTF-8, unsupported type, a symbolic link).
        case unusable
        /// It exists but could not be read (permissions, too many open files, an I/O error): an incremental build
        /// keeps what it indexed of it before.
        case unreadable
        /// It was removed after the folder was listed.
        case gone
        /// Reading it needs a program that is not installed (`pdftotext` for PDFs): it is read once the program
        /// is there, and a build names the program once rather than once per file.
        case needsTool
    }

    /// A skipped file.
    public init(path: String, reason: String, cause: Cause = .unusable) {
        self.path = path
        self.reason = reason
        self.cause = cause
    }
}

/// A corpus file read into documents.
public struct ReadFile: Sendable {
    /// The path relative to the corpus folder.
    public var path: String
    /// A hash of the file's bytes, to tell when it changed.
    public var contentHash: String
    /// The file's size in bytes when read.
    public var size: Int
    /// The file's modification date when read: with an unchanged size, it spares re-reading the file.
    public var modified: Date
    /// The documents the file holds.
    public var documents: [SourceDocument]
}

/// Reads the files of a corpus folder into documents, skipping with a warning every file it cannot use.
public struct CorpusReader: Sendable {
    /// The readers tried, by file extension.
    public var readers: [any DocumentReader]

    /// A corpus reader with the given document readers.
    public init(readers: [any DocumentReader] = DocumentReaders.standard) {
        self.readers = readers
    }

    /// The outcome of reading one file.
    public enum Outcome: Sendable {
        case read(ReadFile, warnings: [String])
        case skipped(SkippedFile)
    }

    /// Reads one file of the folder. Never throws: what cannot be read is reported as skipped.
    public func read(_ entry: Corpus.Entry) -> Outcome {
        func skip(_ reason: String, _ cause: SkippedFile.Cause = .unusable) -> Outcome {
            .skipped(SkippedFile(path: entry.path, reason: reason, cause: cause))
        }
        if entry.isSymbolicLink { return skip("symbolic link, not followed") }
        guard let reader = DocumentReaders.reader(forFileNamed: entry.path, among: readers) else {
            return skip("unsupported file type")
        }
        let contents: FileText
        switch Self.contents(of: entry, asText: !(reader is any BinaryDocumentReader)) {
        case .success(let text): contents = text
        case .failure(let reason): return skip(reason.description, reason.cause)
        }
        let result = switch contents.content {
        case .text(let text): reader.read(text, file: entry.path)
        case .bytes(let bytes): (reader as! any BinaryDocumentReader).read(bytes: bytes, file: entry.path)
        }
        if result.documents.isEmpty {
            return skip(result.warnings.first ?? "no documents found", result.cause)
        }
        let file = ReadFile(
            path: entry.path, contentHash: contents.contentHash, size: contents.size, modified: contents.modified,
            documents: result.documents)
        return .read(file, warnings: result.warnings)
    }

    /// Why a file's text could not be had.
    private struct SkipReason: Error, CustomStringConvertible {
        var description: String
        var cause: SkippedFile.Cause = .unusable
    }

    /// A file's text (or bytes, for a binary reader), the hash of its bytes, and its size and date as read (they
    /// may differ from the listing's).
    private struct FileText {
        enum Content {
            case text(String)
            case bytes(Data)
        }
        var content: Content
        var contentHash: String
        var size: Int
        var modified: Date
    }

    /// A file's text (its bytes when not `asText`) and the hash of its bytes. Its bytes are let go on return, before
    /// the text is cut into documents (they are as large as the text). A large file is hashed on one core while it
    /// is decoded on another.
    private static func contents(of entry: Corpus.Entry, asText: Bool) -> Result<FileText, SkipReason> {
        let contents: FileContents
        do {
            contents = try FileContents(path: entry.fullPath)
        } catch {
            let isGone = (error as? POSIXError)?.code == .ENOENT
            return .failure(SkipReason(
                description: "unreadable: \(FileContents.describe(error))", cause: isGone ? .gone : .unreadable))
        }
        let data = contents.bytes
        guard asText else {
            if data.isEmpty { return .failure(SkipReason(description: "empty file")) }
            return .success(FileText(
                content: .bytes(data), contentHash: StableHasher.hash(data), size: contents.size,
                modified: contents.modified))
        }
        let isCompressed = entry.path.lowercased().hasSuffix(".gz")
        let (contentHash, decoded) = data.count < concurrentHashingBytes
            ? (StableHasher.hash(data), decodedText(of: data, isCompressed: isCompressed))
            : concurrently({ StableHasher.hash(data) }, { decodedText(of: data, isCompressed: isCompressed) })
        return decoded.map {
            FileText(content: .text($0), contentHash: contentHash, size: contents.size, modified: contents.modified)
        }
    }

    /// From how many bytes on a file is hashed and decoded at once (below it, a second thread costs more than it saves).
    private static let concurrentHashingBytes = 1 << 20

    /// The text of a file's bytes, inflated first when the file is gzip-compressed.
    private static func decodedText(of data: Data, isCompressed: Bool) -> Result<String, SkipReason> {
        var data = data
        if isCompressed {
            guard Gzip.isCompressed(data), let inflated = try? Gzip.decompress(data) else {
                return .failure(SkipReason(description: "not valid gzip data"))
            }
            data = inflated
        }
        if data.isEmpty { return .failure(SkipReason(description: "empty file")) }
        guard let text = decode(data) else {
            return .failure(SkipReason(description: holdsNUL(data.prefix(8192)) ? "binary file" : "not UTF-8 text"))
        }
        if text.allSatisfy(\.isWhitespace) { return .failure(SkipReason(description: "empty file")) }
        return .success(text)
    }

    /// Decodes UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark; `nil` for anything
    /// else, including text with NUL bytes, which is how binary files show.
    static func decode(_ data: Data) -> String? {
        let bytes = [UInt8](data.prefix(3))
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard !Self.holdsNUL(body) else { return nil }
        return String(data: body, encoding: .utf8)
    }

    /// True when the bytes hold a NUL (`memchr`: a `Data` iterator costs a call per byte).
    private static func holdsNUL(_ data: Data) -> Bool {
        data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0, bytes.count) != nil
        }
    }
}
