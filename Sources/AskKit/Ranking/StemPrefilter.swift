/// A quick test that rules out most stems before a set or dictionary lookup: a 64-bit mask of the wanted stems'
/// byte lengths and first bytes. Reading a `String`'s length and first byte costs a few nanoseconds; hashing it
/// costs ten times that, and most stems of a passage are not among a question's few.
struct StemPrefilter: Sendable {
    private var mask: UInt64 = 0

    init(_ stems: some Sequence<String>) {
        for stem in stems { mask |= Self.bit(of: stem) }
    }

    /// False when `stem` is certainly none of the wanted stems; true when it may be one.
    func mayContain(_ stem: String) -> Bool {
        mask & Self.bit(of: stem) != 0
    }

    private static func bit(of stem: String) -> UInt64 {
        let bytes = stem.utf8
        return 1 << UInt64((Int(bytes.first ?? 0) &* 31 &+ bytes.count) & 63)
    }
}
