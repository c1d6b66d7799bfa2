import Foundation
import Logging
import MCP

/// The MCP SDK's standard input and output, except that the end of the input ends the session only once every
/// request read before it has been answered: a client that writes its requests and closes its side at once
/// (`printf '…' | ask mcp`) gets every answer. The SDK alone ends the session at the end of the input, dropping
/// answers still being worked out.
actor AnsweringStdioTransport: Transport {
    nonisolated let logger: Logger
    private let stdio = StdioTransport()
    private var input: AsyncThrowingStream<Data, any Error>?
    /// The ids of requests read and not yet answered, as their JSON text.
    private var unanswered: Set<String> = []
    private var waitingForAnswers: [CheckedContinuation<Void, Never>] = []
    /// How long the end of the input waits for answers (a request the SDK cannot read gets an answer without its id).
    static let secondsToAnswer: Double = 60

    init() {
        logger = stdio.logger
    }

    func connect() async throws {
        try await stdio.connect()
        input = await stdio.receive()
    }

    func disconnect() async { await stdio.disconnect() }

    func send(_ data: Data) async throws {
        try await stdio.send(data)
        unanswered.subtract(Self.ids(in: data, requests: false))
        if unanswered.isEmpty { finishWaiting() }
    }

    func receive() -> AsyncThrowingStream<Data, any Error> {
        let (messages, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        guard let input else {
            continuation.finish(throwing: MCPError.internalError("not connected"))
            return messages
        }
        Task {
            do {
                for try await message in input {
                    self.received(message)
                    continuation.yield(message)
                }
                await self.answersToAll()
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        return messages
    }

    private func received(_ message: Data) {
        unanswered.formUnion(Self.ids(in: message, requests: true))
    }

    /// Returns when every request read has been answered, or after ``secondsToAnswer``.
    private func answersToAll() async {
        guard !unanswered.isEmpty else { return }
        Task {
            try? await Task.sleep(nanoseconds: UInt64(Self.secondsToAnswer * 1e9))
            self.finishWaiting()
        }
        await withCheckedContinuation { waitingForAnswers.append($0) }
    }

    private func finishWaiting() {
        let waiting = waitingForAnswers
        waitingForAnswers = []
        waiting.forEach { $0.resume() }
    }

    /// The ids of the requests (with a `method`) or of the answers (without) in a message or a batch of them.
    static func ids(in message: Data, requests: Bool) -> [String] {
        guard let json = try? JSONSerialization.jsonObject(with: message) else { return [] }
        let objects = (json as? [[String: Any]]) ?? [json as? [String: Any]].compactMap { $0 }
        return objects.compactMap { object in
            guard let id = object["id"], (object["method"] is String) == requests,
                let text = try? JSONSerialization.data(withJSONObject: [id])
            else { return nil }
            return String(decoding: text, as: UTF8.self)
        }
    }
}
