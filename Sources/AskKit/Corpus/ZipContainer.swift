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
    /// Where each member's data lies in the file, by path, as the central directory says.
    private let extents: [String: Range<Int>]

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
        extents = Self.extents(in: data)
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
        // ZIPFoundation reads a member's compressed bytes until it has them all: one said to run past the end of the
        // file would be read for ever (found by FuzzContainers).
        guard let extent = extents[path], extent.count == Int(clamping: entry.compressedSize) else {
            throw Failure(description: "\(path) is damaged")
        }
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

    /// Where the members' compressed data lie, by path: from the central directory (at the end record's offset),
    /// each entry's local header offset and compressed size, and the local header's name and extra lengths. Only
    /// members whose data lies inside the file are listed; ZIP64 sizes (0xFFFFFFFF) are not read.
    static func extents(in data: Data) -> [String: Range<Int>] {
        let bytes = [UInt8](data)
        func integer(_ offset: Int, _ width: Int) -> Int? {
            guard offset >= 0, offset + width <= bytes.count else { return nil }
            return (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        guard bytes.count >= 22 else { return [:] }
        var end = bytes.count - 22
        while end >= max(0, bytes.count - 22 - 65_535), integer(end, 4) != 0x0605_4B50 { end -= 1 }
        guard end >= 0, let count = integer(end + 10, 2), var entry = integer(end + 16, 4) else { return [:] }
        var extents: [String: Range<Int>] = [:]
        for _ in 0..<count {
            guard integer(entry, 4) == 0x0201_4B50, let size = integer(entry + 20, 4),
                let nameLength = integer(entry + 28, 2), let extraLength = integer(entry + 30, 2),
                let commentLength = integer(entry + 32, 2), let header = integer(entry + 42, 4),
                entry + 46 + nameLength <= bytes.count
            else { break }
            let name = String(decoding: bytes[(entry + 46)..<(entry + 46 + nameLength)], as: UTF8.self)
            if integer(header, 4) == 0x0403_4B50, let localName = integer(header + 26, 2),
                let localExtra = integer(header + 28, 2)
            {
                let start = header + 30 + localName + localExtra
                if start + size <= bytes.count { extents[name] = start..<(start + size) }
            }
            entry += 46 + nameLength + extraLength + commentLength
        }
        return extents
    }

    /// The member at `path` as UTF-8 text; `nil` when there is none.
    mutating func text(_ path: String) throws -> String? {
        try member(path).map { String(decoding: $0, as: UTF8.self) }
    }
}
