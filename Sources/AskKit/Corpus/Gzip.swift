import SystemZlib
import Foundation

/// Decompresses gzip data (`.jsonl.gz` collections are read directly).
enum Gzip {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// The decompressed bytes of one or more concatenated gzip members.
    static func decompress(_ data: Data) throws -> Data {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "cannot start gzip decompression")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        let chunkSize = 1 << 18
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            guard let base = input.bindMemory(to: Bytef.self).baseAddress else { return }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(input.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(chunkSize)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(chunk, count: chunkSize - Int(stream.avail_out))
                if status == Z_STREAM_END {
                    // Another member may follow.
                    guard stream.avail_in > 0 else { break }
                    guard inflateReset(&stream) == Z_OK else { throw Failure(description: "damaged gzip data") }
                    continue
                }
                guard status == Z_OK else { throw Failure(description: "damaged gzip data") }
                if stream.avail_in == 0 && stream.avail_out != 0 { throw Failure(description: "truncated gzip data") }
            }
        }
        return output
    }
}
