import Foundation
import SystemZlib

/// Inflates deflate data with zlib: gzip files (`.jsonl.gz` collections are read directly) and the raw deflate
/// streams of zip members (`.docx`, `.odt`, `.epub`).
enum Gzip {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// How the deflate data is wrapped.
    enum Format {
        /// One or more concatenated gzip members.
        case gzip
        /// A bare deflate stream, as a zip member's data is.
        case raw
    }

    static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// The decompressed bytes of one or more concatenated gzip members.
    static func decompress(_ data: Data) throws -> Data {
        try inflate(data, format: .gzip, limit: .max)
    }

    /// The inflated bytes of `data`, which must hold whole streams: data that ends before its stream does is
    /// "truncated", never read past.
    /// - Throws: ``Failure`` when the data is damaged, truncated, or inflates past `limit` bytes.
    static func inflate(_ data: Data, format: Format, limit: Int) throws -> Data {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header; -MAX_WBITS: no header at all.
        let windowBits = format == .gzip ? 16 + MAX_WBITS : -MAX_WBITS
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "cannot start decompression")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        let chunkSize = 1 << 18
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            guard let base = input.bindMemory(to: Bytef.self).baseAddress else {
                throw Failure(description: "truncated data")
            }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(input.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(chunkSize)
                    return SystemZlib.inflate(&stream, Z_NO_FLUSH)
                }
                output.append(chunk, count: chunkSize - Int(stream.avail_out))
                if output.count > limit { throw Failure(description: "inflates past \(limit >> 20) MB") }
                if status == Z_STREAM_END {
                    // Another gzip member may follow.
                    guard format == .gzip, stream.avail_in > 0 else { break }
                    guard inflateReset(&stream) == Z_OK else { throw Failure(description: "damaged data") }
                    continue
                }
                guard status == Z_OK else {
                    throw Failure(description: status == Z_BUF_ERROR ? "truncated data" : "damaged data")
                }
                if stream.avail_in == 0 && stream.avail_out != 0 { throw Failure(description: "truncated data") }
            }
        }
        return output
    }
}
