import Foundation

/// A program of the system that a reader runs as a separate process (`pdftotext` for PDFs), found on `PATH`.
///
/// A separate process keeps a crash or a hang of the program out of the build: what it prints is read, what it
/// cannot do is reported, and it is stopped when it takes longer than its time limit.
struct ExternalProgram: Sendable {
    /// The program's file.
    var url: URL
    /// How long one run may take before it is stopped.
    var timeLimit: TimeInterval

    /// What one run gave.
    struct Output {
        /// The exit status; `nil` when the run was stopped at the time limit.
        var status: Int32?
        var standardOutput: Data
        var standardError: Data

        /// The first line the program printed on its standard error, for a warning.
        var firstErrorLine: String? {
            String(decoding: standardError, as: UTF8.self).split(whereSeparator: \.isNewline).first
                .map { String($0).collapsingWhitespace() }
        }
    }

    /// The program named `name` in a folder of `PATH`, or `nil` when none is there.
    init?(named name: String, timeLimit: TimeInterval) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let found = path.split(separator: ":").lazy
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        guard let found else { return nil }
        self.url = found
        self.timeLimit = timeLimit
    }

    /// Runs the program with `input` on its standard input and returns what it printed. Input and both outputs go
    /// through pipes served by their own threads, so that a program that prints before reading all its input never
    /// blocks.
    func run(arguments: [String], input: Data) throws -> Output {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let (inputPipe, outputPipe, errorPipe) = (Pipe(), Pipe(), Pipe())
        process.standardInput = inputPipe
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        try process.run()
        let group = DispatchGroup()
        let errors = Collected()
        DispatchQueue.global().async(group: group) {
            // A program that exits without reading all of its input closes the pipe: the write then fails, harmlessly.
            try? inputPipe.fileHandleForWriting.write(contentsOf: input)
            try? inputPipe.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: group) {
            errors.data = (try? errorPipe.fileHandleForReading.readToEnd()) ?? Data()
        }
        let stopped = Collected()
        let deadline = DispatchWorkItem {
            stopped.data = Data([1])
            process.terminate()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: deadline)
        let output = (try? outputPipe.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        deadline.cancel()
        group.wait()
        return Output(
            status: stopped.data.isEmpty ? process.terminationStatus : nil, standardOutput: output,
            standardError: errors.data)
    }

    /// Bytes written by one thread and read by another after it is done.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var value = Data()
        var data: Data {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }
}
