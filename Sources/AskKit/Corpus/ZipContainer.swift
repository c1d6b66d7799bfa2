import Foundation
import ZIPFoundation

/// A zip file read in memory (a `.docx`, `.odt` or `.epub` is one), whose members are read with limits: a member
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
    /// - Throws: ``Failure`` when it is not a zip file.
    init(_ data: Data) throws {
        // Checked here first: ZIPFoundation leaks its in-memory file when it finds no end record.
        guard Self.hasEndRecord(data) else { throw Failure(description: "not a zip file") }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Failure(description: "not a zip file")
        }
    }

    /// True when the data ends with a zip's end-of-central-directory record: its signature `PK\u{5}\u{6}` with at
    /// least the record's 22 bytes from it to the end, within the last 22 + 65,535 bytes (the longest comment).
    static func hasEndRecord(_ data: Data) -> Bool {
        guard data.count >= 22 else { return false }
        let tail = data.suffix(22 + 65_535)
        var index = tail.endIndex - 22
        while index >= tail.startIndex {
            if tail[index] == 0x50, tail[index + 1] == 0x4B, tail[index + 2] == 0x05, tail[index + 3] == 0x06 {
                return true
            }
            index -= 1
        }
        return false
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
