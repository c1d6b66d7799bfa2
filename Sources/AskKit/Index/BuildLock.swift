import Foundation

/// The lock that serialises the builds of one index: a kernel `flock` on a hidden file beside it
/// (`.ask.sqlite.lock` for `ask.sqlite`).
///
/// The kernel releases the lock when its process ends, however it ends, so a killed build leaves no stale lock. The
/// lock file is created empty and never written, truncated or removed, so even a file of the user's at that path
/// would come to no harm; a path that is not a regular file (a pipe, a folder, a link) is refused.
final class BuildLock {
    /// The lock file.
    let url: URL
    private let descriptor: Int32

    /// Opens (creating when needed) the lock file of `index`, without locking it.
    /// - Throws: ``AskError/buildFailed(_:reason:)`` when the file cannot be opened or is not a regular file.
    init(for index: URL) throws {
        url = index.deletingLastPathComponent().appendingPathComponent(".\(index.lastPathComponent).lock")
        let flags = O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY
        var opened = open(url.path, O_RDWR | O_CREAT | flags, 0o644)
        if opened < 0, errno == EROFS || errno == EACCES || errno == EPERM {
            opened = open(url.path, O_RDONLY | flags)
        }
        guard opened >= 0 else {
            throw AskError.buildFailed(
                index.path, reason: "cannot open the lock file \(url.path): \(IndexFile.systemMessage(errno))")
        }
        var info = stat()
        guard fstat(opened, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(opened)
            throw AskError.buildFailed(index.path, reason: "\(url.path) is not a regular file, so it cannot be the lock")
        }
        descriptor = opened
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock if no other build holds it; true when taken.
    func tryLock() -> Bool {
        flock(descriptor, LOCK_EX | LOCK_NB) == 0
    }

    /// Takes the lock, waiting for another build to finish; `waiting` is called once first when it has to wait.
    func lock(waiting: () -> Void) throws {
        if tryLock() { return }
        waiting()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw AskError.buildFailed(url.path, reason: "cannot lock: \(IndexFile.systemMessage(errno))")
            }
        }
    }
}
