import Foundation

/// What stands at an index path, told from the file's type and its first 100 bytes (SQLite's header) without
/// opening it as a database, and the one way an index file is replaced.
///
/// A file is an ask index only when it says so: a SQLite header whose application id is ``IndexSchema/applicationID``.
/// Anything else (another program's database, a text file, a folder, a pipe, a device) is never opened for writing,
/// replaced or removed.
enum IndexFile {
    /// What is at the path.
    enum Status: Equatable {
        /// Nothing.
        case missing
        /// An ask index of this layout version (possibly damaged past its header).
        case ours(version: Int)
        /// Anything else, with what it is in words for a person.
        case foreign(String)
    }

    /// The size of SQLite's file header.
    private static let headerSize = 100

    /// What is at `url`. Follows a symbolic link to what it points at; never blocks (a pipe is not opened).
    static func status(of url: URL) -> Status {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            return errno == ENOENT ? .missing : .foreign("cannot inspect it: \(systemMessage(errno))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .foreign("a folder")
        case S_IFIFO: return .foreign("a named pipe")
        case S_IFSOCK: return .foreign("a socket")
        case S_IFCHR, S_IFBLK: return .foreign("a device")
        default: return .foreign("not a regular file")
        }
        if info.st_size == 0 { return .foreign("an empty file") }
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return .foreign("cannot read it: \(systemMessage(errno))") }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: headerSize)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, headerSize) }
        guard count == headerSize, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            return .foreign("not a SQLite file")
        }
        func bigEndian(at offset: Int) -> UInt32 {
            header[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
        guard Int32(bitPattern: bigEndian(at: 68)) == IndexSchema.applicationID else {
            return .foreign("a SQLite file of another program")
        }
        return .ours(version: Int(Int32(bitPattern: bigEndian(at: 60))))
    }

    /// The files SQLite keeps beside a database while it writes (`-journal`, `-wal`, `-shm`).
    static func sideFiles(of index: URL) -> [String] {
        ["-journal", "-wal", "-shm"].map { index.path + $0 }
    }

    /// Puts a complete, flushed index file in place of the one at `index`, by rename, so readers see the old file or
    /// the new one and never a mix.
    ///
    /// A journal or write-ahead log beside the old file belongs to it: SQLite would roll it into the new file on the
    /// next open and damage it. They are removed first; the caller holds the build lock, so no build of ours is
    /// writing them.
    static func replace(_ index: URL, with built: URL) throws {
        for side in sideFiles(of: index) where unlink(side) != 0 && errno != ENOENT {
            throw AskError.buildFailed(
                index.path, reason: "cannot remove the stale journal \(side): \(systemMessage(errno))")
        }
        guard rename(built.path, index.path) == 0 else {
            throw AskError.buildFailed(index.path, reason: systemMessage(errno))
        }
    }

    /// The system's message for an error number, lower-cased ("permission denied").
    static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
