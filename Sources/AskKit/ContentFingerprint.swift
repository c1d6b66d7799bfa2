import Foundation

extension Data {
    /// A stable hash of the bytes, eight at a time, that identifies a file of vectors or weights: an index records
    /// the one that made its vectors. FNV-1a a byte at a time over the 7.9 MB table of token vectors made a cold
    /// `ask "how long to heal"` take 0.11–0.14 s instead of 0.05–0.06 s.
    var contentFingerprint: String {
        withUnsafeBytes { raw in
            var state: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                state = (state ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                    &* 0x0000_0100_0000_01b3
                state ^= state >> 29
                offset += 8
            }
            while offset < raw.count {
                state = (state ^ UInt64(raw[offset])) &* 0x0000_0100_0000_01b3
                offset += 1
            }
            let hex = String(state, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
    }
}
