import Foundation

/// Tells when a corpus folder changes, for `ask index --watch`: through the kernel's file notifications (inotify) on
/// Linux, by comparing listings every ``pollInterval`` elsewhere or when the system's limit of watches is reached.
///
/// Every folder the corpus's listing walks is watched (hidden folders are not, as builds do not read them); folders
/// created later are watched from the next change on. A burst of changes (a copy of many files, an editor's
/// save-by-rename) is reported once, when the folder has been quiet for ``quietPeriod``.
public final class CorpusWatcher {
    /// How changes are noticed.
    public enum Mode: Sendable, Equatable {
        /// The kernel reports them (inotify).
        case notifications
        /// Listings are compared every ``CorpusWatcher/pollInterval``; `reason` says why notifications are not used.
        case polling(reason: String)
    }

    /// The corpus folder.
    public let corpus: URL
    /// How changes are noticed now.
    public private(set) var mode: Mode
    /// How long the folder must stay unchanged before a change is reported.
    public var quietPeriod: TimeInterval = 0.2
    /// How often a polling watcher lists the folder.
    public var pollInterval: TimeInterval = 1

    #if os(Linux)
    private var descriptor: Int32 = -1
    private var watched: Set<String> = []
    #endif
    private var lastFingerprint: String?

    /// Starts watching the corpus folder.
    /// - Throws: ``AskError/corpusMissing(_:)`` when it does not exist.
    public convenience init(corpus: URL) throws {
        try self.init(corpus: corpus, polling: false)
    }

    /// Starts watching, by polling when `polling` (as when notifications are unavailable).
    init(corpus: URL, polling: Bool) throws {
        self.corpus = corpus.standardizedFileURL
        #if os(Linux)
        mode = .notifications
        if polling {
            mode = .polling(reason: "asked to poll")
        } else {
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if descriptor < 0 {
                mode = .polling(reason: "file notifications are unavailable: \(IndexFile.systemMessage(errno))")
            }
        }
        #else
        mode = .polling(reason: "file notifications are used on Linux only")
        #endif
        try watchFolders()
    }

    deinit {
        #if os(Linux)
        if descriptor >= 0 { close(descriptor) }
        #endif
    }

    /// Waits until the corpus changes and then stays quiet for ``quietPeriod``; returns `true` then, or `false` when
    /// `shouldStop` says so first (it is asked a few times a second).
    public func waitForChange(shouldStop: () -> Bool = { false }) throws -> Bool {
        while !shouldStop() {
            if try changed(within: 0.25) {
                // Quiet for a while before the change counts: the rest of a burst joins it.
                while try changed(within: quietPeriod) {}
                try watchFolders()
                return true
            }
        }
        return false
    }

    /// True when a change came within `interval`.
    private func changed(within interval: TimeInterval) throws -> Bool {
        #if os(Linux)
        if mode == .notifications {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, Int32(interval * 1000)) > 0 else { return false }
            // The events themselves do not matter: any of them is a change, and the build finds what changed.
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while read(descriptor, &buffer, buffer.count) > 0 {}
            return true
        }
        #endif
        Thread.sleep(forTimeInterval: min(interval, pollInterval))
        let fingerprint = try Corpus(corpus).fingerprint()
        defer { lastFingerprint = fingerprint }
        return lastFingerprint != nil && fingerprint != lastFingerprint
    }

    /// Watches every folder of the listing not watched yet; when the system's limit of watches is reached, turns to
    /// polling, saying so.
    private func watchFolders() throws {
        #if os(Linux)
        guard mode == .notifications else { return try primePolling() }
        let listing = try Corpus(corpus).listing()
        var folders: Set<String> = [corpus.path]
        for entry in listing.entries {
            var folder = (entry.fullPath as NSString).deletingLastPathComponent
            while folder.count > corpus.path.count, folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        let events = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        for folder in folders.subtracting(watched).sorted() {
            if inotify_add_watch(descriptor, folder, events) >= 0 {
                watched.insert(folder)
            } else if errno == ENOSPC {
                mode = .polling(reason: "the system's limit of file watches is reached (fs.inotify.max_user_watches)")
                close(descriptor)
                descriptor = -1
                return try primePolling()
            }
        }
        #else
        try primePolling()
        #endif
    }

    /// Records the listing a polling watcher compares the next ones with.
    private func primePolling() throws {
        lastFingerprint = try Corpus(corpus).fingerprint()
    }
}
