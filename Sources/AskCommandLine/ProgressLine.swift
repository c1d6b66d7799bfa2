import AskKit
import Foundation

/// A build's progress, redrawn in place on one line of standard error. Only on a terminal, and only once the build
/// has run for a second, so short builds and piped output stay quiet; redrawn at most ten times a second.
final class ProgressLine {
    private let isTerminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    private var drawnAt: Double?
    private var drawnStage: BuildProgress.Stage?
    /// Lines are cut to this many characters, so they never wrap on a terminal of 80 columns.
    private static let width = 79

    /// Draws `progress` when it is due: a new stage at once, the same stage a tenth of a second after the last.
    func show(_ progress: BuildProgress) {
        if progress.stage == .waiting {
            // Said once, on any output: a build that waits would otherwise look hung.
            clear()
            return Terminal.note(progress.summary)
        }
        guard isTerminal, progress.seconds >= 1 else { return }
        let isNewStage = drawnStage.map { !Self.isSameKind($0, progress.stage) } ?? true
        if !isNewStage, let drawnAt, progress.seconds - drawnAt < 0.1 { return }
        drawnAt = progress.seconds
        drawnStage = progress.stage
        let line = Terminal.safe(progress.summary).prefix(Self.width)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    /// Removes the line, so that what follows starts on a clean one.
    func clear() {
        guard drawnStage != nil else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawnStage = nil
        drawnAt = nil
    }

    /// A warning on a line of its own; the progress line is drawn again with the next progress.
    func warn(_ message: String) {
        clear()
        Terminal.warn(message)
    }

    private static func isSameKind(_ one: BuildProgress.Stage, _ other: BuildProgress.Stage) -> Bool {
        switch (one, other) {
        case (.waiting, .waiting), (.reading, .reading), (.indexing, .indexing), (.finishing, .finishing),
            (.embedding, .embedding): true
        default: false
        }
    }
}
