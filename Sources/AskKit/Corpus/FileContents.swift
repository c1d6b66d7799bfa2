import Foundation

/// Reads a corpus file's bytes with POSIX calls, so that a failure names its cause as the system does ("no such
/// file or directory", "permission denied") and a file swapped for a pipe or a folder after listing never blocks.
enum FileContents {
    /// The bytes of the regular file at `path`.
    /// - Throws: `POSIXError` with the code the system gave.
    static func bytes(of path: String) throws -> Data {
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
        return data
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
