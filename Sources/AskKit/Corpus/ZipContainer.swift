import Foundation

/// A zip file (a `.docx`, `.odt` or `.epub` is one), read in memory: its central directory says where each member's
/// data lies, and a member is inflated with zlib from exactly those bytes, up to a limit — a member larger than
/// ``maximumMemberBytes`` once inflated, or members adding up to more than ``maximumTotalBytes``, stop the read
/// whatever sizes the archive declares (a zip bomb declares small ones).
///
/// Not ZIPFoundation (0.9.20), which the readers used first: on hostile files found by `FuzzContainers` its
/// in-memory archives trap on a central directory that points past the data, and its extraction reads a deflate
/// stream that never ends for ever, past the member and the end of the file. Reading a zip member is the part of
/// the format these readers need: stored and deflated members, no encryption, no ZIP64.
struct ZipContainer {
    /// What went wrong reading a container, in words for a warning.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A member: where its data lies in the file, and how it is compressed.
    private struct Member {
        var data: Range<Int>
        /// 0 stored, 8 deflated.
        var method: Int
        var isEncrypted: Bool
    }

    private let bytes: Data
    private let members: [String: Member]
    private var bytesRead = 0

    /// The largest member read, inflated: far more than the text of any book.
    static let maximumMemberBytes = 64 << 20
    /// The most read from one container, inflated.
    static let maximumTotalBytes = 256 << 20

    /// Opens the zip data.
    /// - Throws: ``Failure`` when it is not a zip file.
    init(_ data: Data) throws {
        bytes = data
        members = Self.members(in: [UInt8](data))
        guard !members.isEmpty else { throw Failure(description: "not a zip file") }
    }

    /// The inflated bytes of the member at `path`; `nil` when there is none.
    /// - Throws: ``Failure`` when the member is damaged, encrypted, compressed in a way not read, or larger than the
    ///   limits allow.
    mutating func member(_ path: String) throws -> Data? {
        guard let member = members[path] else { return nil }
        let limit = min(Self.maximumMemberBytes, Self.maximumTotalBytes - bytesRead)
        let stored = bytes[(bytes.startIndex + member.data.lowerBound)..<(bytes.startIndex + member.data.upperBound)]
        let data: Data
        switch member.method {
        case _ where member.isEncrypted: throw Failure(description: "\(path) is encrypted")
        case 0: data = Data(stored)
        case 8:
            do {
                data = try Gzip.inflate(Data(stored), format: .raw, limit: limit)
            } catch let failure as Gzip.Failure {
                throw Failure(description: "\(path): \(failure.description)")
            }
        default: throw Failure(description: "\(path) is compressed by method \(member.method), which is not read")
        }
        guard data.count <= limit else { throw Failure(description: "\(path) inflates past \(limit >> 20) MB") }
        bytesRead += data.count
        return data
    }

    /// The member at `path` as UTF-8 text; `nil` when there is none.
    mutating func text(_ path: String) throws -> String? {
        try member(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The members whose data lies inside the file, by path: from the central directory (at the end record's
    /// offset), each entry's flags, method, compressed size and local header offset, and the local header's name
    /// and extra lengths. ZIP64 sizes (0xFFFFFFFF) lie past any file read here and are left out with the rest.
    private static func members(in bytes: [UInt8]) -> [String: Member] {
        func integer(_ offset: Int, _ width: Int) -> Int? {
            guard offset >= 0, offset + width <= bytes.count else { return nil }
            return (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        guard bytes.count >= 22 else { return [:] }
        var end = bytes.count - 22
        while end >= max(0, bytes.count - 22 - 65_535), integer(end, 4) != 0x0605_4B50 { end -= 1 }
        guard end >= 0, let count = integer(end + 10, 2), var entry = integer(end + 16, 4) else { return [:] }
        var members: [String: Member] = [:]
        for _ in 0..<count {
            guard integer(entry, 4) == 0x0201_4B50, let flags = integer(entry + 8, 2),
                let method = integer(entry + 10, 2), let size = integer(entry + 20, 4),
                let nameLength = integer(entry + 28, 2), let extraLength = integer(entry + 30, 2),
                let commentLength = integer(entry + 32, 2), let header = integer(entry + 42, 4),
                entry + 46 + nameLength <= bytes.count
            else { break }
            let name = String(decoding: bytes[(entry + 46)..<(entry + 46 + nameLength)], as: UTF8.self)
            if integer(header, 4) == 0x0403_4B50, let localName = integer(header + 26, 2),
                let localExtra = integer(header + 28, 2)
            {
                let start = header + 30 + localName + localExtra
                if start + size <= bytes.count, !name.hasSuffix("/") {
                    members[name] = Member(data: start..<(start + size), method: method, isEncrypted: flags & 1 != 0)
                }
            }
            entry += 46 + nameLength + extraLength + commentLength
        }
        return members
    }
}
