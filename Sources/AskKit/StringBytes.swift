extension String {
    /// The first place at or after `position` whose UTF-8 byte `isWanted` accepts: searched in the string's own
    /// bytes when it keeps them in one block (as a native string does), not byte by byte through its `UTF8View`,
    /// which checks an index at every step. For ASCII bytes, which always open a character.
    func firstIndex(ofByteFrom position: Index, where isWanted: (UInt8) -> Bool) -> Index? {
        let bytes = utf8
        let start = bytes.distance(from: bytes.startIndex, to: position)
        let found: Int?? = bytes.withContiguousStorageIfAvailable { buffer in
            var offset = start
            while offset < buffer.count {
                if isWanted(buffer[offset]) { return offset }
                offset += 1
            }
            return nil
        }
        guard let found else { return bytes[position...].firstIndex(where: isWanted) }
        return found.map { bytes.index(bytes.startIndex, offsetBy: $0) }
    }
}
