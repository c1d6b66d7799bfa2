import Foundation

/// A corpus file's bytes, with its size and date as the read saw them. Read with POSIX calls, so that a failure
/// names its cause as the system does ("no such file or directory", "permission denied") and a file swapped for a
/// pipe or a folder after listing never blocks.
struct FileContents {
    var bytes: Data
    /// The size and modification date of the file that was read (`fstat` of the open file).
    var size: Int
    var modified: Date

    /// Reads the regular file at `path`.
    /// - Throws: `POSIXError` with the code the system gave.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.error() }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.error() }
        guard info.st_mode & S_IFMT == S_IFREG else { throw POSIXError(.EISDIR) }
        // One byte more than the size, so the read that finds the end needs no larger buffer.
        var data = Data(count: Int(info.st_size) + 1)
        var length = 0
        while true {
            if length == data.count { data.count *= 2 }
            let count = data.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + length, buffer.count - length)
            }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.error()
            }
            length += count
        }
        data.count = length
        bytes = data
        // The status after the read: a file written while it was read shows a newer date than the listing's.
        if fstat(descriptor, &info) != 0 { throw Self.error() }
        size = Int(info.st_size)
        modified = Corpus.modificationDate(info)
    }

    /// Words for a person: the system's message for a POSIX error, lower-cased; Foundation's description otherwise.
    static func describe(_ error: Error) -> String {
        if let error = error as? POSIXError, let message = String(validatingCString: strerror(error.code.rawValue)) {
            return message.lowercased()
        }
        return (error as NSError).localizedDescription
    }

    private static func error() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}
