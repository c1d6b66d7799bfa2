import Foundation
import ZIPFoundation

/// A zip file (a `.docx`, `.odt` or `.epub` is one), whose members are read with limits: a member
/// larger than ``maximumMemberBytes`` once inflated, or members adding up to more than ``maximumTotalBytes``, stop
/// the read, whatever sizes the archive declares (a zip bomb declares small ones).
struct ZipContainer {
    /// What went wrong reading a container, in words for a warning.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let archive: Archive
    private var bytesRead = 0

    /// The largest member read, inflated: far more than the text of any book.
    static let maximumMemberBytes = 64 << 20
    /// The most read from one container, inflated.
    static let maximumTotalBytes = 256 << 20

    /// Opens the zip data.
    ///
    /// The data is written to a temporary file that is removed at once (the archive keeps it open): ZIPFoundation's
    /// in-memory archives trap on a central directory that points past the data, and leak when they find no end
    /// record, where its file-backed ones read such archives as damaged.
    /// - Throws: ``Failure`` when it is not a zip file.
    init(_ data: Data) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ask-\(UUID().uuidString).zip")
        do {
            try data.write(to: file)
        } catch {
            throw Failure(description: "cannot write a temporary copy: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw Failure(description: "not a zip file")
        }
    }

    /// The inflated bytes of the member at `path`; `nil` when there is none.
    /// - Throws: ``Failure`` when the member is damaged or larger than the limits allow.
    mutating func member(_ path: String) throws -> Data? {
        guard let entry = archive[path], entry.type == .file else { return nil }
        var data = Data()
        let limit = min(Self.maximumMemberBytes, Self.maximumTotalBytes - bytesRead)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw Failure(description: "\(path) inflates past \(limit >> 20) MB") }
                data.append(chunk)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(path) is damaged")
        }
        bytesRead += data.count
        return data
    }

    /// The member at `path` as UTF-8 text; `nil` when there is none.
    mutating func text(_ path: String) throws -> String? {
        try member(path).map { String(decoding: $0, as: UTF8.self) }
    }
}
